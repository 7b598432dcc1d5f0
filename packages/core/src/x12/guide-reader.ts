import { diagnostic, type X12Diagnostic } from './diagnostics.ts';
import type { Delimiters } from './delimiters.ts';
import { GuideChecker } from './guide-checks.ts';
import {
  groupBy,
  matches,
  type CodeLookup,
  type GuidedTransaction,
  type LoopNode,
  type LoopRule,
  type SegmentRule,
  type TransactionGuide,
} from './guide.ts';
import type { TransactionSet } from './interchange.ts';
import type { Segment } from './tokenizer.ts';

/** A loop's rules by segment id: its own segments after the first, and its child loops by their first segment. */
interface LoopIndex {
  own: ReadonlyMap<string, readonly SegmentRule[]>;
  children: ReadonlyMap<string, readonly LoopRule[]>;
}

// Guides are constants: each loop's index is made once and kept beside it.
const loopIndexes = new WeakMap<object, LoopIndex>();
function loopIndex(
  key: LoopRule | TransactionGuide,
  segments: readonly SegmentRule[],
  children: readonly LoopRule[],
): LoopIndex {
  let index = loopIndexes.get(key);
  if (!index) {
    index = {
      own: groupBy(segments.slice(1), (rule) => rule.id),
      children: groupBy(children, (rule) => rule.segments[0]?.id),
    };
    loopIndexes.set(key, index);
  }
  return index;
}

interface Frame {
  rule: LoopRule | null;
  node: LoopNode | null;
  segments: readonly SegmentRule[];
  index: LoopIndex;
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
  const trailer: Segment[] = [];
  const trailerRules = guide.trailer ?? [];
  const body = transaction.segments.slice(0, -1);
  const root: Frame = {
    rule: null,
    node: null,
    segments: guide.header,
    index: loopIndex(guide, guide.header, guide.loops),
    list: loops,
  };
  const stack: Frame[] = [root];
  body.forEach((segment, index) => {
    const at = index + 1;
    // The trailer closes every loop: once it begins, only its own segments follow.
    if ((loops.length > 0 || trailer.length > 0) && trailerRules.some((rule) => matches(rule, segment))) {
      stack.length = 1;
      trailer.push(segment);
      return;
    }
    for (let depth = stack.length - 1; depth >= 0; depth -= 1) {
      const frame = stack[depth];
      if (!frame) continue;
      const own = frame.index.own.get(segment.id)?.find((rule) => matches(rule, segment));
      const isHeader = frame.rule === null && frame.segments.some((rule) => matches(rule, segment));
      if ((own && frame.node) || (isHeader && loops.length === 0)) {
        stack.length = depth + 1;
        (frame.node ? frame.node.segments : header).push(segment);
        return;
      }
      const child = frame.index.children
        .get(segment.id)
        ?.find((rule) => rule.segments[0] !== undefined && matches(rule.segments[0], segment));
      if (child) {
        stack.length = depth + 1;
        const node: LoopNode = { rule: child, segments: [segment], loops: [] };
        (frame.node ? frame.node.loops : frame.list).push(node);
        stack.push({
          rule: child,
          node,
          segments: child.segments,
          index: loopIndex(child, child.segments, child.loops ?? []),
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
  check.segments(trailerRules, trailer, null);
  return { header, loops, trailer, diagnostics };
}
