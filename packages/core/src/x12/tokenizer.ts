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

/** Two or three capital letters or digits, checked by character code (no regular expression per segment). */
function isSegmentId(id: string): boolean {
  if (id.length < 2 || id.length > 3) return false;
  for (let i = 0; i < id.length; i += 1) {
    const code = id.charCodeAt(i);
    if (!((code >= 65 && code <= 90) || (code >= 48 && code <= 57))) return false;
  }
  return true;
}

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
    // One native split of the buffer by the terminator: every part but the last is a whole segment.
    const parts = this.#buffer.split(this.#delimiters.segment);
    const rest = parts.pop() ?? '';
    let offset = this.#consumed;
    for (const raw of parts) {
      out.push(this.#segment(raw, offset));
      offset += raw.length + 1;
    }
    this.#consumed = offset;
    this.#buffer = rest;
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
    // Line breaks between segments (CR 13, LF 10) are layout, not data.
    let breaks = 0;
    while (breaks < raw.length && (raw.charCodeAt(breaks) === 10 || raw.charCodeAt(breaks) === 13))
      breaks += 1;
    const lead = breaks === 0 ? '' : raw.slice(0, breaks);
    if (this.#position === 1) this.#layout.lineBreak = lead;
    else if (this.#position > 1 && lead !== this.#layout.lineBreak) this.#layout.uniform = false;
    const cut = raw.indexOf(delimiters.element, breaks);
    const id = cut === -1 ? raw.slice(breaks) : raw.slice(breaks, cut);
    const elements = cut === -1 ? [] : raw.slice(cut + 1).split(delimiters.element);
    this.#position += 1;
    if (!isSegmentId(id))
      throw new X12SyntaxError(
        diagnostic({
          code: 'syntax.segment-id',
          message: `Segment ${this.#position} has no valid segment id (two or three capital letters or digits).`,
          offset: offset + breaks,
          segmentPosition: this.#position,
          ackCode: '1',
        }),
      );
    return { id, elements, position: this.#position, offset: offset + breaks };
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
