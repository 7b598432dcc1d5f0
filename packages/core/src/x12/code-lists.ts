import {
  benefitCodes,
  coverageLevels,
  followUpActions,
  insuranceTypes,
  rejectReasons,
  timePeriods,
} from './code-lists/eligibility-codes.ts';
import { serviceTypes } from './code-lists/service-types.ts';
import { claimStatusCategories, claimStatusCodes } from './code-lists/claim-status-codes.ts';
import {
  adjustmentGroups,
  adjustmentReasons,
  providerAdjustmentReasons,
  remarkCodes,
  remittanceClaimStatuses,
} from './code-lists/remittance-codes.ts';

import type { CodeList } from './code-lists/code-list.ts';

export type { CodeList };

/** Every code list the engine ships, by name. */
export const BUILT_IN_CODE_LISTS: readonly CodeList[] = [
  serviceTypes,
  benefitCodes,
  coverageLevels,
  timePeriods,
  insuranceTypes,
  rejectReasons,
  followUpActions,
  claimStatusCategories,
  claimStatusCodes,
  adjustmentGroups,
  adjustmentReasons,
  remarkCodes,
  remittanceClaimStatuses,
  providerAdjustmentReasons,
];

/** A code and its label, side by side, as results carry them. */
export interface CodedValue {
  code: string;
  label: string;
}

/**
 * The code lists in force: the built-in ones, each replaced by a list of the same name when one is given (a
 * deployment loads newer lists from files without a code change; README, "X12 code lists").
 */
export class CodeLists {
  readonly #lists: Map<string, CodeList>;
  readonly #codes: Map<string, ReadonlySet<string>>;

  constructor(replacements: readonly CodeList[] = []) {
    this.#lists = new Map(BUILT_IN_CODE_LISTS.map((list) => [list.name, list]));
    for (const list of replacements) this.#lists.set(list.name, list);
    this.#codes = new Map([...this.#lists].map(([name, list]) => [name, new Set(Object.keys(list.codes))]));
  }

  /** True when the list knows the code. */
  has(list: string, code: string): boolean {
    return this.#codes.get(list)?.has(code) ?? false;
  }

  /** The code with its label; an unknown code keeps its code and says it is not in the list. */
  label(list: string, code: string): CodedValue {
    const codes = this.#lists.get(list)?.codes ?? {};
    return { code, label: Object.hasOwn(codes, code) ? (codes[code] ?? code) : `Code ${code}` };
  }

  /** Each list's name and version, for a result to say which lists labelled it. */
  versions(): Record<string, string> {
    return Object.fromEntries([...this.#lists.values()].map((list) => [list.name, list.version]));
  }
}

/** Reads a code list from parsed JSON (a replacement file), refusing anything that is not one. */
export function parseCodeList(value: unknown): CodeList {
  if (typeof value !== 'object' || value === null) throw new Error('a code list is a JSON object');
  const name: unknown = Reflect.get(value, 'name');
  const version: unknown = Reflect.get(value, 'version');
  const codes: unknown = Reflect.get(value, 'codes');
  if (typeof name !== 'string' || name === '') throw new Error('a code list has a "name"');
  if (typeof version !== 'string' || version === '') throw new Error('a code list has a "version"');
  if (typeof codes !== 'object' || codes === null || Array.isArray(codes))
    throw new Error('a code list has "codes", an object of code to label');
  const entries = Object.entries(codes);
  if (!entries.every(([code, label]) => /^[A-Z0-9]{1,5}$/.test(code) && typeof label === 'string'))
    throw new Error('every code is one to five capital letters or digits with a label');
  return { name, version, codes: Object.fromEntries(entries) };
}
