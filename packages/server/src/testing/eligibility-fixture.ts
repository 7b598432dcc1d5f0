import { seedOfficePeople } from './office-people.ts';
import { providerRow } from './provider-rows.ts';
import type { TestServer } from './test-server.ts';

/**
 * Sycamore Clinic, for the eligibility widget's tests: two sites, a front-desk user at North only, a manager at
 * both (who must say which site a visit is at), a user administrator without member data, and one provider.
 */
export async function seedEligibilityOffice(app: TestServer) {
  const { db } = app.database;
  const office = await db
    .insertInto('organizations')
    .values({ external_id: 'eligibility-office', name: 'Sycamore Clinic', kind: 'office' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('sites')
    .values([
      { organization_id: office.id, name: 'Sycamore North' },
      { organization_id: office.id, name: 'Sycamore South' },
    ])
    .execute();
  const people = [
    { subject: 'syc-front', name: 'Ivy Marsh', roles: ['OFFICE_USER'], sites: ['Sycamore North'] },
    {
      subject: 'syc-manager',
      name: 'Owen Pike',
      roles: ['OFFICE_USER'],
      sites: ['Sycamore North', 'Sycamore South'],
    },
    { subject: 'syc-admin', name: 'Ruth Vale', roles: ['USER_ADMINISTRATOR'], sites: ['Sycamore North'] },
  ] as const;
  await seedOfficePeople(db, office.id, people);
  await db
    .insertInto('providers')
    .values(providerRow(office.id, '1234567893', 'Ada Quinn'))
    .execute();
  const token = (role: 'office-user' | 'user-administrator', subject: string) =>
    app.tokenFor(role, { organization: 'eligibility-office', subject });
  return {
    eligibilityFront: await token('office-user', 'syc-front'),
    eligibilityManager: await token('office-user', 'syc-manager'),
    eligibilityNoAccess: await token('user-administrator', 'syc-admin'),
  };
}
