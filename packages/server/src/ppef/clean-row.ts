/**
 * The enrollment file's row rules (`parsePpefRecord` in format.ts) as a check on the raw bytes of one line, so the
 * import can hand the line to PostgreSQL's CSV parser untouched. It answers only "certainly clean": printable ASCII,
 * 11 fields (quoted only when no quote is inside), every rule met and no value that trimming would change. Every other line goes to
 * `parsePpefRecord` itself, which has the last word (and the reasons), so the two never disagree on a loaded row.
 * A test runs both on the same values.
 */

const COMMA = 0x2c;
const QUOTE = 0x22;
const SPACE = 0x20;
const LAST_PRINTABLE = 0x7e;
const FLAG_Y = 0x59;
const FLAG_N = 0x4e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const FIELDS = 11;
/** The NPI's Luhn prefix 80840 contributes 24 to the sum (core `npiCheckDigit`). */
const NPI_PREFIX_SUM = 24;

const isDigit = (byte: number | undefined) => byte !== undefined && byte >= DIGIT_0 && byte <= DIGIT_9;
const isUpper = (byte: number | undefined) => byte !== undefined && byte >= UPPER_A && byte <= UPPER_Z;

function allDigits(line: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (!isDigit(line[i])) return false;
  return true;
}

/** 10 digits, starting with 1 or 2, whose Luhn check over 80840 and the first nine digits holds. */
function isCleanNpi(line: Uint8Array, from: number, to: number): boolean {
  if (to - from !== 10 || !allDigits(line, from, to)) return false;
  const first = line[from];
  if (first !== DIGIT_0 + 1 && first !== DIGIT_0 + 2) return false;
  let sum = NPI_PREFIX_SUM;
  for (let i = 0; i < 10; i += 1) {
    const digit = (line[from + i] ?? 0) - DIGIT_0;
    // Counting from the check digit, every second digit is doubled; a doubled digit d adds 2d − 9·(d ≥ 5).
    sum += i % 2 === 0 && i < 9 ? 2 * digit - (digit >= 5 ? 9 : 0) : digit;
  }
  return sum % 10 === 0;
}

/** A value `trim` would not change: no space at either end (other whitespace never gets this far). */
const isTidy = (line: Uint8Array, from: number, to: number) =>
  to === from || (line[from] !== SPACE && line[to - 1] !== SPACE);

// Where each field of the line being checked starts and ends; the check is synchronous, so one pair serves all.
const fieldStarts = new Int32Array(FIELDS);
const fieldEnds = new Int32Array(FIELDS);
/** Where each field ends in the line as written: its closing quote's next byte when quoted, so at its comma. */
const fieldStops = new Int32Array(FIELDS);
const startOf = (field: number) => fieldStarts[field] ?? 0;
const endOf = (field: number) => fieldEnds[field] ?? 0;
const lengthOf = (field: number) => endOf(field) - startOf(field);

/** The rules of `parsePpefRecord`, on fields already split and free of quotes, control and non-ASCII bytes. */
function rulesHold(line: Uint8Array): boolean {
  if (!isCleanNpi(line, startOf(0), endOf(0))) return false;
  const flag = line[startOf(1)];
  if (lengthOf(1) !== 1 || (flag !== FLAG_Y && flag !== FLAG_N)) return false;
  if (lengthOf(2) !== 10 || !allDigits(line, startOf(2), endOf(2))) return false;
  if (lengthOf(3) !== 15 || !isUpper(line[startOf(3)]) || !allDigits(line, startOf(3) + 1, endOf(3)))
    return false;
  if (lengthOf(4) < 1 || lengthOf(4) > 10) return false;
  // An empty description would reach COPY as NULL; parsePpefRecord keeps it as an empty string.
  if (lengthOf(5) < 1) return false;
  if (lengthOf(6) !== 2 || !isUpper(line[startOf(6)]) || !isUpper(line[startOf(6) + 1])) return false;
  for (let field = 4; field < FIELDS; field += 1)
    if (!isTidy(line, startOf(field), endOf(field))) return false;
  return true;
}

/** Where the field starting at `from` ends (at a comma or `to`), or -1 when it has a quote or a byte not allowed. */
function plainFieldEnd(line: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i += 1) {
    const byte = line[i] ?? 0;
    if (byte === COMMA) return i;
    if (byte < SPACE || byte > LAST_PRINTABLE || byte === QUOTE) return -1;
  }
  return to;
}

/**
 * True when bytes `from`..`to` of `line` (without its line end) are a PPEF record that `parsePpefRecord` takes
 * unchanged and that PostgreSQL's CSV COPY reads to the same values: printable ASCII; a field may be quoted (an
 * organization name with a comma) if it holds no quote itself and is not empty (COPY would keep `""` as an empty
 * string where the rules read NULL). An empty unquoted name is NULL either way.
 */
export function isCleanPpefLine(line: Uint8Array, from: number, to: number): boolean {
  let at = from;
  for (let field = 0; field < FIELDS; field += 1) {
    let end: number;
    if (line[at] === QUOTE && at < to) {
      const close = line.indexOf(QUOTE, at + 1);
      // The closing quote must end the field, and the field must hold something printable in between.
      if (close === -1 || close >= to || close === at + 1 || (close + 1 < to && line[close + 1] !== COMMA))
        return false;
      for (let i = at + 1; i < close; i += 1) {
        const byte = line[i] ?? 0;
        if (byte < SPACE || byte > LAST_PRINTABLE) return false;
      }
      fieldStarts[field] = at + 1;
      fieldEnds[field] = close;
      end = close + 1;
    } else {
      end = plainFieldEnd(line, at, to);
      if (end === -1) return false;
      fieldStarts[field] = at;
      fieldEnds[field] = end;
    }
    fieldStops[field] = end;
    // The last field must end the line; any other must end at a comma.
    if (field === FIELDS - 1) return end === to && rulesHold(line);
    if (end >= to) return false;
    at = end + 1;
  }
  return false;
}

/** Where field `field` of the line `isCleanPpefLine` last passed starts and ends (quotes excluded). */
export const cleanFieldStart = (field: number) => startOf(field);
export const cleanFieldEnd = (field: number) => endOf(field);
/** Where field `field` of the line `isCleanPpefLine` last passed ends as written: at the comma after it. */
export const cleanFieldStop = (field: number) => fieldStops[field] ?? 0;
