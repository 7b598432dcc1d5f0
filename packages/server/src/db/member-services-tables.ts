import type { ColumnType, Generated } from 'kysely';
import type { CheckOutcome, InquiryOutcome } from '@portico/core';
import type { Instant, PlainDate } from './columns.ts';

// Member services' tables (migrations 0012_eligibility, 0013_claim_status).

/** One eligibility check: what was asked, the X12 both ways, and the answer (or why there was none). */
export interface EligibilityChecksTable {
  organization_id: string;
  id: Generated<string>;
  site_id: string;
  user_id: string;
  member_id: string;
  first_name: string;
  last_name: string;
  date_of_birth: PlainDate;
  provider_npi: string;
  service_types: string[];
  date_of_service: PlainDate;
  control_number: string;
  trace_number: string;
  request_x12: string;
  checked_at: Instant;
  outcome: CheckOutcome;
  problem: string | null;
  answered_at: Instant | null;
  duration_ms: number | null;
  response_x12: string | null;
  /** The grouped answer (`EligibilitySummary`), checked by core's schema when read. */
  summary: ColumnType<unknown, string | null, string | null>;
  as_of: Instant | null;
}

/** One claim status inquiry: what was asked, the X12 both ways, and the answer (or why there was none). */
export interface ClaimStatusInquiriesTable {
  organization_id: string;
  id: Generated<string>;
  site_id: string;
  user_id: string;
  member_id: string;
  first_name: string;
  last_name: string;
  date_of_birth: PlainDate;
  provider_npi: string;
  service_from: PlainDate;
  service_to: PlainDate;
  payer_claim_number: string | null;
  patient_account_number: string | null;
  charged_cents: number | null;
  control_number: string;
  trace_number: string;
  request_x12: string;
  checked_at: Instant;
  outcome: InquiryOutcome;
  problem: string | null;
  answered_at: Instant | null;
  duration_ms: number | null;
  response_x12: string | null;
  /** The claims as read (`ClaimStatusSummary`), checked by core's schema when read. */
  summary: ColumnType<unknown, string | null, string | null>;
}
