import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Clearinghouse } from '../services/clearinghouse.ts';
import { PAYLOAD_TYPES } from '../services/clearinghouse.ts';
import type { Clock } from '../services/clock.ts';
import { publishEvent } from '../services/event-bus.ts';
import type { Logger } from '../logger.ts';
import { OrgScope } from '../tenancy/org-scope.ts';
import type { MemberServicesSettings } from '../trpc/context.ts';
import { loadInterchange } from './intake.ts';

export interface RetrievalReport {
  enrollments: number;
  loaded: number;
  duplicates: number;
  rejected: number;
  failed: number;
}

/**
 * One pass of the remittance job: for every active EFT/ERA enrollment of every office, retrieves the payee's
 * 835s through the clearinghouse (CORE batch retrieval) and keeps the balanced ones, each in its own
 * transaction. Several instances may run it at once: a payment is kept once (its unique trace number). The log
 * carries counts and the failing enrollment's id, never a member's data nor the payload.
 */
export async function retrieveRemittances(services: {
  db: Kysely<Database>;
  clearinghouse: Clearinghouse;
  memberServices: MemberServicesSettings;
  clock: Clock;
  logger: Logger;
}): Promise<RetrievalReport> {
  const { db, clearinghouse, memberServices, clock, logger } = services;
  const enrollments = await db
    .selectFrom('eft_enrollments')
    .select(['organization_id', 'id', 'payee_npi'])
    .where('status', '=', 'ACTIVE')
    .orderBy('organization_id')
    .orderBy('id')
    .execute();
  const report: RetrievalReport = {
    enrollments: enrollments.length,
    loaded: 0,
    duplicates: 0,
    rejected: 0,
    failed: 0,
  };
  for (const enrollment of enrollments) {
    try {
      const answer = await clearinghouse.exchange({
        payloadType: PAYLOAD_TYPES.remittanceRequest,
        processingMode: 'Batch',
        payloadId: randomUUID(),
        senderId: enrollment.payee_npi,
        receiverId: memberServices.payerId,
        payload: '',
        signal: AbortSignal.timeout(memberServices.timeoutMs * 3),
      });
      if (answer.payloadType !== PAYLOAD_TYPES.remittanceResponse)
        throw new Error(`the clearinghouse answered ${answer.payloadType || 'nothing'}`);
      if (answer.payload === '') continue;
      const result = await db.transaction().execute(async (trx) => {
        const scope = OrgScope.ofOrganization(trx, enrollment.organization_id);
        const loaded = await loadInterchange(scope, answer.payload, {
          source: 'CLEARINGHOUSE',
          now: clock.now(),
          lists: memberServices.codeLists,
        });
        for (const kept of loaded.loaded)
          await publishEvent(scope, {
            topic: 'remittance.changed',
            entityId: kept.remittanceId,
            at: clock.now().toISOString(),
          });
        return loaded;
      });
      report.loaded += result.loaded.length;
      report.duplicates += result.duplicates.length;
      report.rejected += result.rejected.length;
      if (result.rejected.length > 0)
        logger.warn(
          { enrollmentId: enrollment.id, rejected: result.rejected.length },
          'retrieved 835s that do not pass their guide or balance were not loaded',
        );
    } catch (error) {
      report.failed += 1;
      logger.error(
        { enrollmentId: enrollment.id, err: error instanceof Error ? error.message : 'unknown' },
        'remittance retrieval failed; it is tried again at the next run',
      );
    }
  }
  return report;
}
