import { diagnostic, X12SyntaxError } from './diagnostics.ts';

/** The separators of one interchange, read from its ISA segment. */
export interface Delimiters {
  element: string;
  component: string;
  /** ISA11 from version 00501 on; null before it (ISA11 was a standards identifier then). */
  repetition: string | null;
  segment: string;
}

/** The ISA segment is fixed width: 106 characters up to and including the segment terminator. */
export const ISA_LENGTH = 106;

// ISA element widths (ISA01..ISA16), which fix where every separator sits.
const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1] as const;

/** The offsets, within the ISA, of the element separator that precedes each ISA element. */
const SEPARATOR_OFFSETS = ISA_WIDTHS.reduce<number[]>((offsets, width, index) => {
  const previous = offsets[index - 1];
  const previousWidth = ISA_WIDTHS[index - 1];
  offsets.push(previous === undefined || previousWidth === undefined ? 3 : previous + previousWidth + 1);
  return offsets;
}, []);

const isAlphanumeric = (char: string) => /^[A-Za-z0-9 ]$/.test(char);

function refuse(message: string, offset: number): never {
  throw new X12SyntaxError(
    diagnostic({ code: 'syntax.isa', message, offset, segmentPosition: 1, segmentId: 'ISA', ackCode: '024' }),
  );
}

/**
 * Reads the delimiters from the first 106 characters of an interchange (its ISA). Refuses, with a positioned
 * diagnostic, an ISA that is short, uses a letter or digit as a separator, or uses one character for two roles.
 */
export function readDelimiters(isa: string, offset = 0): Delimiters {
  if (isa.length < ISA_LENGTH)
    refuse('The interchange is shorter than its ISA segment (106 characters).', offset);
  if (!isa.startsWith('ISA')) refuse('An interchange must begin with an ISA segment.', offset);
  const element = isa.charAt(3);
  const component = isa.charAt(104);
  const segment = isa.charAt(105);
  if (isAlphanumeric(element))
    refuse('The element separator (ISA position 4) is a letter, digit or space.', offset);
  for (const at of SEPARATOR_OFFSETS) {
    if (isa.charAt(at) !== element)
      refuse(
        `The ISA is not 106 characters of fixed-width elements: position ${at + 1} should be "${element}".`,
        offset,
      );
  }
  const version = isa.slice(84, 89);
  const repetitionChar = isa.charAt(82);
  const repetition = version >= '00501' ? repetitionChar : null;
  const roles = [element, component, segment, ...(repetition === null ? [] : [repetition])];
  if (roles.some(isAlphanumeric))
    refuse('A separator in the ISA (repetition, component or segment) is a letter, digit or space.', offset);
  if (new Set(roles).size !== roles.length) refuse('The ISA uses one character for two separators.', offset);
  return { element, component, repetition, segment };
}
