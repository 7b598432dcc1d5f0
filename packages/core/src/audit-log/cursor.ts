import { decodeOpaque, encodeOpaque, INSTANT_PATTERN, UUID_PATTERN } from '../inputs/opaque-cursor.ts';

/** Where an audit page ends: the last entry's instant and id (the trail is read newest first). */
export interface AuditCursor {
  at: string;
  id: string;
}

/** The opaque `nextCursor` after this entry. */
export function encodeAuditCursor(entry: AuditCursor): string {
  return encodeOpaque([entry.at, entry.id]);
}

/** Reads a cursor back, strictly: null for anything the server could not have written. */
export function decodeAuditCursor(cursor: string): AuditCursor | null {
  const parsed = decodeOpaque(cursor);
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || !INSTANT_PATTERN.test(at) || Number.isNaN(Date.parse(at))) return null;
  if (typeof id !== 'string' || !UUID_PATTERN.test(id)) return null;
  return { at, id };
}
