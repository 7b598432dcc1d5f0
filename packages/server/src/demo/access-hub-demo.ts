import type { Kysely } from 'kysely';
import { definePortal } from '../access-hub/portals.ts';
import { assignTask, attachUnpostables, reportIssue } from '../access-hub/staff-issues.ts';
import type { Database } from '../db/database.ts';
import { OrgScope } from '../tenancy/org-scope.ts';
import { DEMO_OFFICE } from './demo-office.ts';

/** The demo payer portals (global). */
export const DEMO_PORTALS = [
  {
    code: 'northwind-connect',
    name: 'Northwind Provider Connect',
    url: 'https://connect.northwind.example/',
    coveredPayers: ['Northwind Health Plan', 'Northwind Medicare Advantage'],
  },
  {
    code: 'bay-state-gateway',
    name: 'Bay State Payer Gateway',
    url: 'https://gateway.baystate.example/',
    coveredPayers: ['Bay State Medicaid', 'Connector Care'],
  },
  {
    code: 'summit-benefits',
    name: 'Summit Benefits Portal',
    url: 'https://providers.summit.example/',
    coveredPayers: ['Summit Commercial', 'Summit Dental'],
  },
];

/**
 * Access-hub demo data for the demo office: two medical groups, three portals and one issue of each kind and
 * status, with tasks and affected unpostables, made through the same store functions the API uses. Runs once:
 * an office that already has access issues is left alone.
 */
export async function seedAccessHubDemo(db: Kysely<Database>, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const office = await trx
      .selectFrom('organizations')
      .select('id')
      .where('external_id', '=', DEMO_OFFICE)
      .executeTakeFirst();
    if (!office) return;
    const scope = OrgScope.ofOrganization(trx, office.id);
    await scope.lock('access-hub-demo');
    if (await scope.selectFrom('access_issues').select('id').limit(1).executeTakeFirst()) return;

    const groups = await scope
      .insertInto('medical_groups', [
        { name: 'Maple Street Internal Medicine', created_at: new Date(now.getTime() - 2 * 86_400_000) },
        { name: 'Maple Street Pediatrics', created_at: new Date(now.getTime() - 86_400_000) },
      ])
      .returning(['id', 'name'])
      .execute();
    const [internal, pediatrics] = groups;
    if (!internal || !pediatrics) return;
    const [northwind, bayState, summit] = await Promise.all(
      DEMO_PORTALS.map((portal) => definePortal(trx, portal)),
    );
    if (!northwind || !bayState || !summit) return;

    const passwordIssue = await reportIssue(
      scope,
      {
        officeId: DEMO_OFFICE,
        portalId: northwind.id,
        blocks: 'UNPOSTABLES',
        status: 'WITH_SERVICE',
        description: 'The portal refuses the saved password: remittances from Northwind cannot be posted.',
        impact: { count: 0, cents: 0 },
        account: { type: 'PRACTICE_MANAGED', userName: 'maplestreet.billing', tins: ['27-1234567'] },
      },
      now,
    );
    await attachUnpostables(
      scope,
      {
        officeId: DEMO_OFFICE,
        issueId: passwordIssue.issueId,
        unpostables: [
          { unpostableId: 'U-100231', blocked: true, cents: 184_250 },
          { unpostableId: 'U-100232', blocked: true, cents: 52_075 },
          { unpostableId: 'U-100240', blocked: false, cents: 9_900 },
        ],
      },
      now,
    );
    await assignTask(
      scope,
      {
        officeId: DEMO_OFFICE,
        issueId: passwordIssue.issueId,
        assignee: 'PRACTICE',
        description:
          'Sign in to Northwind Provider Connect, reset the password of the billing account, and enter the new password here. Add TIN 27-1234568 to the account.',
        tinsToAdd: ['27-1234568'],
        medicalGroupIds: [pediatrics.id, internal.id],
      },
      now,
    );

    const tinIssue = await reportIssue(
      scope,
      {
        officeId: DEMO_OFFICE,
        portalId: bayState.id,
        medicalGroupId: pediatrics.id,
        blocks: 'CLAIMS',
        status: 'WITH_SERVICE',
        description:
          "The pediatrics group's TIN is not linked to the Bay State account: claim status checks stop.",
        impact: { count: 37, cents: 1_268_400 },
        account: { type: 'SERVICE_MANAGED', tins: [] },
      },
      now,
    );
    await assignTask(
      scope,
      {
        officeId: DEMO_OFFICE,
        issueId: tinIssue.issueId,
        assignee: 'PRACTICE',
        description: 'Ask Bay State to link TIN 27-1234568 to the practice account.',
        tinsToAdd: ['27-1234568'],
        medicalGroupIds: [],
      },
      now,
    );

    await reportIssue(
      scope,
      {
        officeId: DEMO_OFFICE,
        portalId: summit.id,
        blocks: 'CLAIMS',
        status: 'WITH_PAYER',
        description: 'Summit Benefits Portal is down for maintenance; the payer is restoring access.',
        impact: { count: 12, cents: 310_000 },
      },
      now,
    );
  });
}
