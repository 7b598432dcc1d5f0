import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { npiCheckDigit } from '@portico/core';
import { stringify } from 'csv-stringify';
import { PPEF_COLUMNS } from './format.ts';

/** A small seeded PRNG (mulberry32): the same seed gives the same file, so tests and benchmarks repeat. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'JAMES',
  'MARIA',
  'ROBERT',
  'PRIYA',
  'CHEN',
  'FATIMA',
  'DAVID',
  'AISHA',
  'LUIS',
  'ELENA',
  'KWAME',
  'SOFIA',
  'OMAR',
  'HANNAH',
  'MIGUEL',
  'GRACE',
];
const MIDDLE = ['A', 'B', 'J', 'L', 'M', 'R', '', '', ''];
const LAST = [
  'SMITH',
  'GARCIA',
  'NGUYEN',
  "O'BRIEN",
  'PATEL',
  'KIM',
  'OKAFOR',
  'ROSSI',
  'COHEN',
  'MARTINEZ',
  'JOHNSON',
  'MULLER',
  'DUBOIS',
  'SATO',
];
const ORG_WORDS = ['RIVERSIDE', 'MAPLE', 'SUMMIT', 'HARBOR', 'VALLEY', 'CEDAR', 'NORTHSIDE', 'LAKESHORE'];
const ORG_KINDS = [
  'FAMILY PRACTICE',
  'MEDICAL GROUP',
  'PHYSICAL THERAPY, P.C.',
  'CLINIC, LLC',
  'HEALTH, INC.',
  'IMAGING CENTER',
];
/** Provider types as CMS writes them (code, description); one description has a comma, so it is quoted. */
const TYPES: [string, string][] = [
  ['14-01', 'PRACTITIONER - GENERAL PRACTICE'],
  ['14-06', 'PRACTITIONER - CARDIOVASCULAR DISEASE (CARDIOLOGY)'],
  ['14-08', 'PRACTITIONER - FAMILY PRACTICE'],
  ['14-13', 'PRACTITIONER - NEUROLOGY'],
  ['14-16', 'PRACTITIONER - OBSTETRICS/GYNECOLOGY'],
  ['14-18', 'PRACTITIONER - OPHTHALMOLOGY'],
  ['14-50', 'PRACTITIONER - NURSE PRACTITIONER'],
  ['14-62', 'PRACTITIONER - PSYCHOLOGIST, CLINICAL'],
  ['14-93', 'PRACTITIONER - EMERGENCY MEDICINE'],
  ['14-97', 'PRACTITIONER - PHYSICIAN ASSISTANT'],
  ['12-59', 'PART B SUPPLIER - AMBULANCE SERVICE ORGANIZATION'],
  ['12-69', 'PART B SUPPLIER - INDEPENDENT CLINICAL LABORATORY'],
  ['14-11', 'PRACTITIONER - INTERNAL MEDICINE'],
  ['14-46', 'PRACTITIONER - ENDOCRINOLOGY'],
  ['14-65', 'PRACTITIONER - PHYSICAL THERAPIST IN PRIVATE PRACTICE'],
  ['12-70', 'PART B SUPPLIER - CLINIC/GROUP PRACTICE'],
  ['12-49', 'PART B SUPPLIER - AMBULATORY SURGICAL CENTER'],
];
const STATES = ['MA', 'NY', 'CA', 'TX', 'FL', 'IL', 'PA', 'OH', 'GA', 'NC', 'MI', 'WA'];

export interface GenerateOptions {
  rows: number;
  seed?: number;
  /** Share of rows that are malformed (wrong field count or a bad NPI). Default 0.001. */
  dirtyRatio?: number;
  crlf?: boolean;
  bom?: boolean;
}

/** The records of a synthetic PPEF file in the real format: header first, then `rows` data records. */
export function* ppefRecords(options: GenerateOptions): Generator<string[]> {
  const next = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(next() * 10)).join('');
  const dirtyRatio = options.dirtyRatio ?? 0.001;
  yield [...PPEF_COLUMNS];
  let repeatNpi: string | null = null;
  for (let i = 0; i < options.rows; i += 1) {
    if (next() < dirtyRatio) {
      yield next() < 0.5
        ? [digits(10), 'N', digits(10)]
        : ['1234567890', 'N', digits(10), `I${digits(14)}`, '14-08', 'X', 'MA', 'A', '', 'B', ''];
      continue;
    }
    const organization = next() < 0.25;
    // Some NPIs have several enrollments, as in the real file; each of their rows carries the flag Y.
    const continuing = repeatNpi !== null;
    const firstNine = (organization ? '2' : '1') + digits(8);
    const npi: string = repeatNpi ?? firstNine + npiCheckDigit(firstNine);
    repeatNpi = next() < 0.05 ? npi : null;
    const multiple = continuing || repeatNpi !== null;
    const [code, description] = pick(TYPES);
    const blankName = next() < 0.01;
    yield [
      npi,
      multiple ? 'Y' : 'N',
      digits(10),
      `${organization ? 'O' : 'I'}${2000 + Math.floor(next() * 26)}${digits(10)}`,
      code,
      description,
      pick(STATES),
      organization || blankName ? '' : pick(FIRST),
      organization ? '' : pick(MIDDLE),
      organization || blankName ? '' : pick(LAST),
      organization ? `${pick(ORG_WORDS)} ${pick(ORG_KINDS)}` : '',
    ];
  }
}

/** Writes a synthetic PPEF file. */
export async function writePpefFile(path: string, options: GenerateOptions): Promise<void> {
  const csv = stringify({ record_delimiter: options.crlf ? '\r\n' : '\n', bom: options.bom ?? false });
  await pipeline(Readable.from(ppefRecords(options)), csv, createWriteStream(path));
}
