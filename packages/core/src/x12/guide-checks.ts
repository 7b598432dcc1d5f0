import { diagnostic, type X12Diagnostic } from './diagnostics.ts';
import type { Delimiters } from './delimiters.ts';
import {
  groupBy,
  matches,
  type CodeLookup,
  type ElementRule,
  type LoopNode,
  type LoopRule,
  type SegmentRule,
} from './guide.ts';
import type { TransactionSet } from './interchange.ts';
import { componentsOf, repeatsOf, type Segment } from './tokenizer.ts';

// The positions of a loop's segment rules by segment id, made once per rule list (guides are constants).
const ruleIndexCache = new WeakMap<readonly SegmentRule[], ReadonlyMap<string, readonly number[]>>();
function ruleIndexes(rules: readonly SegmentRule[]): ReadonlyMap<string, readonly number[]> {
  let positions = ruleIndexCache.get(rules);
  if (!positions) {
    const grouped = groupBy(
      rules.map((rule, at) => ({ rule, at })),
      (entry) => entry.rule.id,
    );
    positions = new Map([...grouped].map(([id, entries]) => [id, entries.map((entry) => entry.at)]));
    ruleIndexCache.set(rules, positions);
  }
  return positions;
}

/** Checks a read transaction set's loop tree against its guide, adding a diagnostic per broken rule. */
export class GuideChecker {
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
    const byId = ruleIndexes(rules);
    for (const segment of segments) {
      const index =
        byId.get(segment.id)?.find((at) => {
          const rule = rules[at];
          return rule !== undefined && matches(rule, segment);
        }) ?? -1;
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
