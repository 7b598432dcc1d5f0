import { createHash, type Hash } from 'node:crypto';
import { PorticoError, type PpefImportReport } from '@portico/core';
import { parse as parseSync } from 'csv-parse/sync';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { cleanFieldEnd, cleanFieldStart, cleanFieldStop, isCleanPpefLine } from './clean-row.ts';
import { headerProblem, parsePpefRecord, type PpefRow } from './format.ts';
import { ProviderTypes } from './provider-types.ts';

/** A malformed line of the file: its 1-based line number and what is wrong with it. */
type MalformedLine = PpefImportReport['malformed'][number];

export const MALFORMED_SAMPLE = 100;
/** No enrollment record comes near this; a longer one (an unclosed quote, say) is reported, not held. */
const MAX_RECORD_BYTES = 64 * 1024;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x22;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** The fields PROVIDER_TYPE_CD and PROVIDER_TYPE_DESC, counted from 0. */
const TYPE_CODE = 4;
const TYPE_DESCRIPTION = 5;

/** What the screen found: rows read and malformed, a sample of the malformed lines, and the file's SHA-256. */
export interface ScreenTally {
  rowsRead: number;
  rowsMalformed: number;
  malformed: MalformedLine[];
  sha256: string | null;
}

/** A record whose quoted field runs past its line: its first line number and its text so far, line ends kept. */
interface OpenRecord {
  line: number;
  text: string;
}

function countQuotes(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(QUOTE); at !== -1; at = bytes.indexOf(QUOTE, at + 1)) count += 1;
  return count;
}

const emptyFile = () =>
  new PorticoError('BAD_REQUEST', 'The file is empty: it has no header line.', { fieldPath: 'file' });

/** A carriage return inside the first line: the file's lines end in CR alone, which the import does not read. */
const bareCarriageReturns = () =>
  new PorticoError(
    'BAD_REQUEST',
    "The file's lines end in a carriage return alone (as old Mac programs save CSV). Save it with LF or CRLF line ends and import it again.",
    { fieldPath: 'file' },
  );

/** Moves `bytes[from..to)` back to `write` (never past `from`); answers where it now ends. */
function moveBack(bytes: Buffer, from: number, to: number, write: number): number {
  if (write !== from && to > from) bytes.copyWithin(write, from, to);
  return write + (to - from);
}

/**
 * A valid row as a CSV line in the file's column order (`FILE_ORDER_COLUMNS` in import.ts), as COPY reads it back
 * exactly: every text quoted (so an empty description stays an empty string), NULL unquoted and empty. The
 * description is NULL when it is its type's (`typeDescribed`).
 */
function csvLine(row: PpefRow, typeDescribed: boolean, lineEnd: string): string {
  const fields = [
    row.npi,
    row.multipleNpi ? 'Y' : 'N',
    row.pacId,
    row.enrollmentId,
    row.providerTypeCode,
    typeDescribed ? null : row.providerTypeDescription,
    row.stateCode,
    row.firstName,
    row.middleName,
    row.lastName,
    row.organizationName,
  ];
  return stringifySync([fields], { quoted_string: true, record_delimiter: lineEnd });
}

/**
 * Reads the enrollment file on its way to PostgreSQL's CSV COPY, in one pass that also takes its SHA-256 (unless
 * the caller has it already). The header must be the PPEF header (else BAD_REQUEST). A line `isCleanPpefLine`
 * passes goes on as written, but for its provider type's description, left out (NULL) when it is the type's
 * (`ProviderTypes`): the lines are closed up over the chunk read and go on in runs. Any other record is read by
 * csv-parse and judged by `parsePpefRecord`, which gives the reasons: a valid one goes on rewritten (trimmed,
 * quoted, its description left out on the same rule), a malformed one is counted with its line number and left
 * out. Lines are counted as
 * physical lines, the header being line 1; a record whose quoted field spans lines is reported at its first. Holds
 * one chunk, and at most one record of `MAX_RECORD_BYTES` besides.
 */
export class PpefScreen {
  readonly tally: ScreenTally = { rowsRead: 0, rowsMalformed: 0, malformed: [], sha256: null };
  /** The file's provider types, for `ppef_provider_types`; complete once `end` has returned. */
  readonly providerTypes: ProviderTypes;
  /** Null when the caller took the file's SHA-256 already (an upload, as it was written to disk). */
  private readonly hash: Hash | null;
  private line = 0;
  private headerSeen = false;
  /** The line end of the first data line; COPY wants one style in a stream, so rewritten lines use it too. */
  private lineEnd: '\n' | '\r\n' | null = null;
  private carry: Buffer | null = null;
  /** True while the rest of an overlong line is being passed over. */
  private skipping = false;
  private open: OpenRecord | null = null;
  private out: Buffer[] = [];

  constructor(options: { providerTypes?: ProviderTypes; sha256?: string } = {}) {
    this.providerTypes = options.providerTypes ?? new ProviderTypes();
    this.hash = options.sha256 === undefined ? createHash('sha256') : null;
    this.tally.sha256 = options.sha256 ?? null;
  }

  /**
   * Screens one chunk read from the file; answers what goes on to COPY (whole lines). The chunk becomes the
   * screen's: what goes on is written over it.
   */
  push(chunk: Buffer): Buffer[] {
    this.hash?.update(chunk);
    let from = 0;
    if (this.skipping) {
      // The rest of an overlong line.
      const newline = chunk.indexOf(NEWLINE);
      if (newline === -1) return this.flush();
      this.skipping = false;
      from = newline + 1;
    } else if (this.carry) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline === -1) {
        this.keep(Buffer.concat([this.carry, chunk]));
        return this.flush();
      }
      const joined = Buffer.concat([this.carry, chunk.subarray(0, newline + 1)]);
      this.carry = null;
      this.lines(joined, 0, joined.length);
      from = newline + 1;
    }
    const lastNewline = chunk.lastIndexOf(NEWLINE);
    if (lastNewline < from) {
      if (from < chunk.length) this.keep(Buffer.from(chunk.subarray(from)));
      return this.flush();
    }
    this.lines(chunk, from, lastNewline + 1);
    if (lastNewline + 1 < chunk.length) this.keep(Buffer.from(chunk.subarray(lastNewline + 1)));
    return this.flush();
  }

  /** Screens what is left at the end of the file (a last line without a line end, an open record). */
  end(): Buffer[] {
    if (this.carry) {
      const last = Buffer.concat([this.carry, Buffer.from(this.lineEnd ?? '\n')]);
      this.carry = null;
      this.lines(last, 0, last.length);
    }
    if (this.open) this.closeOpenRecord();
    if (!this.headerSeen) throw emptyFile();
    if (this.hash) this.tally.sha256 = this.hash.digest('hex');
    return this.flush();
  }

  private flush(): Buffer[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /** Keeps the start of a line until its end is read; one longer than any record is reported and skipped. */
  private keep(partial: Buffer): void {
    this.carry = null;
    if (partial.length <= MAX_RECORD_BYTES) {
      this.carry = partial;
      return;
    }
    if (!this.headerSeen) {
      if (partial.includes(CARRIAGE_RETURN)) throw bareCarriageReturns();
      throw new PorticoError(
        'BAD_REQUEST',
        `The first line is not the enrollment file header: it is longer than ${MAX_RECORD_BYTES} bytes.`,
        { fieldPath: 'file' },
      );
    }
    this.line += 1;
    this.tally.rowsRead += 1;
    this.noteMalformed(this.line, `is longer than ${MAX_RECORD_BYTES} bytes`);
    this.skipping = true;
  }

  /**
   * Screens the whole lines in `bytes[from..to)` (`to` just past a line feed). What goes on to COPY is written back
   * over the same bytes, closed up where clean lines leave their description out, so runs of clean lines still go
   * on as one piece. `bytes[run..write)` is written and not yet passed on; `bytes[kept..)` goes on as it is, moved
   * back to `write` only when a gap has opened before it (one move from one gap to the next).
   */
  private lines(bytes: Buffer, from: number, to: number): void {
    let run = from;
    let write = from;
    let kept = from;
    for (let start = from; start < to;) {
      const newline = bytes.indexOf(NEWLINE, start);
      const next = newline === -1 || newline >= to ? to : newline + 1;
      this.line += 1;
      const crlf = next - start >= 2 && bytes[next - 2] === CARRIAGE_RETURN;
      const end = next - 1 - (crlf ? 1 : 0);
      if (this.headerSeen && this.open === null && end > start) {
        this.lineEnd ??= crlf ? '\r\n' : '\n';
        if ((this.lineEnd === '\r\n') === crlf && isCleanPpefLine(bytes, start, end)) {
          this.tally.rowsRead += 1;
          if (this.describedByType(bytes)) {
            // Leave out the description as written, quotes included: after the code's comma up to its own.
            write = moveBack(bytes, kept, cleanFieldStop(TYPE_CODE) + 1, write);
            kept = cleanFieldStop(TYPE_DESCRIPTION);
          }
          start = next;
          continue;
        }
      }
      write = moveBack(bytes, kept, start, write);
      if (run < write) this.out.push(bytes.subarray(run, write));
      this.screenLine(bytes.subarray(start, end), crlf);
      run = write;
      kept = next;
      start = next;
    }
    write = moveBack(bytes, kept, to, write);
    if (run < write) this.out.push(bytes.subarray(run, write));
  }

  /** Whether the clean line `isCleanPpefLine` just passed gives its provider type's own description. */
  private describedByType(bytes: Buffer): boolean {
    return this.providerTypes.describesType(
      bytes,
      cleanFieldStart(TYPE_CODE),
      cleanFieldEnd(TYPE_CODE),
      cleanFieldStart(TYPE_DESCRIPTION),
      cleanFieldEnd(TYPE_DESCRIPTION),
    );
  }

  /** A line that is not certainly clean: the header, a blank line, part of an open record, or a doubtful row. */
  private screenLine(text: Buffer, crlf: boolean): void {
    if (!this.headerSeen) {
      this.checkHeader(this.line === 1 && text.subarray(0, 3).equals(BOM) ? text.subarray(3) : text);
      return;
    }
    if (this.open) {
      this.open.text += text.toString('utf8');
      // Quotes balance again: the record ends with this line.
      if (countQuotes(text) % 2 === 1 || this.open.text.length > MAX_RECORD_BYTES) this.closeOpenRecord();
      else this.open.text += crlf ? '\r\n' : '\n';
      return;
    }
    if (text.length === 0) return;
    if (countQuotes(text) % 2 === 1) {
      this.open = { line: this.line, text: `${text.toString('utf8')}${crlf ? '\r\n' : '\n'}` };
      return;
    }
    this.judge(text.toString('utf8'), this.line);
  }

  private closeOpenRecord(): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    this.judge(open.text, open.line);
  }

  /** Reads one record with csv-parse and judges it with `parsePpefRecord`. */
  private judge(record: string, line: number): void {
    this.tally.rowsRead += 1;
    let fields: string[];
    try {
      const records = parseSync(record, { relax_column_count: true }) as string[][];
      if (records.length !== 1 || !records[0]) throw new Error('not one record');
      fields = records[0];
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : null;
      this.noteMalformed(line, code ? `cannot be read as CSV (${code})` : 'cannot be read as CSV');
      return;
    }
    const parsed = parsePpefRecord(fields);
    if (!parsed.ok) {
      this.noteMalformed(line, parsed.reason);
      return;
    }
    const { row } = parsed;
    const described = this.providerTypes.describesTypeText(row.providerTypeCode, row.providerTypeDescription);
    this.out.push(Buffer.from(csvLine(row, described, this.lineEnd ?? '\n')));
  }

  private checkHeader(text: Buffer): void {
    const line = text.toString('utf8');
    if (line.trim() === '') throw emptyFile();
    if (text.includes(CARRIAGE_RETURN)) throw bareCarriageReturns();
    let fields: string[] = [];
    try {
      fields = (parseSync(line, { relax_quotes: true }) as string[][])[0] ?? [];
    } catch {
      // An unreadable header is reported as not being the header, below.
    }
    const problem = headerProblem(fields);
    if (problem) throw new PorticoError('BAD_REQUEST', problem, { fieldPath: 'file' });
    this.headerSeen = true;
  }

  private noteMalformed(line: number, reason: string): void {
    this.tally.rowsMalformed += 1;
    if (this.tally.malformed.length < MALFORMED_SAMPLE) this.tally.malformed.push({ line, reason });
  }
}

/** Screens a stream of file chunks (see `PpefScreen`), yielding what goes on to COPY. */
export async function* screenPpef(chunks: AsyncIterable<Buffer>, screen: PpefScreen): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) yield* screen.push(chunk);
  yield* screen.end();
}
