import type { Migration } from 'kysely';
import * as organizations from './0001_organizations.ts';
import * as auditLog from './0002_audit_log.ts';
import * as storefront from './0003_storefront.ts';
import * as providers from './0004_providers.ts';
import * as ppefFiles from './0005_ppef_files.ts';
import * as billing from './0006_billing.ts';
import * as accessHub from './0007_access_hub.ts';
import * as ppefKeyCollation from './0008_ppef_key_collation.ts';
import * as ppefProviderTypes from './0009_ppef_provider_types.ts';
import * as users from './0010_users.ts';
import * as auditLogActor from './0011_audit_log_actor.ts';
import * as eligibility from './0012_eligibility.ts';
import * as claimStatus from './0013_claim_status.ts';
import * as remittance from './0014_remittance.ts';

/** Every migration, in order. A new one is a new numbered file added here. */
export const migrations: Record<string, Migration> = {
  '0001_organizations': organizations,
  '0002_audit_log': auditLog,
  '0003_storefront': storefront,
  '0004_providers': providers,
  '0005_ppef_files': ppefFiles,
  '0006_billing': billing,
  '0007_access_hub': accessHub,
  '0008_ppef_key_collation': ppefKeyCollation,
  '0009_ppef_provider_types': ppefProviderTypes,
  '0010_users': users,
  '0011_audit_log_actor': auditLogActor,
  '0012_eligibility': eligibility,
  '0013_claim_status': claimStatus,
  '0014_remittance': remittance,
};
