import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timeZoneSchema } from './schemas.ts';

describe('an office time zone', () => {
  it('takes IANA names, aliases included, as often as it is asked', () => {
    for (let round = 0; round < 3; round += 1) {
      for (const zone of ['America/New_York', 'Pacific/Guam', 'UTC', 'US/Eastern'])
        assert.equal(timeZoneSchema.safeParse(zone).success, true, zone);
    }
  });

  it('refuses a name that is no zone, however often it is asked', () => {
    for (let round = 0; round < 3; round += 1) {
      for (const zone of ['Mars/Olympus_Mons', '', 'America/New York', 'new_york']) {
        const result = timeZoneSchema.safeParse(zone);
        assert.equal(result.success, false, zone);
        assert.equal(result.error?.issues[0]?.message, 'Unknown time zone');
      }
    }
  });
});
