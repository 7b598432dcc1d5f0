import { z } from 'zod';

/**
 * The input rules every schema in core is built from: one for text a person types, one for whole numbers, one
 * for money. PostgreSQL refuses a NUL character, a lone surrogate cannot be stored as UTF-8, and an `integer`
 * column holds 32 bits: a value the database would refuse is refused here, at its field, with words.
 * `inputs/rules.test.ts` walks every procedure's input and fails when a string or a number escapes them.
 */

/** One line: no control character at all (no NUL, tab or line break) and no lone surrogate. */
export const ONE_LINE_TEXT = /^[^\p{Cc}\p{Cs}\u2028\u2029]*$/u;

/** Several lines: tab, line feed and carriage return allowed; no other control character, no lone surrogate. */
export const MULTI_LINE_TEXT = /^(?:[^\p{Cc}\p{Cs}]|[\t\n\r])*$/u;

export interface TextOptions {
  /** The longest text accepted, in UTF-16 code units after normalisation. */
  max: number;
  /** The shortest (default 0: use `.min(1, '…')` on the result for a required field with its own words). */
  min?: number;
  /** Tab and line breaks allowed (notes, comments). */
  multiline?: boolean;
  /** Leading and trailing white space removed before the checks. */
  trim?: boolean;
}

/**
 * Free text: normalised to NFC (so `é` typed two ways is one value), optionally trimmed, bounded, and free of
 * control characters except tab and line breaks where `multiline`. Chain `.min(1, '…')` for a required field.
 */
export function text(options: TextOptions): z.ZodString {
  let schema = z.string().normalize('NFC');
  if (options.trim) schema = schema.trim();
  if (options.min !== undefined && options.min > 0)
    schema = schema.min(options.min, `At least ${options.min} characters`);
  return schema
    .max(options.max, `At most ${options.max} characters`)
    .regex(
      options.multiline ? MULTI_LINE_TEXT : ONE_LINE_TEXT,
      options.multiline
        ? 'Remove control characters'
        : 'Use letters, digits and punctuation on one line (no control characters or line breaks)',
    );
}

/** The largest value an `integer` column holds. */
export const MAX_INT4 = 2_147_483_647;

/** A whole number between `min` and `max`, both inside what an `integer` column holds. */
export function wholeNumber(min: number, max: number): z.ZodInt {
  if (min < -MAX_INT4 - 1 || max > MAX_INT4 || min > max)
    throw new RangeError(`wholeNumber(${min}, ${max}) is outside a 32-bit integer`);
  return z.int().min(min, `At least ${min}`).max(max, `At most ${max}`);
}

/**
 * The largest amount of money one input may carry: $10,000,000.00. Every money value is integer cents
 * (docs/domain.md "Money"); bounding each one keeps every sum of them a safe integer in JavaScript and SQL.
 */
export const MAX_INPUT_CENTS = 1_000_000_000;

/** An amount of money in integer cents, from 0 (or `min`) to $10,000,000.00. */
export function cents(min = 0): z.ZodInt {
  return z
    .int('Enter the amount in whole cents')
    .min(min, min === 0 ? 'An amount cannot be negative' : `At least ${min} cents`)
    .max(MAX_INPUT_CENTS, 'At most $10,000,000.00');
}
