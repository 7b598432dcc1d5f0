import type { ColumnType, Generated } from 'kysely';
import type { CheckOutcome } from '@portico/core';
import type { Instant, PlainDate } from './columns.ts';

// Member services' tables (migration 0012_eligibility).

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
