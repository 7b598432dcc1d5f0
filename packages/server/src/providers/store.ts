import {
  maskedSsn,
  npiEntityKind,
  parseTin,
  PorticoError,
  type Provider,
  type providerInputSchema,
} from '@portico/core';
import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { ProvidersTable } from '../db/database.ts';
import type { Sealer } from '../services/sealer.ts';
import { heldMedicareSubscriptions } from '../storefront/medicare-readiness.ts';
import type { OrgScope } from '../tenancy/org-scope.ts';

type ProviderFields = z.output<typeof providerInputSchema>;
type Enrollment = Provider['medicare']['enrollments'][number];

/** The columns a TIN is stored in: an EIN as written; an SSN sealed, with only its last four digits readable. */
function tinColumns(tin: string, sealer: Sealer) {
  const parsed = parseTin(tin);
  if (!parsed.ok) throw new PorticoError('INVALID_TIN', parsed.problem, { fieldPath: 'tin' });
  const { kind, digits, formatted } = parsed.tin;
  return {
    tin_kind: kind,
    tin_ein: kind === 'EIN' ? formatted : null,
    tin_ssn_sealed: kind === 'SSN' ? sealer.seal(formatted) : null,
    tin_last4: digits.slice(5),
  };
}

function providerColumns(fields: ProviderFields, sealer: Sealer) {
  const kind = npiEntityKind(fields.npi);
  return {
    npi: fields.npi,
    entity_kind: kind,
    first_name: kind === 'individual' ? (fields.firstName ?? null) : null,
    last_name: kind === 'individual' ? (fields.lastName ?? null) : null,
    organization_name: kind === 'organization' ? (fields.organizationName ?? null) : null,
    specialty: fields.specialty ?? null,
    ...tinColumns(fields.tin, sealer),
  };
}

async function enrollmentsByNpi(
  scope: OrgScope,
  npis: readonly string[],
): Promise<Map<string, Enrollment[]>> {
  const byNpi = new Map<string, Enrollment[]>();
  if (npis.length === 0) return byNpi;
  // A row's description is NULL where it is its type's (migration 0009).
  const rows = await scope
    .selectFromCatalog('ppef_enrollments')
    .leftJoin('ppef_provider_types', 'ppef_provider_types.code', 'ppef_enrollments.provider_type_code')
    .select((eb) => [
      'ppef_enrollments.npi',
      'ppef_enrollments.enrollment_id',
      'ppef_enrollments.provider_type_code',
      eb.fn
        .coalesce(
          'ppef_enrollments.provider_type_description',
          'ppef_provider_types.description',
          sql.lit(''),
        )
        .as('provider_type_description'),
      'ppef_enrollments.state_code',
    ])
    .where('ppef_enrollments.npi', 'in', [...npis])
    .orderBy('ppef_enrollments.npi')
    .orderBy('ppef_enrollments.enrollment_id')
    .execute();
  for (const row of rows) {
    const list = byNpi.get(row.npi) ?? [];
    list.push({
      enrollmentId: row.enrollment_id,
      providerTypeCode: row.provider_type_code,
      providerTypeDescription: row.provider_type_description,
      state: row.state_code,
    });
    byNpi.set(row.npi, list);
  }
  return byNpi;
}

function toProvider(row: Selectable<ProvidersTable>, enrollments: Enrollment[]): Provider {
  const displayName =
    row.entity_kind === 'organization'
      ? (row.organization_name ?? row.npi)
      : [row.first_name, row.last_name].filter((part) => part !== null).join(' ');
  return {
    id: row.id,
    npi: row.npi,
    entityKind: row.entity_kind,
    displayName,
    firstName: row.first_name,
    lastName: row.last_name,
    organizationName: row.organization_name,
    tin: {
      kind: row.tin_kind,
      display: row.tin_kind === 'SSN' ? maskedSsn(row.tin_last4) : (row.tin_ein ?? ''),
    },
    specialty: row.specialty,
    medicare: { enrolled: enrollments.length > 0, enrollments },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The office's providers with their Medicare status, ordered by name. */
export async function listProviders(scope: OrgScope): Promise<Provider[]> {
  const rows = await scope.selectFrom('providers').selectAll().execute();
  const enrollments = await enrollmentsByNpi(
    scope,
    rows.map((row) => row.npi),
  );
  return rows
    .map((row) => toProvider(row, enrollments.get(row.npi) ?? []))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.npi.localeCompare(b.npi));
}

/** One provider of the office, or undefined. */
export async function findProvider(scope: OrgScope, id: string): Promise<Provider | undefined> {
  const row = await scope.selectFrom('providers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const enrollments = await enrollmentsByNpi(scope, [row.npi]);
  return toProvider(row, enrollments.get(row.npi) ?? []);
}

/** Refuses an NPI the office already lists (under another id). Call with the providers lock held. */
async function assertNpiFree(scope: OrgScope, npi: string, exceptId?: string): Promise<void> {
  let query = scope.selectFrom('providers').select('id').where('npi', '=', npi);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) {
    throw new PorticoError('CONFLICT', `NPI ${npi} is already on your provider list.`, { fieldPath: 'npi' });
  }
}

/** Adds a provider; returns its id. */
export async function insertProvider(
  scope: OrgScope,
  fields: ProviderFields,
  sealer: Sealer,
  now: Date,
): Promise<string> {
  await scope.lock('providers');
  await assertNpiFree(scope, fields.npi);
  const row = await scope
    .insertInto('providers', { ...providerColumns(fields, sealer), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Rows per multi-row insert: 13 parameters each, well under PostgreSQL's 65,535. */
const PROVIDER_BATCH = 2000;

/** Adds many providers in batches (the roster import); returns their ids. Call with the providers lock held. */
export async function insertProviders(
  scope: OrgScope,
  list: readonly ProviderFields[],
  sealer: Sealer,
  now: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < list.length; start += PROVIDER_BATCH) {
    const rows = list
      .slice(start, start + PROVIDER_BATCH)
      .map((fields) => ({ ...providerColumns(fields, sealer), created_at: now, updated_at: now }));
    const inserted = await scope.insertInto('providers', rows).returning('id').execute();
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

/** The NPIs the office lists now. */
export async function listedNpis(scope: OrgScope): Promise<Set<string>> {
  const rows = await scope.selectFrom('providers').select('npi').execute();
  return new Set(rows.map((row) => row.npi));
}

/**
 * docs/domain.md: an office holding a Medicare or Advantage plan keeps at least one Medicare-enrolled provider.
 * The one check for both ways of losing the last one: removing it (`nextNpi` null) or changing its NPI to one
 * the enrollment file does not list. Call with the providers lock held, so it holds under concurrent changes.
 */
async function assertMedicareProviderRemains(
  scope: OrgScope,
  provider: Provider,
  nextNpi: string | null,
  today: string,
): Promise<void> {
  if (!provider.medicare.enrolled || !(await hasActiveMedicareSubscription(scope, today))) return;
  if (nextNpi !== null) {
    const stillEnrolled = await scope.transaction
      .selectFrom('ppef_enrollments')
      .select('npi')
      .where('npi', '=', nextNpi)
      .executeTakeFirst();
    if (stillEnrolled) return;
  }
  const anotherEnrolled = await scope
    .selectFrom('providers')
    .select('providers.id')
    .where('providers.id', '<>', provider.id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('ppef_enrollments')
          .select('ppef_enrollments.npi')
          .whereRef('ppef_enrollments.npi', '=', 'providers.npi'),
      ),
    )
    .executeTakeFirst();
  if (anotherEnrolled) return;
  const change =
    nextNpi === null
      ? 'Add another Medicare-enrolled provider first.'
      : `The NPI ${nextNpi} is not enrolled in Medicare, so this change would leave them without one. Add another Medicare-enrolled provider first, or keep this NPI.`;
  throw new PorticoError(
    'LAST_MEDICARE_PROVIDER',
    `${provider.displayName} is your office's only Medicare-enrolled provider, and your Medicare services need at least one. ${change}`,
    { fieldPath: nextNpi === null ? 'id' : 'provider.npi' },
  );
}

/** Replaces a provider's details; false when the office has no such provider. */
export async function updateProvider(
  scope: OrgScope,
  id: string,
  fields: ProviderFields,
  sealer: Sealer,
  now: Date,
  today: string,
): Promise<boolean> {
  await scope.lock('providers');
  const provider = await findProvider(scope, id);
  if (!provider) return false;
  await assertNpiFree(scope, fields.npi, id);
  if (fields.npi !== provider.npi) await assertMedicareProviderRemains(scope, provider, fields.npi, today);
  await scope
    .updateTable('providers')
    .set({ ...providerColumns(fields, sealer), updated_at: now })
    .where('id', '=', id)
    .execute();
  return true;
}

/** Removes a provider, unless it is the last Medicare-enrolled one a held plan needs; false when there is none. */
export async function deleteProvider(scope: OrgScope, id: string, today: string): Promise<boolean> {
  await scope.lock('providers');
  const provider = await findProvider(scope, id);
  if (!provider) return false;
  await assertMedicareProviderRemains(scope, provider, null, today);
  await scope.deleteFrom('providers').where('id', '=', id).execute();
  return true;
}

/** True while the office holds a plan that needs a Medicare-enrolled provider (cancellation pending included). */
export async function hasActiveMedicareSubscription(scope: OrgScope, today: string): Promise<boolean> {
  const row = await heldMedicareSubscriptions(scope, today).select('subscriptions.id').executeTakeFirst();
  return row !== undefined;
}

/**
 * The office's providers in NPI order, one page at a time (keyset on NPI, each page its own short query), so a
 * roster of any size is read in constant memory. `read` runs one page's queries with the office's scope.
 */
export async function* providerPages(
  read: <T>(work: (scope: OrgScope) => Promise<T>) => Promise<T>,
  pageSize = 1000,
): AsyncGenerator<Provider[]> {
  let after = '';
  for (;;) {
    const page = await read(async (scope) => {
      const rows = await scope
        .selectFrom('providers')
        .selectAll()
        .where('npi', '>', after)
        .orderBy('npi')
        .limit(pageSize)
        .execute();
      const enrollments = await enrollmentsByNpi(
        scope,
        rows.map((row) => row.npi),
      );
      return rows.map((row) => toProvider(row, enrollments.get(row.npi) ?? []));
    });
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]?.npi ?? after;
  }
}
