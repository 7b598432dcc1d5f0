import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstOfMonth, formatPlainDate, plainDateInZone } from './plain-date.ts';

describe('calendar days in the office time zone', () => {
  it('puts 02:30 UTC on the previous day in New York and the same day in London', () => {
    const instant = new Date('2026-11-24T02:30:00Z');
    assert.equal(plainDateInZone(instant, 'America/New_York'), '2026-11-23');
    assert.equal(plainDateInZone(instant, 'Europe/London'), '2026-11-24');
  });

  it('finds the first day of this, the previous and the next month across year ends', () => {
    assert.equal(firstOfMonth('2026-11-23'), '2026-11-01');
    assert.equal(firstOfMonth('2026-01-15', -1), '2025-12-01');
    assert.equal(firstOfMonth('2026-12-31', 1), '2027-01-01');
  });

  it('formats a plain date without shifting it a day', () => {
    assert.equal(formatPlainDate('2026-09-01'), 'Sep 1, 2026');
  });
});
