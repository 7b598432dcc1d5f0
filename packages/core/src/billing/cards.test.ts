import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passesLuhn } from '../checksums/luhn.ts';
import { cardBrand, isCardExpired } from './cards.ts';

describe('card checks', () => {
  it('checks the Luhn digit', () => {
    assert.equal(passesLuhn('4242424242424242'), true);
    assert.equal(passesLuhn('4000000000000002'), true);
    assert.equal(passesLuhn('378282246310005'), true);
    assert.equal(passesLuhn('4242424242424241'), false);
    assert.equal(passesLuhn('42424242a4242424'), false);
    assert.equal(passesLuhn(''), false);
  });

  it('names the brand from the leading digits', () => {
    assert.equal(cardBrand('4242424242424242'), 'VISA');
    assert.equal(cardBrand('5555555555554444'), 'MASTERCARD');
    assert.equal(cardBrand('2223003122003222'), 'MASTERCARD');
    assert.equal(cardBrand('378282246310005'), 'AMEX');
    assert.equal(cardBrand('6011111111111117'), 'DISCOVER');
    assert.equal(cardBrand('3056930009020004'), 'OTHER');
  });

  it('counts a card as valid through the end of its expiry month', () => {
    assert.equal(isCardExpired(11, 2026, '2026-11-30'), false);
    assert.equal(isCardExpired(10, 2026, '2026-11-01'), true);
    assert.equal(isCardExpired(12, 2025, '2026-01-15'), true);
    assert.equal(isCardExpired(1, 2027, '2026-12-31'), false);
  });
});
