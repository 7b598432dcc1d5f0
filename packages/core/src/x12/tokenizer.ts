import { readDelimiters, ISA_LENGTH, type Delimiters } from './delimiters.ts';
import { diagnostic, X12SyntaxError } from './diagnostics.ts';

/** One segment as read: its id, its elements (XX01 first, composites and repeats left joined), where it was. */
export interface Segment {
  id: string;
  elements: string[];
  /** Ordinal in the interchange, ISA = 1. */
  position: number;
  /** Character offset of the segment's first character in the interchange. */
  offset: number;
}

/** How the interchange was laid out between segments, so a writer can reproduce it byte for byte. */
export interface Layout {
  /** What follows every segment terminator (`''`, `'\n'` or `'\r\n'`), read after the ISA. */
  lineBreak: string;
  /** What follows the last segment terminator. */
  trailer: string;
  /** False when some segment was followed by a different line break than the ISA was. */
  uniform: boolean;
}

const SEGMENT_ID = /^[A-Z0-9]{2,3}$/;
const LINE_BREAK = /^[\r\n]*/;

/**
 * A streaming tokenizer: feed it text in chunks of any size and it hands back each complete segment. It holds
 * only the unfinished segment, so memory stays bounded by the longest segment, not by the file. Delimiters come
 * from the ISA; any segment terminator works, with or without line breaks after it.
 */
export class SegmentTokenizer {
  #buffer = '';
  #consumed = 0;
  #position = 0;
  #delimiters: Delimiters | null = null;
  #layout: Layout = { lineBreak: '', trailer: '', uniform: true };

  get delimiters(): Delimiters | null {
    return this.#delimiters;
  }

  get layout(): Layout {
    return this.#layout;
  }

  /** Adds a chunk and returns every segment it completes. Throws X12SyntaxError at the first unreadable one. */
  push(chunk: string): Segment[] {
    this.#buffer += chunk;
    const out: Segment[] = [];
    if (this.#delimiters === null) {
      const start = this.#buffer.search(/\S/);
      if (start === -1 || this.#buffer.length - start < ISA_LENGTH) return out;
      this.#delimiters = readDelimiters(
        this.#buffer.slice(start, start + ISA_LENGTH),
        this.#consumed + start,
      );
    }
    const terminator = this.#delimiters.segment;
    let from = 0;
    for (;;) {
      const end = this.#buffer.indexOf(terminator, from);
      if (end === -1) break;
      const raw = this.#buffer.slice(from, end);
      out.push(this.#segment(raw, this.#consumed + from));
      from = end + 1;
    }
    this.#consumed += from;
    this.#buffer = this.#buffer.slice(from);
    return out;
  }

  /** Ends the input: what is left must be line breaks only. */
  end(): void {
    if (this.#delimiters === null) {
      if (this.#buffer.trim() === '') return;
      readDelimiters(this.#buffer.trim(), this.#consumed);
    }
    if (/^[\r\n]*$/.test(this.#buffer)) {
      this.#layout.trailer = this.#buffer;
      return;
    }
    throw new X12SyntaxError(
      diagnostic({
        code: 'syntax.unterminated',
        message: `The last segment has no segment terminator ("${this.#delimiters?.segment ?? '~'}").`,
        offset: this.#consumed,
        segmentPosition: this.#position + 1,
        ackCode: '001',
      }),
    );
  }

  #segment(raw: string, offset: number): Segment {
    const delimiters = this.#delimiters;
    if (delimiters === null) throw new Error('delimiters are read before any segment');
    const first = raw.charCodeAt(0);
    // Line breaks between segments (CR 13, LF 10) are layout, not data.
    const lead = first === 10 || first === 13 ? (LINE_BREAK.exec(raw)?.[0] ?? '') : '';
    if (this.#position === 1) this.#layout.lineBreak = lead;
    else if (this.#position > 1 && lead !== this.#layout.lineBreak) this.#layout.uniform = false;
    const text = lead === '' ? raw : raw.slice(lead.length);
    const elements = text.split(delimiters.element);
    const id = elements.shift() ?? '';
    this.#position += 1;
    if (!SEGMENT_ID.test(id))
      throw new X12SyntaxError(
        diagnostic({
          code: 'syntax.segment-id',
          message: `Segment ${this.#position} has no valid segment id (two or three capital letters or digits).`,
          offset: offset + lead.length,
          segmentPosition: this.#position,
          ackCode: '1',
        }),
      );
    return { id, elements, position: this.#position, offset: offset + lead.length };
  }
}

/** The components of a composite element (`HC:99213` → `['HC', '99213']`). */
export function componentsOf(value: string, delimiters: Delimiters): string[] {
  return value === '' ? [] : value.split(delimiters.component);
}

/** The repeats of a repeating element (`30^1^98`); the whole value when the version has no repetition. */
export function repeatsOf(value: string, delimiters: Delimiters): string[] {
  if (value === '') return [];
  return delimiters.repetition === null ? [value] : value.split(delimiters.repetition);
}

/** An element by its 1-based position (`NM1`'s NM103 is `elementOf(segment, 3)`), `''` when absent. */
export function elementOf(segment: Segment, position: number): string {
  return segment.elements[position - 1] ?? '';
}
