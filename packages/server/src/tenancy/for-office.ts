import { PorticoError } from '@portico/core';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { OrgScope } from './org-scope.ts';

/**
 * For payer staff procedures: the office the host portal names by its id, as a scope of its own, with its time
 * zone. NOT_FOUND (at `officeId`) when no office has that id; a payer organization is never an office.
 */
export async function forOffice(
  trx: Transaction<Database>,
  officeId: string,
): Promise<{ scope: OrgScope; timeZone: string }> {
  const office = await trx
    .selectFrom('organizations')
    .select(['id', 'time_zone'])
    .where('external_id', '=', officeId)
    .where('kind', '=', 'office')
    .executeTakeFirst();
  if (!office)
    throw new PorticoError('NOT_FOUND', 'There is no office with this id.', { fieldPath: 'officeId' });
  return { scope: OrgScope.ofOrganization(trx, office.id), timeZone: office.time_zone };
}
