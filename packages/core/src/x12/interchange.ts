import type { Delimiters } from './delimiters.ts';
import { diagnostic, X12SyntaxError, type X12Diagnostic } from './diagnostics.ts';
import { elementOf, SegmentTokenizer, type Layout, type Segment } from './tokenizer.ts';

/** One transaction set, ST through SE, with the envelopes it came in. */
export interface TransactionSet {
  /** ST01: `270`, `271`, `835` ... */
  id: string;
  /** ST02. */
  controlNumber: string;
  /** ST03: the implementation guide's version, e.g. `005010X279A1`. */
  guide: string;
  /** Every segment from ST to SE inclusive. */
  segments: Segment[];
  group: Segment;
  interchange: Segment;
}

/** A functional group as a whole-file read keeps it. */
export interface FunctionalGroup {
  gs: Segment;
  transactions: TransactionSet[];
  ge: Segment | null;
}

/** An interchange read whole: what a writer needs to reproduce it byte for byte. */
export interface Interchange {
  isa: Segment;
  /** TA1 interchange acknowledgements, between the ISA and the first group. */
  ta1: Segment[];
  groups: FunctionalGroup[];
  iea: Segment | null;
}

export interface ReadResult {
  interchanges: Interchange[];
  delimiters: Delimiters | null;
  layout: Layout;
  /** Empty when every envelope, count and control number checks out. */
  diagnostics: X12Diagnostic[];
}

type State = 'outside' | 'interchange' | 'group' | 'transaction';

/**
 * Checks the envelopes of a stream of segments (ISA/IEA, GS/GE, ST/SE: order, counts, control numbers) and hands
 * back each transaction set as soon as its SE arrives. It keeps one transaction set at a time.
 */
export class EnvelopeReader {
  readonly diagnostics: X12Diagnostic[] = [];
  #state: State = 'outside';
  #isa: Segment | null = null;
  #gs: Segment | null = null;
  #groups = 0;
  #transactions = 0;
  #current: Segment[] = [];

  /** Takes the next segment; returns the transaction set it completes, if any. */
  accept(segment: Segment): TransactionSet | null {
    switch (segment.id) {
      case 'ISA':
        this.#expect(segment, this.#state === 'outside', 'An ISA may only begin an interchange.');
        this.#isa = segment;
        this.#groups = 0;
        if (!/^\d{9}$/.test(elementOf(segment, 13)))
          this.#report(
            segment,
            'envelope.control-number',
            'ISA13 must be a nine-digit control number.',
            13,
            '018',
          );
        this.#state = 'interchange';
        return null;
      case 'TA1':
        this.#expect(
          segment,
          this.#state === 'interchange' && this.#groups === 0,
          'A TA1 must follow the ISA, before any functional group.',
        );
        return null;
      case 'GS':
        this.#expect(segment, this.#state === 'interchange', 'A GS must follow the ISA or the previous GE.');
        this.#gs = segment;
        this.#groups += 1;
        this.#transactions = 0;
        this.#state = 'group';
        return null;
      case 'ST':
        this.#expect(segment, this.#state === 'group', 'An ST must follow the GS or the previous SE.');
        this.#current = [segment];
        this.#transactions += 1;
        this.#state = 'transaction';
        return null;
      case 'SE':
        return this.#closeTransaction(segment);
      case 'GE':
        this.#expect(segment, this.#state === 'group', 'A GE must follow the last SE of its group.');
        this.#checkCount(segment, this.#transactions, 'transaction sets');
        this.#checkControl(segment, 2, this.#gs, 6, 'GE02 must repeat GS06');
        this.#state = 'interchange';
        return null;
      case 'IEA':
        this.#expect(segment, this.#state === 'interchange', 'An IEA must follow the last GE.');
        this.#checkCount(segment, this.#groups, 'functional groups');
        this.#checkControl(segment, 2, this.#isa, 13, 'IEA02 must repeat ISA13');
        this.#state = 'outside';
        return null;
      default:
        if (this.#state === 'transaction') this.#current.push(segment);
        else this.#expect(segment, false, `Segment ${segment.id} is outside any transaction set.`);
        return null;
    }
  }

  /** Ends the stream: an envelope still open is reported. */
  end(lastOffset: number, lastPosition: number): void {
    if (this.#state === 'outside') return;
    const missing = { transaction: 'SE', group: 'GE', interchange: 'IEA' }[this.#state];
    this.diagnostics.push(
      diagnostic({
        code: 'envelope.missing-trailer',
        message: `The input ends before its ${missing} segment.`,
        offset: lastOffset,
        segmentPosition: lastPosition,
        ackCode: '023',
      }),
    );
  }

  #closeTransaction(se: Segment): TransactionSet | null {
    if (this.#state !== 'transaction') {
      this.#expect(se, false, 'An SE must end a transaction set that an ST began.');
      return null;
    }
    const segments = [...this.#current, se];
    this.#current = [];
    this.#state = 'group';
    const st = segments[0];
    if (!st || !this.#gs || !this.#isa) return null;
    const counted = Number(elementOf(se, 1));
    if (!/^\d+$/.test(elementOf(se, 1)) || counted !== segments.length)
      this.#report(
        se,
        'envelope.count',
        `SE01 says ${elementOf(se, 1) || 'nothing'}; the transaction set has ${segments.length} segments.`,
        1,
        '5',
        segments.length,
      );
    this.#checkControl(se, 2, st, 2, 'SE02 must repeat ST02', segments.length);
    return {
      id: elementOf(st, 1),
      controlNumber: elementOf(st, 2),
      guide: elementOf(st, 3),
      segments,
      group: this.#gs,
      interchange: this.#isa,
    };
  }

  #checkCount(segment: Segment, actual: number, what: string): void {
    if (elementOf(segment, 1) !== String(actual))
      this.#report(
        segment,
        'envelope.count',
        `${segment.id}01 says ${elementOf(segment, 1) || 'nothing'}; there are ${actual} ${what}.`,
        1,
        segment.id === 'IEA' ? '021' : '5',
      );
  }

  #checkControl(
    segment: Segment,
    element: number,
    header: Segment | null,
    headerElement: number,
    message: string,
    transactionPosition?: number,
  ): void {
    const expected = header ? elementOf(header, headerElement) : '';
    if (elementOf(segment, element) !== expected)
      this.#report(
        segment,
        'envelope.control-number',
        `${message} (${expected}).`,
        element,
        segment.id === 'IEA' ? '001' : '7',
        transactionPosition,
      );
  }

  #expect(segment: Segment, ok: boolean, message: string): void {
    if (!ok) this.#report(segment, 'envelope.order', message, null, '2');
  }

  #report(
    segment: Segment,
    code: X12Diagnostic['code'],
    message: string,
    element: number | null,
    ackCode: string,
    transactionPosition?: number,
  ): void {
    this.diagnostics.push(
      diagnostic({
        code,
        message,
        offset: segment.offset,
        segmentPosition: segment.position,
        segmentId: segment.id,
        element,
        ackCode,
        transactionPosition: transactionPosition ?? null,
      }),
    );
  }
}

/**
 * Reads a whole interchange held in memory (a 271 answer, a test file) into its envelopes and transaction sets.
 * Never throws on bad input: a file it cannot read past comes back with a positioned diagnostic.
 */
export function readInterchange(text: string): ReadResult {
  const tokenizer = new SegmentTokenizer();
  const envelopes = new EnvelopeReader();
  const interchanges: Interchange[] = [];
  const seen: { last: Segment | null } = { last: null };
  const take = (segment: Segment) => {
    seen.last = segment;
    if (segment.id === 'ISA') interchanges.push({ isa: segment, ta1: [], groups: [], iea: null });
    const interchange = interchanges.at(-1);
    const transaction = envelopes.accept(segment);
    if (!interchange) return;
    if (segment.id === 'TA1') interchange.ta1.push(segment);
    if (segment.id === 'GS') interchange.groups.push({ gs: segment, transactions: [], ge: null });
    const group = interchange.groups.at(-1);
    if (transaction && group) group.transactions.push(transaction);
    if (segment.id === 'GE' && group) group.ge = segment;
    if (segment.id === 'IEA') interchange.iea = segment;
  };
  try {
    tokenizer.push(text).forEach(take);
    tokenizer.end();
  } catch (error) {
    if (!(error instanceof X12SyntaxError)) throw error;
    envelopes.diagnostics.push(error.diagnostic);
    return {
      interchanges,
      delimiters: tokenizer.delimiters,
      layout: tokenizer.layout,
      diagnostics: envelopes.diagnostics,
    };
  }
  const end = seen.last;
  if (end === null && text.trim() === '')
    envelopes.diagnostics.push(
      diagnostic({
        code: 'syntax.isa',
        message: 'The input is empty.',
        offset: 0,
        segmentPosition: 1,
        ackCode: '024',
      }),
    );
  else envelopes.end(end?.offset ?? 0, end?.position ?? 0);
  return {
    interchanges,
    delimiters: tokenizer.delimiters,
    layout: tokenizer.layout,
    diagnostics: envelopes.diagnostics,
  };
}

/** One transaction set from a stream, with the envelope diagnostics found before it. */
export interface StreamedTransaction {
  transaction: TransactionSet;
  delimiters: Delimiters;
}

/**
 * Reads transaction sets from a stream of chunks (a file, an HTTP body) one at a time: memory is bounded by one
 * transaction set, however large the file. Envelope problems accumulate in `diagnostics`, which is complete once
 * the iteration ends; a syntax error ends the iteration with it as the last diagnostic.
 */
export async function* streamTransactions(
  source: AsyncIterable<string | Uint8Array>,
  diagnostics: X12Diagnostic[] = [],
): AsyncGenerator<StreamedTransaction> {
  const tokenizer = new SegmentTokenizer();
  const envelopes = new EnvelopeReader();
  const decoder = new TextDecoder();
  const seen: { last: Segment | null } = { last: null };
  const drain = () => diagnostics.push(...envelopes.diagnostics.splice(0));
  try {
    const texts = async function* () {
      for await (const chunk of source)
        yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      yield decoder.decode();
    };
    for await (const text of texts()) {
      for (const segment of tokenizer.push(text)) {
        seen.last = segment;
        const transaction = envelopes.accept(segment);
        drain();
        if (transaction && tokenizer.delimiters) yield { transaction, delimiters: tokenizer.delimiters };
      }
    }
    tokenizer.end();
    envelopes.end(seen.last?.offset ?? 0, seen.last?.position ?? 0);
    drain();
  } catch (error) {
    if (!(error instanceof X12SyntaxError)) throw error;
    drain();
    diagnostics.push(error.diagnostic);
  }
}
