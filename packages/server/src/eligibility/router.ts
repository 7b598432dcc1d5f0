import { randomUUID } from 'node:crypto';
import { ELIGIBILITY_TIMEOUT_SECONDS, timelinessShare, type eligibilityContract } from '@portico/core';
import { refusalOf } from '../clearinghouse/realtime.ts';
import type { Handlers } from '../trpc/handlers.ts';
import { exchangeHandler } from '../trpc/handlers.ts';
import { sendInquiry, type InquiryAnswer, type InquiryPlan } from './inquiry.ts';
import { nextControlNumber, providerForCheck, siteForCheck } from './member-request.ts';
import {
  answeredCheck,
  checkHistory,
  monthTimeliness,
  recordCheck,
  resultOfCheck,
  type CheckRecord,
} from './store.ts';

/**
 * Eligibility: the check waits on the payer between two short transactions (the kernel's exchange), so a slow
 * payer holds no database connection. The record of every check, answered or not, commits with its audit row.
 */
export const eligibilityHandlers: Handlers<typeof eligibilityContract> = {
  check: exchangeHandler({
    async prepare(input, { scope, principal, clock, today }): Promise<InquiryPlan> {
      const site = await siteForCheck(scope, principal, input.siteId);
      const providerName = await providerForCheck(scope, input.providerNpi);
      const checkId = randomUUID();
      return {
        checkId,
        checkedAt: clock.now(),
        siteId: site.id,
        userId: principal.userId,
        providerName,
        controlNumber: await nextControlNumber(scope),
        traceNumber: checkId.replaceAll('-', '').toUpperCase(),
        dateOfService: input.dateOfService ?? today,
        input: {
          memberId: input.memberId,
          firstName: input.firstName,
          lastName: input.lastName,
          dateOfBirth: input.dateOfBirth,
          providerNpi: input.providerNpi,
          serviceTypes: input.serviceTypes,
        },
      };
    },
    exchange: (plan, context) => sendInquiry(plan, context),
    async finish(answer: InquiryAnswer, plan, { scope, audit, memberServices }) {
      const check: CheckRecord = {
        id: plan.checkId,
        siteId: plan.siteId,
        userId: plan.userId,
        ...plan.input,
        dateOfService: plan.dateOfService,
        controlNumber: String(plan.controlNumber),
        traceNumber: plan.traceNumber,
        requestX12: answer.requestX12,
        checkedAt: plan.checkedAt,
        outcome: answer.summary ? answer.summary.plan.status : (answer.problem?.outcome ?? 'UNAVAILABLE'),
        problem: answer.problem?.message ?? null,
        answeredAt: answer.answeredAt,
        durationMs: answer.durationMs,
        responseX12: answer.responseX12,
        summary: answer.summary,
        asOf: answer.asOf,
      };
      await recordCheck(scope, check);
      // The check's id, not the member: audit rows carry no member data; the check row says whom it was about.
      await audit.record({
        action: 'eligibility.check',
        entity: 'eligibility_check',
        entityId: plan.checkId,
      });
      if (answer.problem) return refusalOf(answer.problem);
      return resultOfCheck(check, memberServices.codeLists);
    },
  }),

  async history(input, { scope, principal, audit, today }) {
    const day = input.day ?? today;
    const page = await checkHistory(scope, principal, day, input);
    await audit.record({ action: 'eligibility.history', entity: 'eligibility_check', entityId: day });
    return { day, ...page };
  },

  async get(input, { scope, principal, audit, memberServices }) {
    const check = await answeredCheck(scope, principal, input.checkId);
    await audit.record({ action: 'eligibility.view', entity: 'eligibility_check', entityId: input.checkId });
    return resultOfCheck(check, memberServices.codeLists);
  },

  async timeliness(input, { scope, principal }) {
    const limitSeconds = ELIGIBILITY_TIMEOUT_SECONDS;
    const counts = await monthTimeliness(
      scope,
      input.month,
      principal.organization.timeZone,
      limitSeconds * 1000,
    );
    return {
      month: input.month,
      ...counts,
      shareBasisPoints: timelinessShare(counts.total, counts.withinLimit),
      limitSeconds,
    };
  },
};
