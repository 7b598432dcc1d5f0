import { mutation, query } from '../contract/define.ts';
import {
  claimStatusInputSchema,
  claimStatusResultSchema,
  inquiryHistoryInputSchema,
  inquiryHistorySchema,
  inquiryRefInputSchema,
} from './schemas.ts';

/**
 * Claim status (DOMAIN.md, "Payer provider portal services"): an office follows a claim while the payer works on
 * it and after. The server sends a 276 through the clearinghouse and answers with the 277 read into claims,
 * service lines, amounts in cents and codes beside their labels; every inquiry is kept and every read audited.
 */
export const claimsContract = {
  status: mutation({
    summary:
      "Asks the payer where a member's claim stands (X12 276/277 in real time, 20 seconds at most) by the dates of service, and optionally the payer's claim number, the patient account number and the billed amount: each claim found with its phase (received, pending, information requested, paid, denied, finalized, returned, not found), status codes and labels, billed and paid amounts, payment and service lines. A payer's rejection is PAYER_REJECTED with the field to correct; no answer in time is TIMEOUT.",
    permission: 'member_data.view',
    input: claimStatusInputSchema,
    output: claimStatusResultSchema,
    auditRead: 'claim_status_inquiry',
  }),
  history: query({
    summary:
      "The claim status inquiries made at the caller's sites on one day (today by default, in the office's time zone), newest first, with who asked and the outcome; keyset paging.",
    permission: 'member_data.view',
    input: inquiryHistoryInputSchema,
    output: inquiryHistorySchema,
    auditRead: 'claim_status_inquiry',
  }),
  get: query({
    summary: 'One earlier claim status inquiry with its full answer and the raw X12, when it was answered.',
    permission: 'member_data.view',
    input: inquiryRefInputSchema,
    output: claimStatusResultSchema,
    auditRead: 'claim_status_inquiry',
  }),
};
