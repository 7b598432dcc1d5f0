import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  lifecycleCandidates,
  lifecycleStep,
  renewalDueAt,
  sitesLosingLastAdministrator,
  type AdministeredMember,
  type LifecycleFacts,
} from './rules.ts';

const day = 86_400_000;
const approved = new Date('2026-01-05T10:00:00Z');
const at = (days: number, extraMs = 0) => new Date(approved.getTime() + days * day + extraMs);
const facts = (overrides: Partial<LifecycleFacts> = {}): LifecycleFacts => ({
  status: 'ACTIVE',
  renewedAt: approved,
  lastActiveAt: approved,
  remindedDaysBefore: null,
  ...overrides,
});

describe('access lifecycle', () => {
  it('makes renewal due 180 days after the approval', () => {
    assert.equal(renewalDueAt(approved).toISOString(), '2026-07-04T10:00:00.000Z');
  });

  it('terminates after 30 days without activity, not a millisecond before', () => {
    assert.equal(lifecycleStep(facts(), at(30, -1)), null);
    assert.deepEqual(lifecycleStep(facts(), at(30)), { kind: 'terminate' });
    assert.deepEqual(lifecycleStep(facts({ status: 'SUSPENDED' }), at(30)), { kind: 'terminate' });
  });

  it('reminds at 14 and at 3 days before renewal, each once, then suspends on day 180', () => {
    const active = (days: number) => facts({ lastActiveAt: at(days - 1) });
    assert.equal(lifecycleStep(active(166 - 0.001), at(166, -1)), null);
    assert.deepEqual(lifecycleStep(active(166), at(166)), { kind: 'remind', daysBefore: 14 });
    assert.equal(lifecycleStep({ ...active(170), remindedDaysBefore: 14 }, at(170)), null);
    assert.deepEqual(lifecycleStep({ ...active(177), remindedDaysBefore: 14 }, at(177)), {
      kind: 'remind',
      daysBefore: 3,
    });
    assert.equal(lifecycleStep({ ...active(178), remindedDaysBefore: 3 }, at(178)), null);
    assert.deepEqual(lifecycleStep({ ...active(180), remindedDaysBefore: 3 }, at(180)), { kind: 'suspend' });
  });

  it('sends only the latest reminder when the job missed the earlier one', () => {
    assert.deepEqual(lifecycleStep(facts({ lastActiveAt: at(177) }), at(177)), {
      kind: 'remind',
      daysBefore: 3,
    });
  });

  it('leaves pending and terminated users alone', () => {
    assert.equal(lifecycleStep(facts({ status: 'PENDING' }), at(400)), null);
    assert.equal(lifecycleStep(facts({ status: 'TERMINATED' }), at(400)), null);
  });

  it("puts the cut-offs on the first instant a step is due, so the job's look-up includes them", () => {
    const now = at(166);
    const cut = lifecycleCandidates(now);
    assert.equal(cut.renewedBefore.getTime(), approved.getTime());
    assert.deepEqual(lifecycleStep(facts({ lastActiveAt: now }), now), { kind: 'remind', daysBefore: 14 });
    assert.equal(cut.inactiveBefore.getTime(), at(136).getTime());
  });

  it('never picks a step for a membership newer than the candidate cut-offs', () => {
    fc.assert(
      fc.property(
        // Whole days as well as any millisecond: the cut-offs' own instants must be candidates.
        fc.oneof(
          fc.integer({ min: 0, max: 400 }).map((d) => d * day),
          fc.integer({ min: 0, max: 400 * day }),
        ),
        fc.oneof(
          fc.integer({ min: 0, max: 400 }).map((d) => d * day),
          fc.integer({ min: 0, max: 400 * day }),
        ),
        fc.constantFrom<LifecycleFacts['status']>('ACTIVE', 'SUSPENDED', 'PENDING', 'TERMINATED'),
        fc.constantFrom(null, 14, 3),
        (renewedAgo, activeAgo, status, remindedDaysBefore) => {
          const now = at(400);
          const sample = facts({
            status,
            remindedDaysBefore,
            renewedAt: new Date(now.getTime() - renewedAgo),
            lastActiveAt: new Date(now.getTime() - activeAgo),
          });
          const cut = lifecycleCandidates(now);
          const candidate =
            sample.renewedAt <= cut.renewedBefore || sample.lastActiveAt <= cut.inactiveBefore;
          return candidate || lifecycleStep(sample, now) === null;
        },
      ),
    );
  });
});

const siteA = '00000000-0000-4000-8000-00000000000a';
const siteB = '00000000-0000-4000-8000-00000000000b';
const member = (userId: string, overrides: Partial<AdministeredMember> = {}): AdministeredMember => ({
  userId,
  status: 'ACTIVE',
  roles: ['USER_ADMINISTRATOR'],
  grantedPermissions: [],
  deniedPermissions: [],
  siteIds: [siteA],
  ...overrides,
});

describe('last user administrator of a site', () => {
  it('refuses removing, demoting or denying the last administrator of a site', () => {
    const members = [member('ana'), member('ben', { roles: ['OFFICE_USER'] })];
    assert.deepEqual(sitesLosingLastAdministrator(members, member('ana', { status: 'TERMINATED' })), [siteA]);
    assert.deepEqual(sitesLosingLastAdministrator(members, member('ana', { roles: ['OFFICE_USER'] })), [
      siteA,
    ]);
    assert.deepEqual(
      sitesLosingLastAdministrator(members, member('ana', { deniedPermissions: ['users.manage'] })),
      [siteA],
    );
  });

  it('allows it when another active administrator remains on every site', () => {
    const members = [member('ana', { siteIds: [siteA, siteB] }), member('cy', { siteIds: [siteA, siteB] })];
    assert.deepEqual(sitesLosingLastAdministrator(members, member('ana', { status: 'TERMINATED' })), []);
  });

  it('does not count a suspended administrator, and names only the sites left without one', () => {
    const members = [
      member('ana', { siteIds: [siteA, siteB] }),
      member('cy', { siteIds: [siteB] }),
      member('dee', { siteIds: [siteA], status: 'SUSPENDED' }),
    ];
    assert.deepEqual(sitesLosingLastAdministrator(members, member('ana', { status: 'TERMINATED' })), [siteA]);
  });

  it('counts a security officer, whose role manages users, as an administrator', () => {
    const members = [
      member('ana', { roles: ['SECURITY_OFFICER'] }),
      member('ben', { roles: ['OFFICE_USER'] }),
    ];
    assert.deepEqual(sitesLosingLastAdministrator(members, member('ana', { roles: ['BILLING_MANAGER'] })), [
      siteA,
    ]);
  });

  it('lets a site that has no administrator stay as it is', () => {
    const members = [member('ben', { roles: ['OFFICE_USER'] })];
    assert.deepEqual(sitesLosingLastAdministrator(members, member('ben', { status: 'TERMINATED' })), []);
  });
});
