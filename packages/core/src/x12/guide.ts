import { diagnostic, type X12Diagnostic } from './diagnostics.ts';
import type { Delimiters } from './delimiters.ts';
import type { TransactionSet } from './interchange.ts';
import { componentsOf, elementOf, repeatsOf, type Segment } from './tokenizer.ts';

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

/** A transaction set's guide: the header segments (ST and what follows it), its loops, the SE. */
export interface TransactionGuide {
  id: string;
  version: string;
  header: readonly SegmentRule[];
  loops: readonly LoopRule[];
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
  diagnostics: X12Diagnostic[];
}

/** Code lists by name, each a set of codes (see `code-lists.ts`). */
export type CodeLookup = (list: string, code: string) => boolean;

const matches = (rule: SegmentRule, segment: Segment) =>
  rule.id === segment.id &&
  (!rule.match || rule.match.values.includes(elementOf(segment, rule.match.position)));

interface Frame {
  rule: LoopRule | null;
  node: LoopNode | null;
  segments: readonly SegmentRule[];
  /** The loop's segments after the one that begins it (a repeat of that one begins a new loop). */
  own: readonly SegmentRule[];
  children: readonly LoopRule[];
  list: LoopNode[];
}

/**
 * Reads a transaction set against its guide: every segment lands in its loop (the first segment of a loop begins
 * a new one; a segment the current loop does not know closes loops until one does), and every rule the guide
 * states (required segments and loops, repeats, required elements, lengths, codes, formats) is checked. Problems
 * come back as diagnostics with the segment's position in the transaction set, its loop and element.
 */
export function readWithGuide(
  transaction: TransactionSet,
  guide: TransactionGuide,
  delimiters: Delimiters,
  isCode: CodeLookup,
): GuidedTransaction {
  const diagnostics: X12Diagnostic[] = [];
  const header: Segment[] = [];
  const loops: LoopNode[] = [];
  const body = transaction.segments.slice(0, -1);
  const root: Frame = {
    rule: null,
    node: null,
    segments: guide.header,
    own: guide.header.slice(1),
    children: guide.loops,
    list: loops,
  };
  const stack: Frame[] = [root];
  body.forEach((segment, index) => {
    const at = index + 1;
    for (let depth = stack.length - 1; depth >= 0; depth -= 1) {
      const frame = stack[depth];
      if (!frame) continue;
      const own = frame.own.find((rule) => matches(rule, segment));
      const isHeader = frame.rule === null && frame.segments.some((rule) => matches(rule, segment));
      if ((own && frame.node) || (isHeader && loops.length === 0)) {
        stack.length = depth + 1;
        (frame.node ? frame.node.segments : header).push(segment);
        return;
      }
      const child = frame.children.find((rule) => rule.segments[0] && matches(rule.segments[0], segment));
      if (child) {
        stack.length = depth + 1;
        const node: LoopNode = { rule: child, segments: [segment], loops: [] };
        (frame.node ? frame.node.loops : frame.list).push(node);
        stack.push({
          rule: child,
          node,
          segments: child.segments,
          own: child.segments.slice(1),
          children: child.loops ?? [],
          list: node.loops,
        });
        return;
      }
    }
    diagnostics.push(
      diagnostic({
        code: 'segment.unexpected',
        message: `Segment ${segment.id} is not expected here in a ${guide.id}.`,
        offset: segment.offset,
        segmentPosition: segment.position,
        transactionPosition: at,
        segmentId: segment.id,
        loop: stack.at(-1)?.rule?.id ?? null,
        ackCode: '2',
      }),
    );
  });
  const positions = new Map(transaction.segments.map((segment, index) => [segment, index + 1]));
  const positionOf = (segment: Segment) => positions.get(segment) ?? 0;
  const check = new GuideChecker(diagnostics, delimiters, isCode, positionOf, transaction);
  check.segments(guide.header, header, null);
  check.loops(guide.loops, loops, null);
  return { header, loops, diagnostics };
}

class GuideChecker {
  constructor(
    private readonly diagnostics: X12Diagnostic[],
    private readonly delimiters: Delimiters,
    private readonly isCode: CodeLookup,
    private readonly positionOf: (segment: Segment) => number,
    private readonly transaction: TransactionSet,
  ) {}

  loops(rules: readonly LoopRule[], nodes: readonly LoopNode[], parent: LoopNode | null): void {
    for (const rule of rules) {
      const found = nodes.filter((node) => node.rule === rule);
      const anchor = parent?.segments[0] ?? this.transaction.segments[0];
      if (rule.required && found.length === 0 && anchor)
        this.report(
          anchor,
          'loop.required',
          `Loop ${rule.id} (${rule.name}) is required.`,
          parent?.rule.id ?? null,
          null,
          '3',
        );
      const extra = found[rule.max];
      if (extra?.segments[0])
        this.report(
          extra.segments[0],
          'loop.repeats',
          `Loop ${rule.id} may occur at most ${rule.max} times.`,
          rule.id,
          null,
          '4',
        );
      for (const node of found) {
        this.segments(rule.segments, node.segments, rule.id);
        this.loops(rule.loops ?? [], node.loops, node);
      }
    }
  }

  segments(rules: readonly SegmentRule[], segments: readonly Segment[], loop: string | null): void {
    // One pass: each segment counts for the first rule it matches (the one the reading placed it by).
    const counts = rules.map(() => 0);
    for (const segment of segments) {
      const index = rules.findIndex((rule) => matches(rule, segment));
      const rule = rules[index];
      if (!rule) continue;
      const count = (counts[index] ?? 0) + 1;
      counts[index] = count;
      if (count === rule.max + 1)
        this.report(
          segment,
          'segment.repeats',
          `Segment ${rule.id} may occur at most ${rule.max} times here.`,
          loop,
          null,
          '5',
        );
      for (const element of rule.elements ?? []) this.element(segment, element, loop);
    }
    const anchor = segments[0] ?? this.transaction.segments[0];
    rules.forEach((rule, index) => {
      if (rule.required && counts[index] === 0 && anchor)
        this.report(
          anchor,
          'segment.required',
          `Segment ${rule.id} (${rule.name}) is required${loop ? ` in loop ${loop}` : ''}.`,
          loop,
          null,
          '3',
        );
    });
  }

  private element(segment: Segment, rule: ElementRule, loop: string | null): void {
    const raw = segment.elements[rule.position - 1] ?? '';
    if (raw === '') {
      if (rule.required) this.fail(segment, rule, loop, 'element.required', 'is required.', '1');
      return;
    }
    const repetition = this.delimiters.repetition;
    if (rule.repeats && rule.repeats > 1 && repetition !== null && raw.includes(repetition)) {
      const repeats = repeatsOf(raw, this.delimiters);
      if (repeats.length > rule.repeats)
        this.fail(segment, rule, loop, 'element.too-many', `repeats more than ${rule.repeats} times.`, '12');
      for (const repeat of repeats) this.value(segment, rule, loop, repeat);
    } else this.value(segment, rule, loop, raw);
  }

  /** One value of an element (a repeat, or a composite's first component) against its rule. */
  private value(segment: Segment, rule: ElementRule, loop: string | null, repeat: string): void {
    const value = rule.composite ? (componentsOf(repeat, this.delimiters)[0] ?? '') : repeat;
    if (rule.minLength !== undefined && value.length < rule.minLength)
      this.fail(
        segment,
        rule,
        loop,
        'element.too-short',
        `is shorter than ${rule.minLength} characters.`,
        '4',
      );
    if (rule.maxLength !== undefined && value.length > rule.maxLength)
      this.fail(segment, rule, loop, 'element.too-long', `is longer than ${rule.maxLength} characters.`, '5');
    if (rule.format && !FORMATS[rule.format].test(value))
      this.fail(
        segment,
        rule,
        loop,
        'element.format',
        `is not a valid ${rule.format}.`,
        rule.format === 'date' ? '8' : rule.format === 'time' ? '9' : '6',
      );
    const codes = rule.codes;
    if (codes === undefined) return;
    const known = Array.isArray(codes)
      ? codes.includes(value)
      : 'list' in codes && this.isCode(codes.list, value);
    if (!known)
      this.fail(
        segment,
        rule,
        loop,
        'element.code',
        `has a code this guide does not allow ("${value}").`,
        '7',
      );
  }

  private fail(
    segment: Segment,
    rule: ElementRule,
    loop: string | null,
    code: X12Diagnostic['code'],
    message: string,
    ackCode: string,
  ): void {
    const name = `${segment.id}${String(rule.position).padStart(2, '0')} (${rule.name})`;
    this.report(segment, code, `${name} ${message}`, loop, rule.position, ackCode);
  }

  private report(
    segment: Segment,
    code: X12Diagnostic['code'],
    message: string,
    loop: string | null,
    element: number | null,
    ackCode: string,
  ): void {
    this.diagnostics.push(
      diagnostic({
        code,
        message,
        offset: segment.offset,
        segmentPosition: segment.position,
        transactionPosition: this.positionOf(segment),
        segmentId: segment.id,
        loop,
        element,
        ackCode,
      }),
    );
  }
}

const FORMATS = {
  date: /^(\d{8}|\d{8}-\d{8})$/,
  time: /^\d{4}(\d{2}(\d{1,2})?)?$/,
  decimal: /^-?(\d+(\.\d*)?|\.\d+)$/,
  digits: /^\d+$/,
} as const;

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
