import type { ColumnType, Generated } from 'kysely';
import type { CheckOutcome, EftStatus, InquiryOutcome, RemittanceSource } from '@portico/core';
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

// Remittance (migration 0014_remittance).

/** One EFT/ERA enrollment of an office: a payee NPI, the site its remittances go to, the bank account sealed. */
export interface EftEnrollmentsTable {
  organization_id: string;
  id: Generated<string>;
  payee_npi: string;
  payee_name: string;
  site_id: string;
  account_holder: string;
  account_type: 'CHECKING' | 'SAVINGS';
  routing_number: string;
  account_number_sealed: string;
  account_last4: string;
  status: EftStatus;
  status_reason: string | null;
  submitted_by: string;
  submitted_at: Instant;
  activated_at: Instant | null;
}

/** One 835 kept: the payment, where it goes, and its explanation as read (`RemittanceBody`, labels of the day). */
export interface RemittancesTable {
  organization_id: string;
  id: Generated<string>;
  site_id: string;
  enrollment_id: string;
  payer_id: string;
  trace_number: string;
  method: string;
  payment_date: PlainDate;
  /** bigint: read as a string. */
  payment_cents: ColumnType<string, number, number>;
  claim_count: number;
  source: RemittanceSource;
  interchange_control_number: string;
  received_at: Instant;
  payer_name: string;
  payee_npi: string;
  payee_name: string;
  body: ColumnType<unknown, string, string>;
}

/** The claims of a kept 835, by the numbers an office searches with (upper case). */
export interface RemittanceClaimsTable {
  organization_id: string;
  remittance_id: string;
  position: number;
  patient_account_number: string;
  payer_claim_number: string;
  member_id: string;
  status: string;
  charged_cents: ColumnType<string, number, number>;
  paid_cents: ColumnType<string, number, number>;
}
