import { PorticoError } from '../errors/portico-error.ts';
import type { Delimiters } from './delimiters.ts';
import type { Interchange } from './interchange.ts';
import type { Layout, Segment } from './tokenizer.ts';

/** The delimiters Portico writes: `*` between elements, `:` in composites, `^` between repeats, `~` after segments. */
export const PORTICO_DELIMITERS: Delimiters = { element: '*', component: ':', repetition: '^', segment: '~' };

/** An element to write: a plain value, a composite (its components) or a repeating element (its repeats). */
export type ElementValue = string | { components: readonly string[] } | { repeats: readonly string[] };

/** A segment to write: its id and its elements from XX01, trailing empty elements dropped on output. */
export interface OutboundSegment {
  id: string;
  elements: readonly ElementValue[];
}

function refuseDelimiter(value: string, delimiters: Delimiters, where: string): void {
  const used = [delimiters.element, delimiters.component, delimiters.segment, delimiters.repetition ?? ''];
  const found = used.find((char) => char !== '' && value.includes(char));
  if (found !== undefined)
    throw new PorticoError(
      'BAD_REQUEST',
      `${where} contains "${found}", which X12 uses as a separator; remove it and try again.`,
    );
}

function writeValue(value: ElementValue, delimiters: Delimiters, where: string): string {
  if (typeof value === 'string') {
    refuseDelimiter(value, delimiters, where);
    return value;
  }
  if ('components' in value) {
    value.components.forEach((component) => refuseDelimiter(component, delimiters, where));
    return trimEnd(value.components).join(delimiters.component);
  }
  if (delimiters.repetition === null)
    throw new PorticoError('BAD_REQUEST', `${where} repeats, which this X12 version cannot carry.`);
  value.repeats.forEach((repeat) => refuseDelimiter(repeat, delimiters, where));
  return value.repeats.join(delimiters.repetition);
}

function trimEnd(values: readonly string[]): readonly string[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === '') end -= 1;
  return values.slice(0, end);
}

/**
 * One outbound segment as X12 text, without its terminator. A value that contains a delimiter is refused with a
 * BAD_REQUEST naming the element (`NM103`), so no input can split a segment or forge one.
 */
export function writeSegment(segment: OutboundSegment, delimiters: Delimiters = PORTICO_DELIMITERS): string {
  const values = segment.elements.map((value, index) =>
    writeValue(value, delimiters, `${segment.id}${String(index + 1).padStart(2, '0')}`),
  );
  return [segment.id, ...trimEnd(values)].join(delimiters.element);
}

/** Segments as read, written back exactly (the elements as they were, composites and repeats untouched). */
export function writeReadSegment(segment: Segment, delimiters: Delimiters): string {
  return [segment.id, ...segment.elements].join(delimiters.element);
}

/** A whole interchange written back with its own delimiters and layout: byte for byte what was read. */
export function writeInterchange(interchange: Interchange, delimiters: Delimiters, layout: Layout): string {
  const segments: Segment[] = [interchange.isa, ...interchange.ta1];
  for (const group of interchange.groups) {
    segments.push(group.gs);
    for (const transaction of group.transactions) segments.push(...transaction.segments);
    if (group.ge) segments.push(group.ge);
  }
  if (interchange.iea) segments.push(interchange.iea);
  const between = delimiters.segment + layout.lineBreak;
  return (
    segments.map((segment) => writeReadSegment(segment, delimiters)).join(between) +
    delimiters.segment +
    layout.trailer
  );
}
