import { elementOf, type Segment } from './tokenizer.ts';
import type { X12Diagnostic } from './diagnostics.ts';

/** One element of a segment as an implementation guide describes it. */
export interface ElementRule {
  /** 1-based position (NM103 is 3). */
  position: number;
  name: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  /** The values allowed: a literal list, or the name of a code list looked up at validation time. */
  codes?: readonly string[] | { list: string };
  /** How many repeats the element may carry (EB03 up to 99); 1 when absent. */
  repeats?: number;
  /** A composite: the rule applies to its first component (the qualifier). */
  composite?: boolean;
  format?: 'date' | 'time' | 'decimal' | 'digits';
}

/** One segment in a loop: which segment, how often, and (for the loop's first one) how to recognise it. */
export interface SegmentRule {
  id: string;
  name: string;
  required?: boolean;
  max: number;
  /** Recognises the segment by an element's value (NM101 `IL` for the subscriber's name). */
  match?: { position: number; values: readonly string[] };
  elements?: readonly ElementRule[];
}

/** A loop: its id in the guide, its segments (the first begins it), its child loops. */
export interface LoopRule {
  id: string;
  name: string;
  required?: boolean;
  max: number;
  segments: readonly SegmentRule[];
  loops?: readonly LoopRule[];
}

/** A transaction set's guide: the header segments (ST and what follows it), its loops, the trailer before SE. */
export interface TransactionGuide {
  id: string;
  version: string;
  header: readonly SegmentRule[];
  loops: readonly LoopRule[];
  /** Segments after the last loop and before SE (the 835's PLB). */
  trailer?: readonly SegmentRule[];
}

/** A loop as read: its rule, its own segments, its child loops. */
export interface LoopNode {
  rule: LoopRule;
  segments: Segment[];
  loops: LoopNode[];
}

/** What a guide's reading of a transaction set gives: the header, the loop tree and every diagnostic. */
export interface GuidedTransaction {
  header: Segment[];
  loops: LoopNode[];
  trailer: Segment[];
  diagnostics: X12Diagnostic[];
}

/** Code lists by name, each a set of codes (see `code-lists.ts`). */
export type CodeLookup = (list: string, code: string) => boolean;

/** True when a segment is the one a rule describes (its id, and the qualifying value where the rule names one). */
export const matches = (rule: SegmentRule, segment: Segment) =>
  rule.id === segment.id &&
  (!rule.match || rule.match.values.includes(elementOf(segment, rule.match.position)));

/** Items grouped by an id (items without one are left out). */
export function groupBy<T>(items: readonly T[], idOf: (item: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const id = idOf(item);
    if (id === undefined) continue;
    const list = map.get(id);
    if (list) list.push(item);
    else map.set(id, [item]);
  }
  return map;
}

/** The loops of a tree with a given id, depth first. */
export function loopsWithId(nodes: readonly LoopNode[], id: string, found: LoopNode[] = []): LoopNode[] {
  for (const node of nodes) {
    if (node.rule.id === id) found.push(node);
    loopsWithId(node.loops, id, found);
  }
  return found;
}

/** A loop's first segment with this id (and, optionally, this value at a position). */
export function segmentIn(
  node: LoopNode,
  id: string,
  match?: { position: number; value: string },
): Segment | undefined {
  return node.segments.find(
    (segment) => segment.id === id && (!match || elementOf(segment, match.position) === match.value),
  );
}
