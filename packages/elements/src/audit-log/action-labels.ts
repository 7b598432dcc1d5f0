/** Audited acts in the words a security officer reads; an act without words here is spelled out from its name. */
const ACTION_LABELS: Record<string, string> = {
  'membership.provision': 'Requested access (first sign-in)',
  'access.approve': 'Approved an access request',
  'access.deny': 'Denied an access request',
  'access.renew': 'Renewed access',
  'access.attest': 'Renewed their own access',
  'access.remove': 'Removed a user',
  'access.renewal.remind': 'Reminded to renew access',
  'access.suspend': 'Suspended: renewal overdue',
  'access.terminate': 'Ended: 30 days without use',
  'membership.roles.update': 'Changed roles',
  'membership.permissions.update': 'Changed permissions',
  'audit.view': 'Viewed the audit trail',
  'audit.download': 'Downloaded the audit trail',
  'provider.read': 'Viewed a provider',
  'provider.list': 'Viewed the provider list',
  'provider.add': 'Added a provider',
  'provider.create': 'Added a provider',
  'provider.update': 'Changed a provider',
  'provider.delete': 'Removed a provider',
  'provider.roster.download': 'Downloaded the provider roster',
  'provider.roster.import': 'Uploaded a provider roster',
  'subscription.create': 'Subscribed',
  'subscription.upgrade': 'Upgraded a subscription',
  'subscription.cancel': 'Cancelled a subscription',
  'subscription.cancellation.stop': 'Stopped a cancellation',
  'subscription.activate': 'Medicare services became ready',
  'payment_method.create': 'Added a card',
  'payment_method.remove': 'Removed a card',
  'payment_method.role': 'Changed which card is primary',
  'payment.autopay': 'Charged an invoice automatically',
  'invoice.issue': 'Issued an invoice',
  'portal_account.password.change': 'Changed a payer portal password',
  'portal_account.user_name.change': 'Changed a payer portal user name',
  'portal_account.set_up': 'Set up a payer portal account',
  'access_task.respond': 'Answered an access task',
  'access_task.download': 'Downloaded the access tasks',
  'eligibility.check': "Checked a member's eligibility",
  'eligibility.history': "Viewed the day's eligibility checks",
  'eligibility.view': 'Viewed an eligibility check',
  'claims.status': "Checked a claim's status",
  'claims.history': "Viewed the day's claim status inquiries",
  'claims.view': 'Viewed a claim status inquiry',
  'remittance.list': 'Viewed the remittances',
  'remittance.view': 'Viewed a remittance',
  'remittance.eop': 'Downloaded an explanation of payment',
  'remittance.enroll': 'Submitted an EFT/ERA enrollment',
  'remittance.post': 'The payer posted remittances',
  'remittance.enrollment_activate': 'The payer activated an EFT/ERA enrollment',
  'remittance.enrollment_reject': 'The payer rejected an EFT/ERA enrollment',
};

/** What an audited act was, in words. */
export function actionText(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The filter choices: the acts a security officer looks for most, by name or by prefix. */
export const ACTION_FILTERS: readonly (readonly [string, string])[] = [
  ['', 'Any action'],
  ['access.', 'Access changes (approve, deny, renew, remove, suspend, end)'],
  ['membership.', 'Roles, permissions and access requests'],
  ['audit.', 'Views of the audit trail'],
  ['provider.', 'Provider data'],
  ['subscription.', 'Subscriptions'],
  ['payment_method.', 'Cards on file'],
  ['eligibility.', 'Member eligibility checks'],
  ['claims.', 'Claim status inquiries'],
  ['remittance.', 'Remittances, EOPs and EFT enrollment'],
];
