import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isHeldStatus, npiCheckDigit, type PlanCode } from '@portico/core';
import { refusedWith } from '../testing/refusal.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { providerRow } from '../testing/provider-rows.ts';
import { organizationId } from '../testing/organization-id.ts';

const npi = (firstNine: string) => firstNine + npiCheckDigit(firstNine);
const AGREEMENT = '2026.1';

describe('sign-up, upgrades and cancellation through the HTTP server and the SDK', () => {
  let app: TestServer;
  const at = (instant: string) => app.clock.set(instant);
  const subscriptionRows = async () =>
    (await app.database.db.selectFrom('subscriptions').select(['plan_code', 'organization_id']).execute())
      .length;
  const statuses = async (user: 'billing-manager' | 'other-office-admin') =>
    (await app.clientFor(user).storefront.listSubscriptions.query()).map((s) => [s.planCode, s.status]);
  const harborId = () => organizationId(app.database.db, 'demo-office-2');
  /** The provider manager's view of the Medicare plans (`providers.medicarePlans`) agrees with the storefront's. */
  const medicareViewsAgree = async () => {
    const client = app.clientFor('office-user');
    const view = await client.providers.medicarePlans.query();
    const overview = await client.storefront.overview.query();
    const needsMedicare = new Set(
      (await client.storefront.listPlans.query())
        .filter((plan) => plan.requiresMedicareProvider)
        .map((plan) => plan.code),
    );
    assert.deepEqual(
      view.plans,
      overview.subscriptions
        .filter((s) => isHeldStatus(s.status) && needsMedicare.has(s.planCode))
        .map(({ id, planCode, planName, status, readyBy }) => ({ id, planCode, planName, status, readyBy })),
    );
    assert.deepEqual(view.providerListGaps, overview.providerListGaps);
    return view;
  };

  before(async () => {
    app = await startTestServer({ now: '2026-11-23T15:00:00Z' });
  });
  after(async () => {
    await app.close();
  });

  it('records a Medicare sign-up without a provider list, says what is missing, and starts it when the list is complete', async () => {
    const manager = app.clientFor('billing-manager');
    const quote = await manager.storefront.quote.query({ planCodes: ['MEDICARE'] });
    assert.deepEqual(quote.adds, ['MEDICARE']);
    assert.deepEqual(quote.replaces, []);
    assert.equal(quote.currentMonthlyCents, 2995);
    assert.equal(quote.newMonthlyCents, 2995 + 1995);
    assert.deepEqual(
      quote.providerListGaps.map((gap) => gap.code),
      ['NO_PROVIDERS'],
    );
    assert.equal(quote.agreement.version, AGREEMENT);

    const after = await manager.storefront.subscribe.mutate({
      planCodes: ['MEDICARE'],
      acceptedAgreementVersion: AGREEMENT,
    });
    const medicare = after.find((s) => s.planCode === 'MEDICARE');
    assert.equal(medicare?.status, 'AWAITING_PROVIDERS');
    assert.equal(medicare?.useAgreementVersion, AGREEMENT);
    assert.equal(medicare?.startedOn, '2026-11-23');
    // Every user of the office has it, and sees what is missing.
    const overview = await app.clientFor('office-user').storefront.overview.query();
    assert.equal(overview.subscriptions.find((s) => s.planCode === 'MEDICARE')?.status, 'AWAITING_PROVIDERS');
    assert.deepEqual(
      overview.providerListGaps.map((gap) => gap.code),
      ['NO_PROVIDERS'],
    );
    assert.deepEqual(
      (await medicareViewsAgree()).plans.map((plan) => [plan.planCode, plan.status, plan.readyBy]),
      [['MEDICARE', 'AWAITING_PROVIDERS', null]],
    );

    // A provider who is not enrolled in Medicare does not complete the list.
    await manager.providers.add.mutate({
      npi: npi('212345678'),
      organizationName: 'Maple Street Group',
      tin: '27-1234567',
    });
    assert.deepEqual(
      (await manager.storefront.overview.query()).providerListGaps.map((gap) => gap.code),
      ['NO_MEDICARE_ENROLLED_PROVIDER'],
    );
    await medicareViewsAgree();
    // Completed on Wednesday Nov 25: Thanksgiving (Thu) and the weekend do not count; ready by Monday Nov 30.
    at('2026-11-25T15:00:00Z');
    await manager.providers.add.mutate({
      npi: '1234567893',
      firstName: 'Jordan',
      lastName: 'Reyes',
      tin: '12-3456789',
    });
    const started = (await manager.storefront.listSubscriptions.query()).find(
      (s) => s.planCode === 'MEDICARE',
    );
    assert.equal(started?.status, 'ACTIVATING');
    assert.equal(started?.readyBy, '2026-11-30');
    assert.deepEqual((await manager.storefront.overview.query()).providerListGaps, []);
    assert.deepEqual(
      (await medicareViewsAgree()).plans.map((plan) => [plan.status, plan.readyBy]),
      [['ACTIVATING', '2026-11-30']],
    );
    at('2026-11-30T22:00:00Z');
    assert.equal(
      (await statuses('billing-manager')).find(([code]) => code === 'MEDICARE')?.[1],
      'ACTIVATING',
    );
    at('2026-12-01T15:00:00Z');
    assert.equal((await statuses('billing-manager')).find(([code]) => code === 'MEDICARE')?.[1], 'ACTIVE');
    assert.equal((await medicareViewsAgree()).plans[0]?.status, 'ACTIVE');
    const audited = await app.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['subscription.create', 'subscription.activate'])
      .execute();
    assert.deepEqual(audited.map((row) => row.action).sort(), [
      'subscription.activate',
      'subscription.create',
    ]);
  });

  it("shows the provider manager only its own office's Medicare plans, and refuses payer staff", async () => {
    // Harbor holds no Medicare plan: nothing to show, not Maple Street's plan.
    assert.deepEqual(await app.clientFor('other-office-admin').providers.medicarePlans.query(), {
      plans: [],
      providerListGaps: [],
    });
    await assert.rejects(app.clientFor('sales').providers.medicarePlans.query(), refusedWith('FORBIDDEN'));
  });

  it('refuses bad sign-ups with a typed error and writes nothing', async () => {
    const manager = app.clientFor('billing-manager');
    const before = await subscriptionRows();
    const subscribe = (planCodes: unknown, version = AGREEMENT) =>
      manager.storefront.subscribe.mutate({
        planCodes: planCodes as PlanCode[],
        acceptedAgreementVersion: version,
      });
    await assert.rejects(subscribe(['GOLD']), refusedWith('BAD_REQUEST', 'planCodes[0]'));
    await assert.rejects(subscribe([]), refusedWith('BAD_REQUEST', 'planCodes'));
    await assert.rejects(subscribe(['MEDICARE']), refusedWith('CONFLICT', 'planCodes'));
    await assert.rejects(
      subscribe(['ALLPAYER_ADVANTAGE', 'MEDICARE']),
      refusedWith('BAD_REQUEST', 'planCodes'),
    );
    await assert.rejects(
      subscribe(['ALLPAYER_ADVANTAGE'], '2025.9'),
      refusedWith('CONFLICT', 'acceptedAgreementVersion'),
    );
    await assert.rejects(subscribe('MEDICARE'), refusedWith('BAD_REQUEST', 'planCodes'));
    assert.equal(await subscriptionRows(), before);
  });

  it('upgrades Access and Medicare to Advantage at once, and refuses the way back down', async () => {
    at('2026-12-16T15:00:00Z');
    const manager = app.clientFor('billing-manager');
    const quote = await manager.storefront.quote.query({ planCodes: ['ALLPAYER_ADVANTAGE'] });
    assert.deepEqual(quote.replaces.sort(), ['ALLPAYER_ACCESS', 'MEDICARE']);
    assert.equal(quote.newMonthlyCents, 3995);
    const after = await manager.storefront.subscribe.mutate({
      planCodes: ['ALLPAYER_ADVANTAGE'],
      acceptedAgreementVersion: AGREEMENT,
    });
    assert.deepEqual(
      after.map((s) => [s.planCode, s.status, s.endsOn]),
      [
        ['ALLPAYER_ADVANTAGE', 'ACTIVE', null],
        ['MEDICARE', 'UPGRADED', '2026-12-15'],
        ['ALLPAYER_ACCESS', 'UPGRADED', '2026-12-15'],
      ],
    );
    await assert.rejects(
      manager.storefront.subscribe.mutate({ planCodes: ['MEDICARE'], acceptedAgreementVersion: AGREEMENT }),
      refusedWith('PLAN_CHANGE_NOT_ALLOWED', 'planCodes'),
    );
  });

  it('gives fifty concurrent upgrade calls for one office exactly one effect', async () => {
    const office = await harborId();
    const admin = app.clientFor('other-office-admin');
    await admin.storefront.subscribe.mutate({
      planCodes: ['ALLPAYER_ACCESS'],
      acceptedAgreementVersion: AGREEMENT,
    });
    // An upgrade takes effect at once, so it needs the provider list first.
    await assert.rejects(
      admin.storefront.subscribe.mutate({
        planCodes: ['ALLPAYER_ADVANTAGE'],
        acceptedAgreementVersion: AGREEMENT,
      }),
      refusedWith('PLAN_CHANGE_NOT_ALLOWED', 'planCodes'),
    );
    await app.database.db
      .insertInto('providers')
      .values(providerRow(office, '1245319599', 'Sam Okafor', '27-7654321'))
      .execute();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        admin.storefront.subscribe.mutate({
          planCodes: ['ALLPAYER_ADVANTAGE'],
          acceptedAgreementVersion: AGREEMENT,
        }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const result of results) {
      if (result.status === 'rejected') assert.ok(refusedWith('CONFLICT', 'planCodes')(result.reason));
    }
    assert.deepEqual(await statuses('other-office-admin'), [
      ['ALLPAYER_ADVANTAGE', 'ACTIVATING'],
      ['ALLPAYER_ACCESS', 'UPGRADED'],
    ]);
  });

  it('shows a view-only user the storefront and refuses their changes', async () => {
    const officer = app.clientFor('security-officer');
    const priya = (await officer.users.list.query().then((page) => page.members)).find(
      (m) => m.displayName === 'Priya Nair',
    );
    assert.ok(priya);
    await officer.users.setPermissions.mutate({
      userId: priya.userId,
      deny: ['storefront.manage'],
    });
    try {
      const viewer = app.clientFor('office-user');
      const overview = await viewer.storefront.overview.query();
      assert.equal(overview.canManage, false);
      assert.ok(overview.subscriptions.length > 0);
      await assert.rejects(
        viewer.storefront.subscribe.mutate({
          planCodes: ['ALLPAYER_ACCESS'],
          acceptedAgreementVersion: AGREEMENT,
        }),
        refusedWith('FORBIDDEN'),
      );
      await assert.rejects(
        viewer.billing.addPaymentMethod.mutate({
          card: {
            number: '4242424242424242',
            expMonth: 12,
            expYear: 2030,
            cvc: '123',
            holderName: 'Priya Nair',
          },
        }),
        refusedWith('FORBIDDEN'),
      );
      assert.equal((await app.clientFor('billing-manager').storefront.overview.query()).canManage, true);
    } finally {
      await officer.users.setPermissions.mutate({ userId: priya.userId });
    }
  });

  it('lets sales cancel at the month end, the office stop it, and the cancellation take effect', async () => {
    const sales = app.clientFor('sales');
    const manager = app.clientFor('billing-manager');
    const advantage = (await manager.storefront.listSubscriptions.query()).find(
      (s) => s.planCode === 'ALLPAYER_ADVANTAGE',
    );
    assert.ok(advantage);
    const theirs = (await app.clientFor('other-office-admin').storefront.listSubscriptions.query())[0];
    assert.ok(theirs);

    await assert.rejects(
      manager.storefront.cancelSubscription.mutate({ officeId: 'demo-office', subscriptionId: advantage.id }),
      refusedWith('FORBIDDEN'),
    );
    await assert.rejects(
      sales.storefront.cancelSubscription.mutate({
        officeId: 'no-such-office',
        subscriptionId: advantage.id,
      }),
      refusedWith('NOT_FOUND', 'officeId'),
    );
    await assert.rejects(
      sales.storefront.cancelSubscription.mutate({ officeId: 'demo-office', subscriptionId: theirs.id }),
      refusedWith('NOT_FOUND', 'subscriptionId'),
    );
    await assert.rejects(
      manager.storefront.stopCancellation.mutate({ subscriptionId: advantage.id }),
      refusedWith('CONFLICT', 'subscriptionId'),
    );

    const cancelled = await sales.storefront.cancelSubscription.mutate({
      officeId: 'demo-office',
      subscriptionId: advantage.id,
    });
    assert.equal(cancelled.status, 'CANCELLATION_PENDING');
    assert.equal(cancelled.endsOn, '2026-12-31');
    await assert.rejects(
      sales.storefront.cancelSubscription.mutate({ officeId: 'demo-office', subscriptionId: advantage.id }),
      refusedWith('CONFLICT'),
    );
    const audit = await app.database.db
      .selectFrom('audit_log')
      .innerJoin('organizations', 'organizations.id', 'audit_log.organization_id')
      .innerJoin('users', 'users.id', 'audit_log.actor_user_id')
      .select(['organizations.external_id', 'users.display_name'])
      .where('audit_log.action', '=', 'subscription.cancel')
      .execute();
    assert.deepEqual(audit, [{ external_id: 'demo-office', display_name: 'Morgan Lee' }]);

    const stopped = await manager.storefront.stopCancellation.mutate({ subscriptionId: advantage.id });
    assert.equal(stopped.status, 'ACTIVE');
    assert.equal(stopped.endsOn, null);

    await sales.storefront.cancelSubscription.mutate({
      officeId: 'demo-office',
      subscriptionId: advantage.id,
    });
    assert.deepEqual(
      (await sales.storefront.officeSubscriptions.query({ officeId: 'demo-office' })).map((s) => s.status)[0],
      'CANCELLATION_PENDING',
    );
    at('2027-01-01T15:00:00Z');
    const ended = (await manager.storefront.listSubscriptions.query()).find((s) => s.id === advantage.id);
    assert.equal(ended?.status, 'CANCELLED');
    await assert.rejects(
      manager.storefront.stopCancellation.mutate({ subscriptionId: advantage.id }),
      refusedWith('CONFLICT', 'subscriptionId'),
    );
    // Once ended, the office may subscribe again.
    const again = await manager.storefront.subscribe.mutate({
      planCodes: ['ALLPAYER_ADVANTAGE'],
      acceptedAgreementVersion: AGREEMENT,
    });
    assert.equal(again[0]?.status, 'ACTIVATING');
  });
});
