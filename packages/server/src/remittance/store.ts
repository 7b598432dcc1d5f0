import {
  decodeRemittanceCursor,
  encodeRemittanceCursor,
  PorticoError,
  remittanceBodySchema,
  paymentMethodOf,
  type RemittanceDetail,
  type RemittanceListInput,
  type RemittanceSummary,
} from '@portico/core';
import type { Principal } from '../auth/principal.ts';
import type { OrgScope } from '../tenancy/org-scope.ts';

function remittancesOfSites(scope: OrgScope, principal: Principal) {
  return scope
    .selectFrom('remittances')
    .innerJoin('sites', (join) =>
      join
        .onRef('sites.id', '=', 'remittances.site_id')
        .onRef('sites.organization_id', '=', 'remittances.organization_id'),
    )
    .where('remittances.site_id', 'in', principal.siteIds)
    .select([
      'remittances.id',
      'remittances.trace_number',
      'remittances.method',
      'remittances.payment_date',
      'remittances.payment_cents',
      'remittances.payer_id',
      'remittances.payer_name',
      'remittances.payee_npi',
      'remittances.payee_name',
      'sites.name as site_name',
      'remittances.claim_count',
      'remittances.received_at',
      'remittances.source',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof remittancesOfSites>['execute']>>[number];

const summaryOf = (row: SummaryRow): RemittanceSummary => ({
  remittanceId: row.id,
  traceNumber: row.trace_number,
  method: paymentMethodOf(row.method),
  paymentDate: row.payment_date,
  paymentCents: Number(row.payment_cents),
  payer: { name: row.payer_name, id: row.payer_id },
  payee: { name: row.payee_name, npi: row.payee_npi },
  siteName: row.site_name,
  claimCount: row.claim_count,
  receivedAt: row.received_at.toISOString(),
  source: row.source,
});

/**
 * One page of the remittances paid to the caller's sites, newest payment first (keyset on payment date and id),
 * filtered by payment dates, method, or a number: the trace number, or a claim's payer claim number, patient
 * account number or member id.
 */
export async function listRemittances(
  scope: OrgScope,
  principal: Principal,
  input: Exclude<RemittanceListInput, undefined> & { limit: number },
): Promise<{ remittances: RemittanceSummary[]; nextCursor: string | null }> {
  const after = input.cursor === undefined ? null : decodeRemittanceCursor(input.cursor);
  if (input.cursor !== undefined && after === null)
    throw new PorticoError('BAD_REQUEST', 'This page link is no longer valid.', { fieldPath: 'cursor' });
  if (principal.siteIds.length === 0) return { remittances: [], nextCursor: null };
  let query = remittancesOfSites(scope, principal);
  if (input.paidFrom) query = query.where('remittances.payment_date', '>=', input.paidFrom);
  if (input.paidTo) query = query.where('remittances.payment_date', '<=', input.paidTo);
  if (input.method) query = query.where('remittances.method', '=', input.method);
  const search = input.search?.toUpperCase();
  if (search)
    query = query.where((eb) =>
      eb.or([
        // Trace numbers are kept as the payer wrote them (mostly digits and capitals): typed either way.
        eb('remittances.trace_number', 'in', [input.search ?? '', search]),
        eb.exists(
          eb
            .selectFrom('remittance_claims')
            .select('remittance_claims.position')
            .whereRef('remittance_claims.organization_id', '=', 'remittances.organization_id')
            .whereRef('remittance_claims.remittance_id', '=', 'remittances.id')
            .where((inner) =>
              inner.or([
                inner('remittance_claims.payer_claim_number', '=', search),
                inner('remittance_claims.patient_account_number', '=', search),
                inner('remittance_claims.member_id', '=', search),
              ]),
            ),
        ),
      ]),
    );
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('remittances.payment_date', '<', after.paymentDate),
        eb.and([eb('remittances.payment_date', '=', after.paymentDate), eb('remittances.id', '<', after.id)]),
      ]),
    );
  const rows = await query
    .orderBy('remittances.payment_date', 'desc')
    .orderBy('remittances.id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const shown = rows.slice(0, input.limit);
  const last = shown.at(-1);
  return {
    remittances: shown.map(summaryOf),
    nextCursor:
      rows.length > input.limit && last
        ? encodeRemittanceCursor({ paymentDate: last.payment_date, id: last.id })
        : null,
  };
}

/** One remittance of the caller's sites with its whole explanation of payment. */
export async function remittanceDetail(
  scope: OrgScope,
  principal: Principal,
  remittanceId: string,
): Promise<RemittanceDetail> {
  const row =
    principal.siteIds.length === 0
      ? undefined
      : await remittancesOfSites(scope, principal)
          .select('remittances.body')
          .where('remittances.id', '=', remittanceId)
          .executeTakeFirst();
  if (!row)
    throw new PorticoError('NOT_FOUND', 'There is no such remittance at your sites.', {
      fieldPath: 'remittanceId',
    });
  return { ...summaryOf(row), ...remittanceBodySchema.parse(row.body) };
}
