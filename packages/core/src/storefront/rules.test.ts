import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PorticoError } from '../errors/portico-error.ts';
import {
  ownedPlanCodes,
  planChange,
  providerListGaps,
  subscriptionStatus,
  type SubscriptionFacts,
} from './rules.ts';
import type { Plan } from './schemas.ts';

const catalogue: Plan[] = [
  {
    code: 'ALLPAYER_ACCESS',
    name: 'AllPayer Access',
    description: '',
    monthlyPriceCents: 2995,
    includes: ['ALLPAYER_ACCESS'],
    requiresMedicareProvider: false,
  },
  {
    code: 'MEDICARE',
    name: 'Medicare',
    description: '',
    monthlyPriceCents: 1995,
    includes: ['MEDICARE'],
    requiresMedicareProvider: true,
  },
  {
    code: 'ALLPAYER_ADVANTAGE',
    name: 'AllPayer Advantage',
    description: '',
    monthlyPriceCents: 3995,
    includes: ['ALLPAYER_ACCESS', 'MEDICARE'],
    requiresMedicareProvider: true,
  },
];

const refused = (code: string) => (error: unknown) => error instanceof PorticoError && error.code === code;

describe('subscription status, derived from dates', () => {
  const base: SubscriptionFacts = {
    requiresMedicareProvider: true,
    listCompleteOn: '2026-11-25',
    readyBy: '2026-11-30',
    endsOn: null,
    endReason: null,
  };
  it('waits for providers, then activates until the ready-by day, then is active', () => {
    assert.equal(
      subscriptionStatus({ ...base, listCompleteOn: null, readyBy: null }, '2026-11-24'),
      'AWAITING_PROVIDERS',
    );
    assert.equal(subscriptionStatus(base, '2026-11-25'), 'ACTIVATING');
    assert.equal(subscriptionStatus(base, '2026-11-30'), 'ACTIVATING');
    assert.equal(subscriptionStatus(base, '2026-12-01'), 'ACTIVE');
    assert.equal(
      subscriptionStatus(
        { ...base, requiresMedicareProvider: false, listCompleteOn: null, readyBy: null },
        '2026-11-24',
      ),
      'ACTIVE',
    );
  });
  it('is pending cancellation through its last day, then cancelled; an upgraded plan reads UPGRADED', () => {
    const cancelling = { ...base, endsOn: '2026-11-30', endReason: 'CANCELLED' as const };
    assert.equal(subscriptionStatus(cancelling, '2026-11-30'), 'CANCELLATION_PENDING');
    assert.equal(subscriptionStatus(cancelling, '2026-12-01'), 'CANCELLED');
    assert.equal(
      subscriptionStatus({ ...base, endsOn: '2026-11-23', endReason: 'UPGRADED' }, '2026-11-24'),
      'UPGRADED',
    );
  });
});

describe('provider list gaps for Medicare plans', () => {
  it('names what is missing', () => {
    assert.deepEqual(
      providerListGaps({ providers: 0, medicareEnrolled: 0 }).map((gap) => gap.code),
      ['NO_PROVIDERS'],
    );
    assert.deepEqual(
      providerListGaps({ providers: 3, medicareEnrolled: 0 }).map((gap) => gap.code),
      ['NO_MEDICARE_ENROLLED_PROVIDER'],
    );
    assert.deepEqual(providerListGaps({ providers: 3, medicareEnrolled: 1 }), []);
  });
});

describe('plan changes', () => {
  it('adds new plans and replaces the held plans a chosen bundle includes (an upgrade)', () => {
    assert.deepEqual(planChange(catalogue, [], ['ALLPAYER_ACCESS', 'MEDICARE']), {
      adds: ['ALLPAYER_ACCESS', 'MEDICARE'],
      replaces: [],
    });
    assert.deepEqual(planChange(catalogue, ['ALLPAYER_ACCESS'], ['ALLPAYER_ADVANTAGE']), {
      adds: ['ALLPAYER_ADVANTAGE'],
      replaces: ['ALLPAYER_ACCESS'],
    });
    assert.deepEqual(
      planChange(catalogue, ['ALLPAYER_ACCESS', 'MEDICARE'], ['ALLPAYER_ADVANTAGE']).replaces,
      ['ALLPAYER_ACCESS', 'MEDICARE'],
    );
    assert.deepEqual(planChange(catalogue, ['ALLPAYER_ACCESS'], ['MEDICARE']), {
      adds: ['MEDICARE'],
      replaces: [],
    });
  });
  it('refuses a plan already held, a downgrade, and a bundle chosen with a plan it includes', () => {
    assert.throws(() => planChange(catalogue, ['MEDICARE'], ['MEDICARE']), refused('CONFLICT'));
    assert.throws(
      () => planChange(catalogue, ['ALLPAYER_ADVANTAGE'], ['MEDICARE']),
      refused('PLAN_CHANGE_NOT_ALLOWED'),
    );
    assert.throws(
      () => planChange(catalogue, [], ['ALLPAYER_ADVANTAGE', 'ALLPAYER_ACCESS']),
      refused('BAD_REQUEST'),
    );
    assert.throws(
      () => planChange(catalogue.slice(0, 2), [], ['ALLPAYER_ADVANTAGE']),
      refused('BAD_REQUEST'),
    );
  });

  it('counts a held bundle as owning what it includes, but not every part as owning the bundle', () => {
    const catalogue = [
      { code: 'ALLPAYER_ACCESS' as const, includes: [] },
      { code: 'MEDICARE' as const, includes: [] },
      { code: 'ALLPAYER_ADVANTAGE' as const, includes: ['ALLPAYER_ACCESS' as const, 'MEDICARE' as const] },
    ];
    const held = (planCode: (typeof catalogue)[number]['code'], status: 'ACTIVE' | 'CANCELLED') => ({
      planCode,
      status,
    });
    assert.deepEqual([...ownedPlanCodes(catalogue, [held('ALLPAYER_ADVANTAGE', 'ACTIVE')])].sort(), [
      'ALLPAYER_ACCESS',
      'ALLPAYER_ADVANTAGE',
      'MEDICARE',
    ]);
    assert.deepEqual(
      [...ownedPlanCodes(catalogue, [held('ALLPAYER_ACCESS', 'ACTIVE'), held('MEDICARE', 'ACTIVE')])].sort(),
      ['ALLPAYER_ACCESS', 'MEDICARE'],
    );
    assert.equal(ownedPlanCodes(catalogue, [held('MEDICARE', 'CANCELLED')]).size, 0);
  });
});
