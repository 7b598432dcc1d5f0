import type { definePortalInputSchema, PayerPortal } from '@portico/core';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/database.ts';

/** A payer portal from its row (portals are one catalogue for every office). */
export function toPortal(row: {
  id: string;
  code: string;
  name: string;
  url: string;
  covered_payers: string[];
}): PayerPortal {
  return { id: row.id, code: row.code, name: row.name, url: row.url, coveredPayers: row.covered_payers };
}

export async function listPortals(trx: Transaction<Database>): Promise<PayerPortal[]> {
  const rows = await trx
    .selectFrom('payer_portals')
    .select(['id', 'code', 'name', 'url', 'covered_payers'])
    .orderBy('name')
    .execute();
  return rows.map(toPortal);
}

export async function definePortal(
  trx: Transaction<Database>,
  input: z.output<typeof definePortalInputSchema>,
): Promise<PayerPortal> {
  const coveredPayers = [...new Set(input.coveredPayers)];
  const row = await trx
    .insertInto('payer_portals')
    .values({ code: input.code, name: input.name, url: input.url, covered_payers: coveredPayers })
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({ name: input.name, url: input.url, covered_payers: coveredPayers }),
    )
    .returning(['id', 'code', 'name', 'url', 'covered_payers'])
    .executeTakeFirstOrThrow();
  return toPortal(row);
}
