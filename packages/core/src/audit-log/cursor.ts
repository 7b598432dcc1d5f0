import { decodeInstantKey, encodeInstantKey, type InstantKey } from '../inputs/opaque-cursor.ts';

/** Where an audit page ends: the last entry's instant and id (the trail is read newest first). */
export type AuditCursor = InstantKey;

/** The opaque `nextCursor` after this entry. */
export const encodeAuditCursor: (entry: AuditCursor) => string = encodeInstantKey;

/** Reads a cursor back, strictly: null for anything the server could not have written. */
export const decodeAuditCursor: (cursor: string) => AuditCursor | null = decodeInstantKey;
