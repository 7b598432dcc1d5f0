/**
 * Keyset cursors are opaque to callers and strictly parsed by the server: base64url of a small JSON value. Each
 * domain's cursor module checks every value it reads back and refuses the cursor whole on the first surprise.
 */

/** An instant as the server writes it (`toISOString`), in the years a date input accepts. */
export const INSTANT_PATTERN = /^(?:19|2[01])\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d(?:\.\d{1,6})?Z$/;

/** A UUID as PostgreSQL writes it (lower case). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The opaque text of a JSON value. */
export function encodeOpaque(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The JSON value an opaque text holds, or null when it is not base64url of UTF-8 JSON. */
export function decodeOpaque(text: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    const json = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    );
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

/** Where a newest-first page ends: the last row's instant and id. */
export interface InstantKey {
  at: string;
  id: string;
}

/** The opaque cursor after a row of a newest-first keyset page. */
export function encodeInstantKey(key: InstantKey): string {
  return encodeOpaque([key.at, key.id]);
}

/** Reads an instant-and-id cursor back, strictly: null for anything the server could not have written. */
export function decodeInstantKey(cursor: string): InstantKey | null {
  const parsed = decodeOpaque(cursor);
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || !INSTANT_PATTERN.test(at) || Number.isNaN(Date.parse(at))) return null;
  if (typeof id !== 'string' || !UUID_PATTERN.test(id)) return null;
  return { at, id };
}
