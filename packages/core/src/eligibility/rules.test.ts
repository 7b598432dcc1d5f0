import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { payerAsOf, timelinessShare } from './rules.ts';
import {
  basisPointsToX12Percent,
  centsToX12Amount,
  x12AmountToCents,
  x12PercentToBasisPoints,
} from '../x12/values.ts';

describe('eligibility rules', () => {
  it('reads X12 amounts as integer cents, rounding half away from zero past the cent', () => {
    const table: [string, number | null][] = [
      ['1500', 150_000],
      ['25.5', 2_550],
      ['25.50', 2_550],
      ['.75', 75],
      ['0', 0],
      ['10.004', 1_000],
      ['10.005', 1_001],
      ['-3.1', -310],
      ['-0.004', 0],
      ['', null],
      ['.', null],
      ['1e3', null],
      ['12,00', null],
    ];
    for (const [value, cents] of table) assert.equal(x12AmountToCents(value), cents, value);
    assert.equal(x12AmountToCents(null), null);
  });

  it('writes cents back so that they read the same, for every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (cents) => {
        assert.equal(x12AmountToCents(centsToX12Amount(cents)), cents);
      }),
    );
    assert.equal(centsToX12Amount(150_000), '1500');
    assert.equal(centsToX12Amount(2_550), '25.5');
    assert.equal(centsToX12Amount(2_505), '25.05');
  });

  it('reads percentages as basis points (0.2 is 20 %) and writes them back', () => {
    assert.equal(x12PercentToBasisPoints('0.2'), 2_000);
    assert.equal(x12PercentToBasisPoints('.155'), 1_550);
    assert.equal(x12PercentToBasisPoints('1'), 10_000);
    assert.equal(x12PercentToBasisPoints('0.00005'), 1);
    assert.equal(x12PercentToBasisPoints('1.5'), null);
    assert.equal(x12PercentToBasisPoints('abc'), null);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (points) => {
        assert.equal(x12PercentToBasisPoints(basisPointsToX12Percent(points)), points);
      }),
    );
  });

  it("takes the payer's last refresh at or before the answer as its as-of time", () => {
    assert.equal(payerAsOf(new Date('2026-11-23T15:00:00Z')).toISOString(), '2026-11-23T12:00:00.000Z');
    assert.equal(payerAsOf(new Date('2026-11-23T12:00:00Z')).toISOString(), '2026-11-23T12:00:00.000Z');
    assert.equal(payerAsOf(new Date('2026-11-23T03:10:00Z')).toISOString(), '2026-11-22T18:00:00.000Z');
    assert.equal(
      payerAsOf(new Date('2026-11-23T23:59:00Z'), ['00:30']).toISOString(),
      '2026-11-23T00:30:00.000Z',
    );
  });

  it('rounds the share answered in time down, so 89.99 % never reads as 90 %', () => {
    assert.equal(timelinessShare(0, 0), null);
    assert.equal(timelinessShare(10_000, 8_999), 8_999);
    assert.equal(timelinessShare(3, 2), 6_666);
    assert.equal(timelinessShare(7, 7), 10_000);
  });
});
