import { randomUUID } from 'node:crypto';
import type { claimsContract } from '@portico/core';
import { nextControlNumber, providerForCheck, siteForCheck } from '../eligibility/member-request.ts';
import { refusalOf } from '../clearinghouse/realtime.ts';
import type { Handlers } from '../trpc/handlers.ts';
import { exchangeHandler } from '../trpc/handlers.ts';
import { sendInquiry, type InquiryAnswer, type InquiryPlan } from './inquiry.ts';
import {
  answeredInquiry,
  inquiryHistory,
  recordInquiry,
  resultOfInquiry,
  type InquiryRecord,
} from './store.ts';

/**
 * Claim status: like eligibility, the inquiry waits on the payer between two short transactions (the kernel's
 * exchange). Every inquiry, answered or not, is kept with its audit row; the audit row names the inquiry, never
 * the member.
 */
export const claimsHandlers: Handlers<typeof claimsContract> = {
  status: exchangeHandler({
    async prepare(input, { scope, principal, clock }): Promise<InquiryPlan> {
      const site = await siteForCheck(scope, principal, input.siteId);
      const providerName = await providerForCheck(scope, input.providerNpi);
      const inquiryId = randomUUID();
      return {
        inquiryId,
        checkedAt: clock.now(),
        siteId: site.id,
        siteName: site.name,
        userId: principal.userId,
        providerName,
        controlNumber: await nextControlNumber(scope),
        traceNumber: inquiryId.replaceAll('-', '').toUpperCase(),
        input: {
          memberId: input.memberId,
          firstName: input.firstName,
          lastName: input.lastName,
          dateOfBirth: input.dateOfBirth,
          providerNpi: input.providerNpi,
          serviceFrom: input.serviceFrom,
          serviceTo: input.serviceTo ?? input.serviceFrom,
          payerClaimNumber: input.payerClaimNumber ?? null,
          patientAccountNumber: input.patientAccountNumber ?? null,
          chargedCents: input.chargedCents ?? null,
        },
      };
    },
    exchange: (plan, context) => sendInquiry(plan, context),
    async finish(answer: InquiryAnswer, plan, { scope, audit, memberServices }) {
      const inquiry: InquiryRecord = {
        id: plan.inquiryId,
        siteId: plan.siteId,
        userId: plan.userId,
        ...plan.input,
        controlNumber: String(plan.controlNumber),
        traceNumber: plan.traceNumber,
        requestX12: answer.requestX12,
        checkedAt: plan.checkedAt,
        outcome: answer.summary
          ? (answer.summary.claims[0]?.phase ?? 'NOT_FOUND')
          : (answer.problem?.outcome ?? 'UNAVAILABLE'),
        problem: answer.problem?.message ?? null,
        answeredAt: answer.answeredAt,
        durationMs: answer.durationMs,
        responseX12: answer.responseX12,
        summary: answer.summary,
      };
      await recordInquiry(scope, inquiry);
      await audit.record({
        action: 'claims.status',
        entity: 'claim_status_inquiry',
        entityId: plan.inquiryId,
      });
      if (answer.problem) return refusalOf(answer.problem);
      return resultOfInquiry(inquiry, memberServices.codeLists);
    },
  }),

  async history(input, { scope, principal, audit, today }) {
    const day = input.day ?? today;
    const page = await inquiryHistory(scope, principal, day, input);
    await audit.record({ action: 'claims.history', entity: 'claim_status_inquiry', entityId: day });
    return { day, ...page };
  },

  async get(input, { scope, principal, audit, memberServices }) {
    const inquiry = await answeredInquiry(scope, principal, input.inquiryId);
    await audit.record({ action: 'claims.view', entity: 'claim_status_inquiry', entityId: input.inquiryId });
    return resultOfInquiry(inquiry, memberServices.codeLists);
  },
};
