/**
 * The Luhn mod-10 check (ISO/IEC 7812): the one implementation behind the NPI check digit and card numbers.
 * Pure functions over strings of ASCII digits.
 */

/** The Luhn check digit for a string of digits (the digit to append so that the whole passes Luhn). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  // Double every second digit counting from the right of the payload: the check digit will sit to its right.
  for (let i = payload.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let digit = payload.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when a string of two or more digits ends in its Luhn check digit. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === digits.charCodeAt(digits.length - 1) - 48;
}
