import { CodeLists } from '@portico/core/x12';
import { loadInterchange } from '../remittance/intake.ts';
import { sandboxRemittances } from '../sandbox-payer/remittances.ts';
import { OrgScope } from '../tenancy/org-scope.ts';
import { seedOfficePeople } from './office-people.ts';
import { payerInterchange } from './payer-interchange.ts';
import { providerRow } from './provider-rows.ts';
import type { TestServer } from './test-server.ts';

/**
 * Chestnut Family Care, for the remittance widget's tests: two sites, a billing manager at both (remittances and
 * EFT enrollment), a front-desk user at South only (remittances, no enrollment), a user administrator with
 * neither, a provider enrolled for EFT to North and 30 payments paid to it (more than one page), and a second
 * provider not yet enrolled.
 */
export async function seedRemittanceOffice(app: TestServer) {
  const { db } = app.database;
  const office = await db
    .insertInto('organizations')
    .values({ external_id: 'remittance-office', name: 'Chestnut Family Care', kind: 'office' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sites = await db
    .insertInto('sites')
    .values([
      { organization_id: office.id, name: 'Chestnut North' },
      { organization_id: office.id, name: 'Chestnut South' },
    ])
    .returning(['id', 'name'])
    .execute();
  const people = [
    {
      subject: 'chestnut-billing',
      name: 'Nora Bell',
      roles: ['BILLING_MANAGER'],
      sites: ['Chestnut North', 'Chestnut South'],
    },
    { subject: 'chestnut-front', name: 'Eli Stone', roles: ['OFFICE_USER'], sites: ['Chestnut South'] },
    {
      subject: 'chestnut-admin',
      name: 'Maya Frost',
      roles: ['USER_ADMINISTRATOR'],
      sites: ['Chestnut North'],
    },
  ] as const;
  const ids = await seedOfficePeople(db, office.id, people);
  const billingUser = ids.get('chestnut-billing') ?? '';
  await db
    .insertInto('providers')
    .values([
      providerRow(office.id, '1234567893', 'Ada Quinn'),
      providerRow(office.id, '1245319599', 'Ben Ortiz'),
    ])
    .execute();
  const north = sites.find((site) => site.name === 'Chestnut North')?.id ?? '';
  await db
    .insertInto('eft_enrollments')
    .values({
      organization_id: office.id,
      payee_npi: '1234567893',
      payee_name: 'Ada Quinn',
      site_id: north,
      account_holder: 'Chestnut Family Care',
      account_type: 'CHECKING',
      routing_number: '011000015',
      account_number_sealed: app.server.services.sealer.seal('000987654321'),
      account_last4: '4321',
      status: 'ACTIVE',
      submitted_by: billingUser,
      submitted_at: app.clock.now(),
      activated_at: app.clock.now(),
    })
    .execute();
  // 30 payments: the sandbox's check, repeated with its own trace number and a day apart.
  const [check] = sandboxRemittances({ npi: '1234567893', payerId: 'NORTHWIND' });
  if (!check) throw new Error('the sandbox has no check');
  const advices = Array.from({ length: 30 }, (_, index) => ({
    ...check,
    trace: { ...check.trace, number: `CHK26${String(index + 1).padStart(4, '0')}` },
    payment: { ...check.payment, date: `202610${String(index + 1).padStart(2, '0')}` },
  }));
  const x12 = payerInterchange(advices, 4101, app.clock.now());
  const loaded = await db.transaction().execute((trx) =>
    loadInterchange(OrgScope.ofOrganization(trx, office.id), x12, {
      source: 'PAYER_SYSTEM',
      now: app.clock.now(),
      lists: new CodeLists(),
    }),
  );
  if (loaded.loaded.length !== 30) throw new Error(`the remittance fixture loaded ${loaded.loaded.length}`);
  const token = (role: 'billing-manager' | 'office-user' | 'user-administrator', subject: string) =>
    app.tokenFor(role, { organization: 'remittance-office', subject });
  return {
    remittanceManager: await token('billing-manager', 'chestnut-billing'),
    remittanceFront: await token('office-user', 'chestnut-front'),
    remittanceNoAccess: await token('user-administrator', 'chestnut-admin'),
  };
}
