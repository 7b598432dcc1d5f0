import { effectivePermissions, type Permission, type Role } from '../organizations/permissions.ts';
import type { AccessStatus } from './schemas.ts';

// docs/domain.md "User administration": access is renewed every 180 days; 30 days or more without activity ends it.
/** Days an approval or renewal lasts before the access is suspended. */
export const ACCESS_RENEWAL_DAYS = 180;
/** Days without any activity after which an account is terminated. */
export const INACTIVITY_LIMIT_DAYS = 30;
/** Days before the renewal is due on which the user and their administrators are reminded, latest last. */
export const RENEWAL_REMINDER_DAYS = [14, 3] as const;
export type RenewalReminderDays = (typeof RENEWAL_REMINDER_DAYS)[number];

const DAY_MS = 86_400_000;

/** When access approved or renewed at `renewedAt` must be renewed again (180 days of 24 hours later). */
export function renewalDueAt(renewedAt: Date): Date {
  return new Date(renewedAt.getTime() + ACCESS_RENEWAL_DAYS * DAY_MS);
}

/** What the lifecycle job reads of one membership. */
export interface LifecycleFacts {
  status: AccessStatus;
  /** The approval or the last renewal. */
  renewedAt: Date;
  /** The last activity; when the user never signed in, the approval counts as their last activity. */
  lastActiveAt: Date;
  /** The reminder already sent for the current renewal period (14, then 3), or null. */
  remindedDaysBefore: number | null;
}

/** What the lifecycle job does to one membership now. */
export type LifecycleStep =
  { kind: 'terminate' } | { kind: 'suspend' } | { kind: 'remind'; daysBefore: RenewalReminderDays };

/**
 * The one step the lifecycle job takes for a membership at `now`, or null. Inactivity ends an active or a
 * suspended account (termination wins over everything); an active one is suspended once its renewal is due, and
 * reminded before that at 14 and 3 days. A missed reminder is not sent late: only the latest one that is due.
 */
export function lifecycleStep(facts: LifecycleFacts, now: Date): LifecycleStep | null {
  if (facts.status !== 'ACTIVE' && facts.status !== 'SUSPENDED') return null;
  if (now.getTime() - facts.lastActiveAt.getTime() >= INACTIVITY_LIMIT_DAYS * DAY_MS)
    return { kind: 'terminate' };
  if (facts.status === 'SUSPENDED') return null;
  const due = renewalDueAt(facts.renewedAt).getTime();
  if (now.getTime() >= due) return { kind: 'suspend' };
  const dueReminders = RENEWAL_REMINDER_DAYS.filter((days) => now.getTime() >= due - days * DAY_MS);
  const latest = dueReminders.at(-1);
  if (latest === undefined) return null;
  if (facts.remindedDaysBefore !== null && facts.remindedDaysBefore <= latest) return null;
  return { kind: 'remind', daysBefore: latest };
}

/**
 * The instants that make a membership worth the lifecycle job's look: renewed at or before `renewedBefore`
 * (the first reminder is due) or last active at or before `inactiveBefore`. Everything newer needs nothing yet.
 */
export function lifecycleCandidates(now: Date): { renewedBefore: Date; inactiveBefore: Date } {
  const firstReminder = Math.max(...RENEWAL_REMINDER_DAYS);
  return {
    renewedBefore: new Date(now.getTime() - (ACCESS_RENEWAL_DAYS - firstReminder) * DAY_MS),
    inactiveBefore: new Date(now.getTime() - INACTIVITY_LIMIT_DAYS * DAY_MS),
  };
}

/** The permission that makes a member one of a site's user administrators. */
export const ADMINISTRATOR_PERMISSION: Permission = 'users.manage';

/** What the last-administrator rule reads of a member. */
export interface AdministeredMember {
  userId: string;
  status: AccessStatus;
  roles: readonly Role[];
  grantedPermissions: readonly Permission[];
  deniedPermissions: readonly Permission[];
  siteIds: readonly string[];
}

function administersSites(member: AdministeredMember): readonly string[] {
  if (member.status !== 'ACTIVE') return [];
  const permissions = effectivePermissions(member.roles, member.grantedPermissions, member.deniedPermissions);
  return permissions.includes(ADMINISTRATOR_PERMISSION) ? member.siteIds : [];
}

/**
 * The sites that have a user administrator now and would have none if `after` replaced the member with the same
 * id (a removal is that member with status TERMINATED). docs/domain.md: every site needs at least one; a change
 * that leaves a site without is refused. A site that already has none is not made worse by anything.
 */
export function sitesLosingLastAdministrator(
  members: readonly AdministeredMember[],
  after: AdministeredMember,
): string[] {
  const before = new Set(members.flatMap(administersSites));
  const remaining = new Set(
    members.map((member) => (member.userId === after.userId ? after : member)).flatMap(administersSites),
  );
  return [...before].filter((site) => !remaining.has(site)).sort();
}

/**
 * True when a member sees and administers every user of the office, not only the users of their own sites:
 * the security officer manages the whole office's users (docs/domain.md "Who uses it").
 */
export function administersWholeOffice(roles: readonly Role[]): boolean {
  return roles.includes('SECURITY_OFFICER');
}

/** True for a member a site's administrator looks after: one who shares a site, or who has none yet (pending). */
export function isMemberOfSites(memberSiteIds: readonly string[], siteIds: readonly string[]): boolean {
  return memberSiteIds.length === 0 || memberSiteIds.some((site) => siteIds.includes(site));
}
