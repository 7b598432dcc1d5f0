import type { RenewalReminderDays } from '@portico/core';
import type { OutgoingEmail } from '../email/outbox.ts';

/** Who a mail about access goes to, and the office it is about. */
interface Recipient {
  userId: string;
  email: string;
  displayName: string;
  officeName: string;
}

const signature = '\n\nThis notice was sent by your payer portal. It holds no patient information.';

/** The mail telling a user their access request was approved. */
export function approvedEmail(to: Recipient, now: Date): OutgoingEmail {
  return {
    dedupeKey: `access.approved:${to.userId}:${now.toISOString()}`,
    to: to.email,
    subject: `Your access to ${to.officeName} is approved`,
    body: `Hello ${to.displayName},\n\nA user administrator of ${to.officeName} approved your access. Sign in to your payer portal to start.${signature}`,
  };
}

/** The mail telling a user their access request was denied, with the administrator's reason. */
export function deniedEmail(to: Recipient, reason: string, now: Date): OutgoingEmail {
  return {
    dedupeKey: `access.denied:${to.userId}:${now.toISOString()}`,
    to: to.email,
    subject: `Your access request for ${to.officeName} was declined`,
    body: `Hello ${to.displayName},\n\nA user administrator of ${to.officeName} declined your request for access, saying:\n\n  ${reason}\n\nAsk them if you think this is a mistake.${signature}`,
  };
}

/** The reminder that access must be renewed, `daysBefore` days before it is suspended. */
export function renewalReminderEmail(
  to: Recipient,
  daysBefore: RenewalReminderDays,
  dueAt: Date,
): OutgoingEmail {
  return {
    dedupeKey: `access.renewal-reminder:${to.userId}:${dueAt.toISOString()}:${daysBefore}`,
    to: to.email,
    subject: `Your access to ${to.officeName} must be renewed within ${daysBefore} days`,
    body: `Hello ${to.displayName},\n\nAccess to ${to.officeName} is renewed every 180 days. Yours is due on ${dueAt.toISOString().slice(0, 10)}; after that it is suspended until a user administrator renews it. Ask your office's user administrator to renew it.${signature}`,
  };
}

/** The notice that access ended: suspended for overdue renewal, or terminated after 30 days without use. */
export function accessEndedEmail(to: Recipient, step: 'suspend' | 'terminate', now: Date): OutgoingEmail {
  const suspended = step === 'suspend';
  return {
    dedupeKey: `access.${step}:${to.userId}:${now.toISOString()}`,
    to: to.email,
    subject: suspended
      ? `Your access to ${to.officeName} is suspended until it is renewed`
      : `Your access to ${to.officeName} has ended`,
    body: suspended
      ? `Hello ${to.displayName},\n\nYour access to ${to.officeName} was not renewed within 180 days and is suspended. A user administrator can renew it in one click.${signature}`
      : `Hello ${to.displayName},\n\nYour access to ${to.officeName} ended after 30 days without use. Ask your office's user administrator if you need it again.${signature}`,
  };
}
