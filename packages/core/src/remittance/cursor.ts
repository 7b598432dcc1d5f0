import { decodeOpaque, encodeOpaque, UUID_PATTERN } from '../inputs/opaque-cursor.ts';
import { plainDateSchema } from '../storefront/schemas.ts';

/** Where a page of remittances ends: the last one's payment date and id (newest payment first). */
export interface RemittanceCursor {
  paymentDate: string;
  id: string;
}

/** The opaque `nextCursor` after this remittance. */
export const encodeRemittanceCursor = (key: RemittanceCursor): string =>
  encodeOpaque([key.paymentDate, key.id]);

/** Reads a cursor back, strictly: null for anything the server could not have written. */
export function decodeRemittanceCursor(cursor: string): RemittanceCursor | null {
  const parsed = decodeOpaque(cursor);
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [paymentDate, id] = parsed as unknown[];
  if (!plainDateSchema.safeParse(paymentDate).success || typeof paymentDate !== 'string') return null;
  if (typeof id !== 'string' || !UUID_PATTERN.test(id)) return null;
  return { paymentDate, id };
}
