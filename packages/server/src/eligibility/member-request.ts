import { PorticoError } from '@portico/core';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import type { OrgScope } from '../tenancy/org-scope.ts';

// What every member-data request to the payer settles first (eligibility, claim status): the site it is for, the
// office's provider who asks, and the interchange control number. A seam: claims use it too.

/** The next interchange control number, from the one sequence every instance draws from. */
export async function nextControlNumber(scope: OrgScope): Promise<number> {
  const result = await sql<{
    value: string;
  }>`select nextval('x12_control_number_seq')::text as value`.execute(scope.transaction);
  return Number(result.rows[0]?.value ?? 0);
}

/** The site a check is made for: the one asked (one of the caller's), or the caller's only site. */
export async function siteForCheck(
  scope: OrgScope,
  principal: Principal,
  siteId: string | undefined,
): Promise<{ id: string; name: string }> {
  const chosen = siteId ?? (principal.siteIds.length === 1 ? principal.siteIds[0] : undefined);
  if (principal.siteIds.length === 0)
    throw new PorticoError(
      'FORBIDDEN',
      'You are not assigned to a site of this office. Ask your user administrator.',
    );
  if (chosen === undefined)
    throw new PorticoError('BAD_REQUEST', 'Choose the site the visit is at.', { fieldPath: 'siteId' });
  const site = principal.siteIds.includes(chosen)
    ? await scope.selectFrom('sites').select(['id', 'name']).where('id', '=', chosen).executeTakeFirst()
    : undefined;
  if (!site) throw new PorticoError('NOT_FOUND', 'That is not one of your sites.', { fieldPath: 'siteId' });
  return site;
}

/** The office's provider with this NPI, by name: only the office's own providers may ask about members. */
export async function providerForCheck(scope: OrgScope, npi: string): Promise<string> {
  const provider = await scope
    .selectFrom('providers')
    .select(['first_name', 'last_name', 'organization_name'])
    .where('npi', '=', npi)
    .executeTakeFirst();
  if (!provider)
    throw new PorticoError('NOT_FOUND', "This NPI is not on your office's provider list.", {
      fieldPath: 'providerNpi',
    });
  return provider.organization_name ?? [provider.first_name, provider.last_name].filter(Boolean).join(' ');
}
