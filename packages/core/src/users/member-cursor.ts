import { decodeOpaque, encodeOpaque, UUID_PATTERN } from '../inputs/opaque-cursor.ts';
import { ONE_LINE_TEXT } from '../inputs/rules.ts';

/** Where a page of users ends: the last user's name and id (users are listed by name). */
export interface MemberCursor {
  displayName: string;
  userId: string;
}

/** The opaque `nextCursor` after this user. */
export function encodeMemberCursor(member: MemberCursor): string {
  return encodeOpaque([member.displayName, member.userId]);
}

/** Reads a cursor back, strictly: null for anything the server could not have written. */
export function decodeMemberCursor(cursor: string): MemberCursor | null {
  const parsed = decodeOpaque(cursor);
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [displayName, userId] = parsed as unknown[];
  if (typeof displayName !== 'string' || displayName.length > 400 || !ONE_LINE_TEXT.test(displayName))
    return null;
  if (typeof userId !== 'string' || !UUID_PATTERN.test(userId)) return null;
  return { displayName, userId };
}
