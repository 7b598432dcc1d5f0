import type { AccessReason, AccessStatus, OfficeRole, Permission } from '@portico/core';

/** The office roles in the words the office uses. */
export const ROLE_LABELS: Record<OfficeRole, string> = {
  SECURITY_OFFICER: 'Security officer',
  USER_ADMINISTRATOR: 'User administrator',
  BILLING_MANAGER: 'Billing manager',
  PROVIDER_ADMIN: 'Provider admin',
  PROVIDER_USER: 'Provider user',
  OFFICE_USER: 'Office user',
};

/** The office roles, in the order the widget offers them. */
export const OFFICE_ROLES = Object.keys(ROLE_LABELS).filter(isOfficeRole);

/** True for the name of an office role (the server may send any role; only these have words and checkboxes). */
export function isOfficeRole(value: string): value is OfficeRole {
  return Object.hasOwn(ROLE_LABELS, value);
}

/** Every office permission, in the order the matrix lists them, with what it lets a person do. */
export const PERMISSION_LABELS: readonly (readonly [Permission, string])[] = [
  ['storefront.view', 'See subscriptions and billing'],
  ['storefront.manage', 'Sign up, upgrade and change billing'],
  ['providers.view', 'See the provider list'],
  ['practice_setup.manage', 'Practice set-up: medical groups, providers and numbers'],
  ['member_data.view', 'See member eligibility, claims and remittances'],
  ['enrollment.manage', 'Start and manage enrollment applications'],
  ['enrollment.work', 'Work on enrollment applications'],
  ['messages.use', 'Use the message box'],
  ['users.view', "See the office's users"],
  ['users.manage', 'Manage users, their roles and permissions'],
  ['access_requests.approve', 'Approve or deny access requests'],
];

/** A status in plain words, with why it is so. */
export function statusText(status: AccessStatus, reason: AccessReason): string {
  switch (status) {
    case 'PENDING':
      return 'Waiting for approval';
    case 'ACTIVE':
      return reason === 'RENEWED' ? 'Active (renewed)' : 'Active';
    case 'SUSPENDED':
      return 'Suspended: renewal overdue';
    case 'TERMINATED':
      return reason === 'DENIED'
        ? 'Access denied'
        : reason === 'INACTIVE'
          ? 'Ended: 30 days without use'
          : 'Removed';
  }
}

/** A role name for any role the server may send (office roles have words; anything else is shown as sent). */
export function roleText(role: string): string {
  return isOfficeRole(role) ? ROLE_LABELS[role] : role;
}

/** An instant as a calendar day in the reader's locale, or a dash. */
export function dayText(instant: string | null): string {
  return instant === null
    ? '—'
    : new Date(instant).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
