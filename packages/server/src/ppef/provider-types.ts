/**
 * The provider types of one enrollment file: each PROVIDER_TYPE_CD with the PROVIDER_TYPE_DESC the file first gives
 * it. CMS writes the same description beside every row of a type, so a file of 3 million rows repeats a few hundred
 * texts averaging some 40 bytes: over a third of the file. The import stores each type's description once
 * (`ppef_provider_types`) and leaves it out of the rows that repeat it (NULL, read as "the type's"); a row that gives
 * its type another description keeps its own, so nothing in the file is lost.
 *
 * Rows are matched on their bytes, without making strings, because every row of the file comes through here.
 * At most `limit` types are held, so a hostile file of a million made-up codes costs bounded memory: the rows of
 * types past the limit keep their descriptions.
 */

/** More than CMS has ever used (a few hundred); the limit only bounds a hostile file. */
export const PROVIDER_TYPE_LIMIT = 10_000;

interface ProviderType {
  code: Uint8Array;
  description: Uint8Array;
}

function equalBytes(known: Uint8Array, line: Uint8Array, from: number, to: number): boolean {
  if (known.length !== to - from) return false;
  for (let i = 0; i < known.length; i += 1) if (known[i] !== line[from + i]) return false;
  return true;
}

export class ProviderTypes {
  /** The types by a hash of their code's bytes; a bucket holds more than one only on a hash collision. */
  private readonly byHash = new Map<number, ProviderType[]>();
  private count = 0;

  constructor(private readonly limit = PROVIDER_TYPE_LIMIT) {}

  /**
   * True when the description in `line[descriptionFrom..descriptionTo)` is the one its type (the code in
   * `line[codeFrom..codeTo)`) has: the row may leave it out. The first description seen for a code becomes the
   * type's.
   */
  describesType(
    line: Uint8Array,
    codeFrom: number,
    codeTo: number,
    descriptionFrom: number,
    descriptionTo: number,
  ): boolean {
    let hash = 0;
    for (let i = codeFrom; i < codeTo; i += 1) hash = (Math.imul(hash, 31) + (line[i] ?? 0)) | 0;
    let bucket = this.byHash.get(hash);
    if (bucket) {
      for (const type of bucket)
        if (equalBytes(type.code, line, codeFrom, codeTo))
          return equalBytes(type.description, line, descriptionFrom, descriptionTo);
    }
    if (this.count >= this.limit) return false;
    this.count += 1;
    // Copies, not views: the screen rewrites the chunk a line came in.
    const type = {
      code: Uint8Array.from(line.subarray(codeFrom, codeTo)),
      description: Uint8Array.from(line.subarray(descriptionFrom, descriptionTo)),
    };
    if (bucket) bucket.push(type);
    else this.byHash.set(hash, (bucket = [type]));
    return true;
  }

  /** The same, for a row already parsed into strings (a row the screen rewrites). */
  describesTypeText(code: string, description: string): boolean {
    const codeBytes = Buffer.from(code);
    const line = Buffer.concat([codeBytes, Buffer.from(description)]);
    return this.describesType(line, 0, codeBytes.length, codeBytes.length, line.length);
  }

  /** Every type held, as text, for the `ppef_provider_types` table. */
  list(): { code: string; description: string }[] {
    const decoder = new TextDecoder();
    return [...this.byHash.values()]
      .flat()
      .map((type) => ({ code: decoder.decode(type.code), description: decoder.decode(type.description) }));
  }
}
