import type { Generated, GeneratedAlways, ColumnType } from 'kysely';
import type { AccessIssueStatus, BlockedWork, PortalAccountType, TaskAssignee } from '@portico/core';
import type { DefaultedInstant, Instant } from './columns.ts';

// The access hub's tables (migration 0007_access_hub).

/** A payer portal (global: the payer's staff keep the list). */
export interface PayerPortalsTable {
  id: Generated<string>;
  code: string;
  name: string;
  url: string;
  covered_payers: string[];
  created_at: DefaultedInstant;
}

/** The office's account on a payer portal; the password only sealed. */
export interface PortalAccountsTable {
  organization_id: string;
  id: Generated<string>;
  portal_id: string;
  account_type: PortalAccountType;
  user_name: string | null;
  password_sealed: string | null;
  password_changed_at: Date | null;
  tins: string[];
  created_at: DefaultedInstant;
}

export interface AccessIssuesTable {
  organization_id: string;
  id: Generated<string>;
  portal_id: string;
  medical_group_id: string | null;
  blocks: BlockedWork;
  status: AccessIssueStatus;
  description: string;
  impact_count: number;
  /** bigint: read as a string. */
  impact_cents: ColumnType<string, number, number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface AccessTasksTable {
  organization_id: string;
  id: Generated<string>;
  /** bigint identity: read as a string. */
  number: GeneratedAlways<string>;
  issue_id: string;
  portal_id: string;
  kind: BlockedWork;
  assignee: TaskAssignee;
  description: string;
  tins_to_add: string[];
  assistance_needed: Generated<boolean>;
  medical_group_id: string | null;
  created_at: Instant;
  updated_at: Instant;
  closed_at: Date | null;
}

export interface AccessTaskMedicalGroupsTable {
  organization_id: string;
  task_id: string;
  medical_group_id: string;
}

export interface AccessNotesTable {
  organization_id: string;
  id: Generated<string>;
  seq: GeneratedAlways<string>;
  issue_id: string;
  task_id: string | null;
  author: 'PRACTICE' | 'SERVICE';
  author_user_id: string | null;
  body: string;
  created_at: Instant;
}

export interface AffectedUnpostablesTable {
  organization_id: string;
  issue_id: string;
  unpostable_id: string;
  blocked: boolean;
  /** bigint: read as a string. */
  cents: ColumnType<string, number, number>;
}
