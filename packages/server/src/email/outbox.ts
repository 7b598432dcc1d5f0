import type { OrgScope } from '../tenancy/org-scope.ts';

/** One mail to one person. Never member data: a notice, with what the person must do. */
export interface OutgoingEmail {
  /** One mail per cause (`access.approved:<user>:<instant>`): queueing the same cause again queues nothing. */
  dedupeKey: string;
  to: string;
  subject: string;
  body: string;
}

/**
 * Queues mail in the transaction of the change it announces (the transactional outbox): it leaves only if the
 * change commits, and leaves once the delivery job (`email/delivery.ts`) has handed it to the mail server.
 */
export async function queueEmail(scope: OrgScope, email: OutgoingEmail, now: Date): Promise<void> {
  await scope
    .insertInto('email_outbox', {
      dedupe_key: email.dedupeKey,
      to_address: email.to,
      subject: email.subject,
      body: email.body,
      created_at: now,
      next_attempt_at: now,
    })
    .onConflict((conflict) => conflict.columns(['organization_id', 'dedupe_key']).doNothing())
    .execute();
}
