import { firstOfMonth, plainDateInZone, type Role } from '@portico/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/** The demo organizations, by the host portal's id for them. */
export const DEMO_OFFICE = 'demo-office';
export const DEMO_OTHER_OFFICE = 'demo-office-2';
export const DEMO_PAYER = 'demo-payer';

const organizations = [
  { external_id: DEMO_OFFICE, name: 'Maple Street Family Practice', kind: 'office' as const },
  { external_id: DEMO_OTHER_OFFICE, name: 'Harbor Pediatrics', kind: 'office' as const },
  { external_id: DEMO_PAYER, name: 'Northwind Health Plan (payer staff)', kind: 'payer' as const },
];

const sites: Record<string, string[]> = {
  [DEMO_OFFICE]: ['Main Street clinic', 'Riverside clinic'],
  [DEMO_OTHER_OFFICE]: ['Harbor clinic'],
};

/** The demo people, by a short key. `npm run token -- <key>` and `/demo/token?as=<key>` mint tokens for them. */
export const demoUsers = {
  'security-officer': {
    subject: 'demo-security-officer',
    name: 'Dana Whitfield',
    email: 'dana.whitfield@maplestreet.example',
    organization: DEMO_OFFICE,
    roles: ['SECURITY_OFFICER'],
  },
  'billing-manager': {
    subject: 'demo-billing-manager',
    name: 'Luis Ortega',
    email: 'luis.ortega@maplestreet.example',
    organization: DEMO_OFFICE,
    roles: ['BILLING_MANAGER'],
  },
  'office-user': {
    subject: 'demo-office-user',
    name: 'Priya Nair',
    email: 'priya.nair@maplestreet.example',
    organization: DEMO_OFFICE,
    roles: ['OFFICE_USER'],
  },
  'user-administrator': {
    subject: 'demo-user-administrator',
    name: 'Grace Kim',
    email: 'grace.kim@maplestreet.example',
    organization: DEMO_OFFICE,
    roles: ['USER_ADMINISTRATOR'],
    sites: ['Riverside clinic'],
  },
  'new-hire': {
    subject: 'demo-new-hire',
    name: 'Jordan Reyes',
    email: 'jordan.reyes@maplestreet.example',
    organization: DEMO_OFFICE,
    roles: ['OFFICE_USER'],
    sites: [],
    // docs/domain.md: a user new to an office waits for a user administrator's approval.
    pending: true,
  },
  'other-office-admin': {
    subject: 'demo-harbor-admin',
    name: 'Sam Okafor',
    email: 'sam.okafor@harbor.example',
    organization: DEMO_OTHER_OFFICE,
    roles: ['SECURITY_OFFICER'],
  },
  sales: {
    subject: 'demo-payer-sales',
    name: 'Morgan Lee',
    email: 'morgan.lee@northwind.example',
    organization: DEMO_PAYER,
    roles: ['SALES'],
  },
  support: {
    subject: 'demo-payer-support',
    name: 'Avery Chen',
    email: 'avery.chen@northwind.example',
    organization: DEMO_PAYER,
    roles: ['SUPPORT'],
  },
} satisfies Record<
  string,
  {
    subject: string;
    name: string;
    email: string;
    organization: string;
    roles: Role[];
    /** The sites they work for, by name; every site of the office when absent. */
    sites?: string[];
    pending?: boolean;
  }
>;
export type DemoUserKey = keyof typeof demoUsers;

/** Demo NPIs enrolled in Medicare: 1234567893 (an individual) and 1245319599 (another individual). */
const demoEnrollments = ['1234567893', '1245319599'].map((npi, i) => ({
  npi,
  enrollment_id: `I2019010100045${i}`,
  multiple_npi: false,
  pac_id: `223456789${i}`,
  provider_type_code: '14-08',
  provider_type_description: 'PRACTITIONER - FAMILY PRACTICE',
  state_code: 'MA',
}));

/** The token claims the host portal would mint for a demo user (pass them to `mintToken`). */
export function demoTokenClaims(key: DemoUserKey) {
  const user = demoUsers[key];
  return { subject: user.subject, organization: user.organization, name: user.name, email: user.email };
}

/** True for a key of `demoUsers`. */
export function isDemoUserKey(key: string): key is DemoUserKey {
  return Object.hasOwn(demoUsers, key);
}

/**
 * Seeds the demo offices, their sites, users and memberships, and one active subscription for the first
 * office. Idempotent: running it again changes nothing.
 */
export async function seedDemo(db: Kysely<Database>, options: { issuer: string; now: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organizations')
      .values(organizations)
      .onConflict((conflict) => conflict.column('external_id').doNothing())
      .execute();
    const orgRows = await trx
      .selectFrom('organizations')
      .select(['id', 'external_id', 'time_zone'])
      .where(
        'external_id',
        'in',
        organizations.map((org) => org.external_id),
      )
      .execute();
    const orgId = new Map(orgRows.map((row) => [row.external_id, row.id]));

    for (const [externalId, names] of Object.entries(sites)) {
      const organizationId = orgId.get(externalId);
      if (!organizationId) continue;
      const existing = await trx
        .selectFrom('sites')
        .select('name')
        .where('organization_id', '=', organizationId)
        .execute();
      const missing = names.filter((name) => !existing.some((site) => site.name === name));
      if (missing.length > 0) {
        await trx
          .insertInto('sites')
          .values(missing.map((name) => ({ organization_id: organizationId, name })))
          .execute();
      }
    }

    for (const user of Object.values(demoUsers)) {
      const organizationId = orgId.get(user.organization);
      if (!organizationId) continue;
      await trx
        .insertInto('users')
        .values({ issuer: options.issuer, subject: user.subject, display_name: user.name, email: user.email })
        .onConflict((conflict) => conflict.columns(['issuer', 'subject']).doNothing())
        .execute();
      const { id: userId } = await trx
        .selectFrom('users')
        .select('id')
        .where('issuer', '=', options.issuer)
        .where('subject', '=', user.subject)
        .executeTakeFirstOrThrow();
      const pending = 'pending' in user && user.pending;
      await trx
        .insertInto('memberships')
        .values({
          organization_id: organizationId,
          user_id: userId,
          roles: user.roles,
          ...(pending && { status: 'PENDING', status_reason: 'REQUESTED' }),
          status_changed_at: options.now,
          access_renewed_at: options.now,
        })
        .onConflict((conflict) => conflict.columns(['organization_id', 'user_id']).doNothing())
        .execute();
      const siteNames = 'sites' in user ? user.sites : null;
      const officeSites = (
        await trx
          .selectFrom('sites')
          .select(['id', 'name'])
          .where('organization_id', '=', organizationId)
          .execute()
      ).filter((site) => siteNames === null || siteNames.includes(site.name));
      if (officeSites.length > 0) {
        await trx
          .insertInto('membership_sites')
          .values(
            officeSites.map((site) => ({
              organization_id: organizationId,
              user_id: userId,
              site_id: site.id,
            })),
          )
          .onConflict((conflict) => conflict.columns(['organization_id', 'user_id', 'site_id']).doNothing())
          .execute();
      }
    }

    // A few rows of the Medicare enrollment file, so demo NPIs show a Medicare status before any import.
    const enrollmentFileLoaded = await trx
      .selectFrom('ppef_enrollments')
      .select('npi')
      .limit(1)
      .executeTakeFirst();
    if (!enrollmentFileLoaded) await trx.insertInto('ppef_enrollments').values(demoEnrollments).execute();

    const office = orgRows.find((row) => row.external_id === DEMO_OFFICE);
    if (office) {
      const hasSubscription = await trx
        .selectFrom('subscriptions')
        .select('id')
        .where('organization_id', '=', office.id)
        .executeTakeFirst();
      if (!hasSubscription) {
        const today = plainDateInZone(options.now, office.time_zone);
        const access = await trx
          .selectFrom('plans')
          .select('monthly_price_cents')
          .where('code', '=', 'ALLPAYER_ACCESS')
          .executeTakeFirstOrThrow();
        const startedOn = firstOfMonth(today, -2);
        await trx
          .insertInto('subscriptions')
          .values({
            organization_id: office.id,
            plan_code: 'ALLPAYER_ACCESS',
            monthly_price_cents: access.monthly_price_cents,
            started_on: startedOn,
            billable_from: startedOn,
            use_agreement_version: '2026.1',
          })
          .execute();
      }
    }
  });
}
