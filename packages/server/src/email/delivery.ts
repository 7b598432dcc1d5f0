import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Clock } from '../services/clock.ts';
import type { Mailer } from './mailer.ts';

/** Attempts before a mail is given up (kept in the outbox with its last error, for an operator). */
export const MAX_EMAIL_ATTEMPTS = 8;
/** How long a claimed mail is held by the instance sending it; after that another instance may try. */
const CLAIM_MS = 5 * 60_000;

/** Back-off after the n-th failed attempt: 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

/** The error class or SMTP reply code of a failure: never the message text, which can carry the address. */
function errorCodeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const responseCode = Reflect.get(error, 'responseCode');
    if (typeof responseCode === 'number') return `SMTP ${responseCode}`;
    const code = Reflect.get(error, 'code');
    if (typeof code === 'string') return code.slice(0, 40);
  }
  return 'ERROR';
}

/**
 * Sends what the outbox holds that is due, oldest first, up to `limit` mails. Each is claimed in its own short
 * transaction (`FOR UPDATE SKIP LOCKED`, then its next attempt pushed past the claim), sent, and marked sent; so
 * instances running this at once never take the same mail, and a crash between sending and marking sends it
 * again after the claim lapses with the same Message-ID (at least once, never lost).
 */
export async function deliverDueEmail(
  db: Kysely<Database>,
  mailer: Mailer,
  options: { clock: Clock; from: string; limit?: number },
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < (options.limit ?? 100); i++) {
    const now = options.clock.now();
    const claimed = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('email_outbox')
        .select(['organization_id', 'id', 'to_address', 'subject', 'body', 'attempts'])
        .where('sent_at', 'is', null)
        .where('next_attempt_at', '<=', now)
        .where('attempts', '<', MAX_EMAIL_ATTEMPTS)
        .orderBy('next_attempt_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return null;
      await trx
        .updateTable('email_outbox')
        .set({ attempts: sql`attempts + 1`, next_attempt_at: new Date(now.getTime() + CLAIM_MS) })
        .where('organization_id', '=', row.organization_id)
        .where('id', '=', row.id)
        .execute();
      return row;
    });
    if (!claimed) break;
    const key = (trx: Kysely<Database>) =>
      trx
        .updateTable('email_outbox')
        .where('organization_id', '=', claimed.organization_id)
        .where('id', '=', claimed.id);
    try {
      await mailer.send({
        id: claimed.id,
        from: options.from,
        to: claimed.to_address,
        subject: claimed.subject,
        text: claimed.body,
      });
      await key(db).set({ sent_at: options.clock.now(), last_error: null }).execute();
      sent++;
    } catch (error) {
      const attempts = claimed.attempts + 1;
      await key(db)
        .set({
          last_error: errorCodeOf(error),
          next_attempt_at: new Date(options.clock.now().getTime() + retryDelayMs(attempts)),
        })
        .execute();
      failed++;
    }
  }
  return { sent, failed };
}
