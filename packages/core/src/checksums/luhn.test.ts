import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { luhnCheckDigit, passesLuhn } from './luhn.ts';

describe('Luhn check', () => {
  it('accepts the published test numbers and refuses a changed digit', () => {
    assert.equal(passesLuhn('4242424242424242'), true);
    assert.equal(passesLuhn('79927398713'), true);
    assert.equal(passesLuhn('79927398710'), false);
    assert.equal(luhnCheckDigit('7992739871'), 3);
    // The NPI 1234567893: its check digit is Luhn over 80840 and its first nine digits.
    assert.equal(passesLuhn('80840' + '1234567893'), true);
  });

  it('refuses what is not digits', () => {
    assert.equal(passesLuhn(''), false);
    assert.equal(passesLuhn('4'), false);
    assert.equal(passesLuhn('4242 4242'), false);
  });

  it('makes every payload pass with its check digit, and no other digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,30}$/), fc.integer({ min: 0, max: 9 }), (payload, other) => {
        const check = luhnCheckDigit(payload);
        assert.equal(passesLuhn(`${payload}${check}`), true);
        if (other !== check) assert.equal(passesLuhn(`${payload}${other}`), false);
      }),
    );
  });
});
