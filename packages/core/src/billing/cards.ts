/** Card checks that need no gateway: the brand from the number, expiry (the Luhn check is `passesLuhn`). */

export type CardBrand = 'VISA' | 'MASTERCARD' | 'AMEX' | 'DISCOVER' | 'OTHER';

/** The card's brand from its leading digits (the issuer identification number ranges). */
export function cardBrand(digits: string): CardBrand {
  if (/^4/.test(digits)) return 'VISA';
  if (/^(5[1-5]|2(2[2-9][1-9]|[3-6]\d\d|7[01]\d|720))/.test(digits)) return 'MASTERCARD';
  if (/^3[47]/.test(digits)) return 'AMEX';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'DISCOVER';
  return 'OTHER';
}

/** True when a card valid through the end of `expMonth`/`expYear` has expired by `today` (a plain date). */
export function isCardExpired(expMonth: number, expYear: number, today: string): boolean {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return expYear < year || (expYear === year && expMonth < month);
}
