import { npiEntityKind } from '@portico/core';
import type { Insertable } from 'kysely';
import type { ProvidersTable } from '../db/database.ts';

/**
 * A provider row for setting a test database up directly (in bulk, or in an office the test does not sign in
 * to): a person for an NPI starting with 1 (`name` is "First Last…"), a group for 2 (`name` is the group's), with
 * an EIN. Real additions go through `providers.add`, which checks what this does not.
 */
export function providerRow(
  organizationId: string,
  npi: string,
  name: string,
  ein = '27-1234567',
): Insertable<ProvidersTable> {
  const individual = npiEntityKind(npi) === 'individual';
  const space = name.indexOf(' ');
  return {
    organization_id: organizationId,
    npi,
    entity_kind: individual ? 'individual' : 'organization',
    first_name: individual ? name.slice(0, space) : null,
    last_name: individual ? name.slice(space + 1) : null,
    organization_name: individual ? null : name,
    tin_kind: 'EIN',
    tin_ein: ein,
    tin_last4: ein.slice(-4),
  };
}
