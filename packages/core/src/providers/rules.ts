/**
 * Identifier rules for providers: the NPI check digit and the TIN formats (docs/domain.md, "Providers").
 * Pure functions, no I/O.
 */

import { luhnCheckDigit } from '../checksums/luhn.ts';

/** The card-issuer prefix CMS puts before the NPI's first nine digits when computing its check digit. */
const NPI_LUHN_PREFIX = '80840';

/** The check digit of an NPI from its first nine digits. */
export function npiCheckDigit(firstNineDigits: string): number {
  return luhnCheckDigit(NPI_LUHN_PREFIX + firstNineDigits);
}

/** Why an NPI is not valid, in words, or null when it is valid. */
export function npiProblem(npi: string): string | null {
  if (!/^\d+$/.test(npi)) return 'An NPI has digits only.';
  if (npi.length !== 10) return `An NPI has 10 digits; this one has ${npi.length}.`;
  if (npi[0] !== '1' && npi[0] !== '2') return 'An NPI starts with 1 (individual) or 2 (organization).';
  if (npiCheckDigit(npi.slice(0, 9)) !== Number(npi[9]))
    return 'The NPI check digit does not match; check for a typo.';
  return null;
}

/** True for a well-formed NPI whose last digit is its Luhn check digit. */
export function isValidNpi(npi: string): boolean {
  return npiProblem(npi) === null;
}

/** Whether an NPI names an individual provider (1) or an organization (2). */
export function npiEntityKind(npi: string): 'individual' | 'organization' {
  return npi.startsWith('2') ? 'organization' : 'individual';
}

export type TinKind = 'EIN' | 'SSN';

/** A parsed TIN: its kind, its nine digits, and how it is written. */
export interface Tin {
  kind: TinKind;
  digits: string;
  formatted: string;
}

// docs/domain.md: EIN prefixes the IRS does not assign.
const UNASSIGNED_EIN_PREFIXES = new Set([
  '00',
  '07',
  '08',
  '09',
  '17',
  '18',
  '19',
  '28',
  '29',
  '49',
  '69',
  '70',
  '78',
  '79',
  '89',
  '96',
  '97',
]);

function einProblem(digits: string): string | null {
  const prefix = digits.slice(0, 2);
  return UNASSIGNED_EIN_PREFIXES.has(prefix) ? `${prefix} is not an EIN prefix the IRS assigns.` : null;
}

function ssnProblem(digits: string): string | null {
  const area = Number(digits.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900)
    return 'That SSN area number (first three digits) is never issued.';
  if (digits.slice(3, 5) === '00') return 'An SSN group number (middle two digits) is never 00.';
  if (digits.slice(5) === '0000') return 'An SSN serial number (last four digits) is never 0000.';
  return null;
}

/**
 * Parses a TIN written as an EIN (`12-3456789`) or an SSN (`123-45-6789`). Nine bare digits need `kind`.
 * Returns the TIN or the reason it is not valid.
 */
export function parseTin(
  value: string,
  kind?: TinKind,
): { ok: true; tin: Tin } | { ok: false; problem: string } {
  const text = value.trim();
  let detected: TinKind | undefined;
  if (/^\d{2}-\d{7}$/.test(text)) detected = 'EIN';
  else if (/^\d{3}-\d{2}-\d{4}$/.test(text)) detected = 'SSN';
  else if (/^\d{9}$/.test(text)) detected = kind;
  else
    return { ok: false, problem: 'Write the TIN as an EIN (like 12-3456789) or an SSN (like 123-45-6789).' };
  if (detected === undefined)
    return { ok: false, problem: 'Say whether these nine digits are an EIN or an SSN.' };
  if (kind !== undefined && kind !== detected) {
    return { ok: false, problem: `That is written as an ${detected}, not an ${kind}.` };
  }
  const digits = text.replaceAll('-', '');
  const problem = detected === 'EIN' ? einProblem(digits) : ssnProblem(digits);
  if (problem) return { ok: false, problem };
  const formatted =
    detected === 'EIN'
      ? `${digits.slice(0, 2)}-${digits.slice(2)}`
      : `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
  return { ok: true, tin: { kind: detected, digits, formatted } };
}

/** True for a valid EIN or SSN as `parseTin` reads it. */
export function isValidTin(value: string, kind?: TinKind): boolean {
  return parseTin(value, kind).ok;
}

/** An SSN as it is ever shown or returned: its last four digits only (`***-**-6789`). */
export function maskedSsn(lastFour: string): string {
  return `***-**-${lastFour}`;
}

/** How a TIN is shown: an EIN in full, an SSN masked to its last four digits (`***-**-6789`). */
export function displayTin(tin: Tin): string {
  return tin.kind === 'SSN' ? maskedSsn(tin.digits.slice(5)) : tin.formatted;
}

/** The largest roster accepted in one upload (characters of CSV): about 50,000 rows. */
export const MAX_ROSTER_CHARS = 5_000_000;
