import type { remittanceContract } from '@portico/core';
import { nextControlNumber } from '../eligibility/member-request.ts';
import type { Handlers } from '../trpc/handlers.ts';
import { decideEnrollment, enroll, listEnrollments } from './enrollments.ts';
import { renderEopPdf } from './eop-pdf.ts';
import { loadInterchange } from './intake.ts';
import { listRemittances, remittanceDetail } from './store.ts';

/**
 * Remittance: the office reads the 835s paid to its sites (each read audited, naming the remittance, never a
 * member) and keeps its EFT/ERA enrollments; the payer's staff or systems post 835s and settle enrollments.
 */
export const remittanceHandlers: Handlers<typeof remittanceContract> = {
  async list(input, { scope, principal, audit }) {
    const page = await listRemittances(scope, principal, input);
    // The list names no one remittance: its row names the page's first (or the office, for an empty page).
    await audit.record({
      action: 'remittance.list',
      entity: 'remittance',
      entityId: page.remittances[0]?.remittanceId ?? scope.organizationId,
    });
    return page;
  },

  async get(input, { scope, principal, audit }) {
    const detail = await remittanceDetail(scope, principal, input.remittanceId);
    await audit.record({ action: 'remittance.view', entity: 'remittance', entityId: input.remittanceId });
    return detail;
  },

  async eopPdf(input, { scope, principal, audit, clock }) {
    const remittance = await remittanceDetail(scope, principal, input.remittanceId);
    const bytes = await renderEopPdf({
      remittance,
      officeName: principal.organization.name,
      now: clock.now(),
    });
    await audit.record({ action: 'remittance.eop', entity: 'remittance', entityId: input.remittanceId });
    return {
      fileName: `EOP-${remittance.paymentDate}-${remittance.traceNumber.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`,
      contentType: 'application/pdf' as const,
      base64: Buffer.from(bytes).toString('base64'),
    };
  },

  enrollments: (_input, { scope }) => listEnrollments(scope),

  async enroll(input, { scope, sealer, principal, clock, audit, publish }) {
    const { enrollmentId } = await enroll(scope, sealer, principal, input, clock.now());
    await audit.record({ action: 'remittance.enroll', entity: 'eft_enrollment', entityId: enrollmentId });
    await publish({ topic: 'remittance.changed', entityId: enrollmentId });
    return listEnrollments(scope);
  },

  async post(input, { forOffice, clock, memberServices }) {
    const office = await forOffice(input.officeId);
    const result = await loadInterchange(office.scope, input.x12, {
      source: 'PAYER_SYSTEM',
      now: clock.now(),
      lists: memberServices.codeLists,
      acknowledge: {
        senderId: memberServices.senderId,
        usage: memberServices.usage,
        controlNumber: await nextControlNumber(office.scope),
      },
    });
    await office.audit.record({
      action: 'remittance.post',
      entity: 'remittance',
      entityId: result.loaded[0]?.remittanceId ?? office.scope.organizationId,
    });
    for (const loaded of result.loaded)
      await office.publish({ topic: 'remittance.changed', entityId: loaded.remittanceId });
    return result;
  },

  async decideEnrollment(input, { forOffice, clock }) {
    const office = await forOffice(input.officeId);
    await decideEnrollment(office.scope, input, clock.now());
    await office.audit.record({
      action: `remittance.enrollment_${input.decision === 'ACTIVE' ? 'activate' : 'reject'}`,
      entity: 'eft_enrollment',
      entityId: input.enrollmentId,
    });
    await office.publish({ topic: 'remittance.changed', entityId: input.enrollmentId });
    return listEnrollments(office.scope);
  },
};
