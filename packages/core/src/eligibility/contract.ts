import { mutation, query } from '../contract/define.ts';
import {
  checkHistoryInputSchema,
  checkHistorySchema,
  checkRefInputSchema,
  eligibilityCheckInputSchema,
  eligibilityResultSchema,
  timelinessInputSchema,
  timelinessSchema,
} from './schemas.ts';

/**
 * Eligibility (DOMAIN.md, "Payer provider portal services"): an office verifies a member's coverage before the
 * visit. The server sends a 270 through the clearinghouse and answers with the 271 grouped by service type and
 * network; every check, answered or not, is kept for the office's history and every read of it is audited.
 */
export const eligibilityContract = {
  check: mutation({
    summary:
      "Checks a member's eligibility with the payer (X12 270/271 in real time, 20 seconds at most): plan, coverage dates, PCP, and per service type and network the deductible, out-of-pocket, co-pay and co-insurance. A payer's rejection is PAYER_REJECTED in the payer's words with the field to correct; no answer in time is TIMEOUT.",
    permission: 'member_data.view',
    input: eligibilityCheckInputSchema,
    output: eligibilityResultSchema,
    auditRead: 'eligibility_check',
  }),
  history: query({
    summary:
      "The checks made at the caller's sites on one day (today by default, in the office's time zone), newest first, with who checked and the outcome; keyset paging.",
    permission: 'member_data.view',
    input: checkHistoryInputSchema,
    output: checkHistorySchema,
    auditRead: 'eligibility_check',
  }),
  get: query({
    summary: 'One earlier check with its full answer and the raw X12, when it was answered.',
    permission: 'member_data.view',
    input: checkRefInputSchema,
    output: eligibilityResultSchema,
    auditRead: 'eligibility_check',
  }),
  timeliness: query({
    summary:
      "The office's checks in a month and the share answered within 20 seconds (CAQH CORE expects at least 90 %).",
    permission: 'member_data.view',
    input: timelinessInputSchema,
    output: timelinessSchema,
  }),
};
