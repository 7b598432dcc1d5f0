import { z } from 'zod';
import { mutation, query } from '../contract/define.ts';
import { invoicePdfSchema } from '../billing/schemas.ts';
import {
  decideEftEnrollmentInputSchema,
  eftEnrollmentInputSchema,
  eftEnrollmentsSchema,
  postRemittanceInputSchema,
  postRemittanceResultSchema,
  remittanceDetailSchema,
  remittanceListInputSchema,
  remittanceListSchema,
  remittanceRefInputSchema,
} from './schemas.ts';

/**
 * Remittance (DOMAIN.md "Payer provider portal services"): the payer's 835s, each one payment and the claims it
 * settles, kept per site once they balance; the explanation of payment as a PDF; and the office's EFT/ERA
 * enrollment per payee NPI (the account number sealed at rest, shown by its last four digits). The 835s arrive
 * through the clearinghouse (a job retrieves them for each active enrollment) or from a payer-side system.
 */
export const remittanceContract = {
  list: query({
    summary:
      "The remittances paid to the caller's sites, newest payment first, filtered by payment date, method, or a trace, claim, patient account or member number; keyset paging.",
    permission: 'member_data.view',
    input: remittanceListInputSchema,
    output: remittanceListSchema,
    auditRead: 'remittance',
  }),
  get: query({
    summary:
      'One remittance as its explanation of payment: each claim with its lines, adjustments (group and reason beside their labels, in cents), remark codes and the provider-level adjustments.',
    permission: 'member_data.view',
    input: remittanceRefInputSchema,
    output: remittanceDetailSchema,
    auditRead: 'remittance',
  }),
  eopPdf: query({
    summary: 'One remittance as its explanation of payment, a PDF document (base64).',
    permission: 'member_data.view',
    input: remittanceRefInputSchema,
    output: invoicePdfSchema,
    auditRead: 'remittance',
  }),
  enrollments: query({
    summary:
      "The office's EFT/ERA enrollments, one per payee NPI, with their status; the office is paperless once every one is active.",
    permission: 'practice_setup.manage',
    input: z.void(),
    output: eftEnrollmentsSchema,
  }),
  enroll: mutation({
    summary:
      "Enrolls one of the office's payee NPIs for EFT payments and 835 remittances to a site (or replaces its bank account); the payer verifies it (PENDING until then).",
    permission: 'practice_setup.manage',
    input: eftEnrollmentInputSchema,
    output: eftEnrollmentsSchema,
  }),
  post: mutation({
    summary:
      "Staff or a payer-side system: posts an interchange of 835s for an office. Each is checked against its guide and its balance and routed by its payee NPI to the office's active enrollment; one that does not balance is refused with the reasons, never loaded, and one already kept is not loaded twice.",
    permission: 'staff.payments.manage',
    input: postRemittanceInputSchema,
    output: postRemittanceResultSchema,
  }),
  decideEnrollment: mutation({
    summary:
      "Staff: activates an office's pending EFT/ERA enrollment once the account is verified, or rejects it with the reason.",
    permission: 'staff.payments.manage',
    input: decideEftEnrollmentInputSchema,
    output: eftEnrollmentsSchema,
  }),
};
