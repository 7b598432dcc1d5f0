import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type {
  AccessReason,
  AccessStatus,
  CardBrand,
  OrganizationKind,
  PaymentMethodRole,
  Permission,
  PlanCode,
  Role,
} from '@portico/core';
import type {
  AccessIssuesTable,
  AccessNotesTable,
  AccessTaskMedicalGroupsTable,
  AccessTasksTable,
  AffectedUnpostablesTable,
  PayerPortalsTable,
  PortalAccountsTable,
} from './access-hub-tables.ts';
import type { DefaultedInstant, Instant, PlainDate } from './columns.ts';
import type {
  ClaimStatusInquiriesTable,
  EftEnrollmentsTable,
  EligibilityChecksTable,
  RemittanceClaimsTable,
  RemittancesTable,
} from './member-services-tables.ts';

export type * from './access-hub-tables.ts';
export type * from './member-services-tables.ts';

/** The tenant root. Its id is the distribution key of every tenant table (`organization_id`). */
export interface OrganizationsTable {
  id: Generated<string>;
  external_id: string;
  name: string;
  kind: OrganizationKind;
  time_zone: Generated<string>;
  created_at: DefaultedInstant;
}

export interface SitesTable {
  organization_id: string;
  id: Generated<string>;
  name: string;
  created_at: DefaultedInstant;
}

export interface MedicalGroupsTable {
  organization_id: string;
  id: Generated<string>;
  name: string;
  site_id: string | null;
  created_at: DefaultedInstant;
}

/** A person, once, across every organization they belong to; identified by the host portal's issuer and subject. */
export interface UsersTable {
  id: Generated<string>;
  issuer: string;
  subject: string;
  display_name: string;
  email: string | null;
  created_at: DefaultedInstant;
  last_seen_at: Instant | null;
}

export interface MembershipsTable {
  organization_id: string;
  user_id: string;
  roles: Role[];
  granted_permissions: Generated<Permission[]>;
  denied_permissions: Generated<Permission[]>;
  created_at: DefaultedInstant;
  updated_at: DefaultedInstant;
  status: ColumnType<AccessStatus, AccessStatus | undefined, AccessStatus>;
  status_reason: ColumnType<AccessReason, AccessReason | undefined, AccessReason>;
  status_changed_at: DefaultedInstant;
  access_renewed_at: DefaultedInstant;
  /** The renewal reminder already sent in this period (14, then 3 days before), or null. */
  renewal_reminded_days: number | null;
  /** The user's display name, kept here by triggers (filled on insert, followed on a rename) for paging by name. */
  display_name: Generated<string>;
}

/** Mail waiting to leave, written in the transaction of the change it announces (the transactional outbox). */
export interface EmailOutboxTable {
  organization_id: string;
  id: Generated<string>;
  dedupe_key: string;
  to_address: string;
  subject: string;
  body: string;
  created_at: Instant;
  next_attempt_at: Instant;
  attempts: Generated<number>;
  sent_at: Instant | null;
  last_error: string | null;
}

export interface MembershipSitesTable {
  organization_id: string;
  user_id: string;
  site_id: string;
}

/** Who did what to which record, and when. Never the data itself. */
export interface AuditLogTable {
  organization_id: string;
  id: Generated<string>;
  at: Instant;
  actor_user_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  request_id: string;
}

/** The plan catalogue: global reference data, not a tenant table. */
export interface PlansTable {
  code: PlanCode;
  name: string;
  description: string;
  monthly_price_cents: number;
  includes: PlanCode[];
  requires_medicare_provider: boolean;
  sort_order: number;
  active: boolean;
}

export interface SubscriptionsTable {
  organization_id: string;
  id: Generated<string>;
  plan_code: PlanCode;
  /** The price signed up at; a later catalogue change does not reprice a running subscription. */
  monthly_price_cents: number;
  started_on: PlainDate;
  /** The day the provider list became complete for this subscription (Medicare plans); null while it is not. */
  list_complete_on: PlainDate | null;
  ready_by: PlainDate | null;
  /** The first billable day; null while a Medicare plan waits for its provider list. */
  billable_from: PlainDate | null;
  /** The last day of service (inclusive), with why it ends. */
  ends_on: PlainDate | null;
  end_reason: 'CANCELLED' | 'UPGRADED' | null;
  use_agreement_version: string | null;
  subscribed_by: string | null;
  cancelled_by: string | null;
  created_at: DefaultedInstant;
  updated_at: DefaultedInstant;
}

/** The use agreement's versions; exactly one is current. Global reference data. */
export interface UseAgreementsTable {
  version: string;
  title: string;
  body: string;
  published_on: PlainDate;
  is_current: boolean;
}

export interface BillingAccountsTable {
  organization_id: string;
  /** Billing history shows nothing before this day (offices migrated from an older billing system). */
  history_starts_on: PlainDate | null;
  updated_at: DefaultedInstant;
}

/** A card on file: the gateway's token and what may be shown; never the number or the CVC. */
export interface PaymentMethodsTable {
  organization_id: string;
  id: Generated<string>;
  gateway_token: string;
  brand: CardBrand;
  last4: string;
  exp_month: number;
  exp_year: number;
  holder_name: string;
  role: PaymentMethodRole | null;
  created_at: DefaultedInstant;
  removed_at: Instant | null;
}

export interface InvoicesTable {
  organization_id: string;
  id: Generated<string>;
  number: GeneratedAlways<string>;
  month: PlainDate;
  first_day: PlainDate;
  last_day: PlainDate;
  plan_codes: PlanCode[];
  monthly_rate_cents: number;
  amount_cents: number;
  issued_on: PlainDate;
  paid_by_payment_id: string | null;
  created_at: DefaultedInstant;
}

export interface BillingMonthsTable {
  organization_id: string;
  month: PlainDate;
  closed_at: Instant;
}

export interface PaymentsTable {
  organization_id: string;
  id: Generated<string>;
  idempotency_key: string;
  amount_cents: number;
  status: 'SUCCEEDED' | 'FAILED';
  payment_method_id: string | null;
  card_brand: CardBrand | null;
  card_last4: string | null;
  gateway_charge_id: string | null;
  failure: string | null;
  invoice_ids: string[];
  actor_user_id: string | null;
  created_at: Instant;
}

/** One row of CMS's Medicare provider enrollment file (global reference data). */
export interface PpefEnrollmentsTable {
  npi: string;
  enrollment_id: string;
  multiple_npi: boolean;
  pac_id: string;
  provider_type_code: string;
  /** NULL where it is its type's (`ppef_provider_types`); written where the file gave this row another. */
  provider_type_description: string | null;
  state_code: string;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  organization_name: string | null;
}

/** A provider type of the enrollment file, with the description the file first gave it (global reference data). */
export interface PpefProviderTypesTable {
  code: string;
  description: string;
}

export interface ProvidersTable {
  organization_id: string;
  id: Generated<string>;
  npi: string;
  entity_kind: 'individual' | 'organization';
  first_name: string | null;
  last_name: string | null;
  organization_name: string | null;
  tin_kind: 'EIN' | 'SSN';
  tin_ein: string | null;
  tin_ssn_sealed: string | null;
  tin_last4: string;
  specialty: string | null;
  created_at: DefaultedInstant;
  updated_at: DefaultedInstant;
}

/** One import of the enrollment file. At most one row is CURRENT: the file the lookups read. */
export interface PpefFilesTable {
  id: Generated<string>;
  file_name: string;
  sha256: string;
  status: 'CURRENT' | 'REPLACED' | 'REJECTED';
  rows_read: number;
  rows_loaded: number;
  rows_malformed: number;
  rows_duplicate: number;
  started_at: Instant;
  finished_at: Instant;
  problem: string | null;
}

/** An office whose Medicare plan lacks a Medicare-enrolled provider in the current file (flagged by the import). */
export interface MedicareProviderGapsTable {
  organization_id: string;
  detected_at: Instant;
  ppef_file_id: string;
}

/** The whole schema, as Kysely sees it. */
export interface Database {
  organizations: OrganizationsTable;
  sites: SitesTable;
  medical_groups: MedicalGroupsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  membership_sites: MembershipSitesTable;
  audit_log: AuditLogTable;
  plans: PlansTable;
  subscriptions: SubscriptionsTable;
  ppef_enrollments: PpefEnrollmentsTable;
  ppef_provider_types: PpefProviderTypesTable;
  providers: ProvidersTable;
  ppef_files: PpefFilesTable;
  medicare_provider_gaps: MedicareProviderGapsTable;
  use_agreements: UseAgreementsTable;
  billing_accounts: BillingAccountsTable;
  payment_methods: PaymentMethodsTable;
  invoices: InvoicesTable;
  billing_months: BillingMonthsTable;
  payments: PaymentsTable;
  payer_portals: PayerPortalsTable;
  portal_accounts: PortalAccountsTable;
  access_issues: AccessIssuesTable;
  access_tasks: AccessTasksTable;
  access_task_medical_groups: AccessTaskMedicalGroupsTable;
  access_notes: AccessNotesTable;
  affected_unpostables: AffectedUnpostablesTable;
  email_outbox: EmailOutboxTable;
  eligibility_checks: EligibilityChecksTable;
  claim_status_inquiries: ClaimStatusInquiriesTable;
  eft_enrollments: EftEnrollmentsTable;
  remittances: RemittancesTable;
  remittance_claims: RemittanceClaimsTable;
}

/** Tables whose rows belong to one organization: every query on them goes through an OrgScope. */
export type TenantTable = {
  [T in keyof Database]: Database[T] extends { organization_id: string } ? T : never;
}[keyof Database];

/** Global reference tables that any signed-in caller may read (the catalogue). */
export type CatalogTable =
  'plans' | 'ppef_enrollments' | 'ppef_provider_types' | 'use_agreements' | 'payer_portals';
