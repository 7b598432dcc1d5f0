import {
  administersWholeOffice,
  decodeMemberCursor,
  encodeMemberCursor,
  isMemberOfSites,
  isOfficePermission,
  PorticoError,
  sitesLosingLastAdministrator,
  type AccessStatus,
  type Member,
  type usersContract,
} from '@portico/core';
import type { Handlers, ProcedureContext } from '../trpc/handlers.ts';
import { queueEmail } from '../email/outbox.ts';
import { approvedEmail, deniedEmail } from './emails.ts';
import {
  changeMembership,
  listMembers,
  officeSiteIds,
  replaceMemberSites,
  type MembershipChange,
} from './store.ts';

type Context = ProcedureContext;

/** True when the caller looks after this member: the whole office, or a shared site, or a pending request. */
function administers(ctx: Context, member: Member): boolean {
  return (
    administersWholeOffice(ctx.principal.roles) || isMemberOfSites(member.siteIds, ctx.principal.siteIds)
  );
}

/**
 * The office's members, read under the office's membership lock so that two administrators changing members at
 * once, on any instance, see each other's change (docs/domain.md: every site keeps a user administrator), and
 * with the target's row locked so that the lifecycle job passes it by until this change commits. Only the target
 * and the possible administrators are read: all the rule needs, however large the office.
 */
async function lockedMembers(ctx: Context, userId: string): Promise<Member[]> {
  await ctx.scope.lock('memberships');
  await ctx.scope
    .selectFrom('memberships')
    .select('user_id')
    .where('user_id', '=', userId)
    .forUpdate()
    .execute();
  return listMembers(ctx.scope, { administratorsAnd: userId });
}

/** The member the caller administers, in one of the expected states; typed refusals otherwise. */
function target(ctx: Context, members: Member[], userId: string, states: readonly AccessStatus[]): Member {
  const member = members.find((m) => m.userId === userId);
  if (!member || !administers(ctx, member))
    throw new PorticoError('NOT_FOUND', 'There is no such user among the users you administer.', {
      fieldPath: 'userId',
    });
  if (!states.includes(member.status))
    throw new PorticoError(
      'CONFLICT',
      `${member.displayName}'s access is ${member.status.toLowerCase()}; this cannot be done to it now.`,
      { fieldPath: 'userId' },
    );
  return member;
}

/** Refuses a change that would leave a site without an active user administrator. */
async function keepAnAdministrator(ctx: Context, members: Member[], after: Member, fieldPath: string) {
  const orphaned = sitesLosingLastAdministrator(members, after);
  if (orphaned.length === 0) return;
  const names = await ctx.scope.selectFrom('sites').select('name').where('id', 'in', orphaned).execute();
  throw new PorticoError(
    'CONFLICT',
    `This would leave ${names.map((site) => site.name).join(' and ')} without a user administrator; make someone else one first.`,
    { fieldPath },
  );
}

/** Writes the change, audits it, tells open widgets, and returns the member as they now are. */
async function apply(
  ctx: Context,
  member: Member,
  change: MembershipChange,
  action: string,
): Promise<Member> {
  await changeMembership(ctx.scope, member.userId, change, ctx.clock.now());
  await ctx.audit.record({ action, entity: 'membership', entityId: member.userId });
  await ctx.publish({ topic: 'membership.changed', entityId: member.userId });
  const [updated] = await listMembers(ctx.scope, { userId: member.userId });
  if (!updated) throw new Error('a changed membership vanished inside its own transaction');
  return updated;
}

function recipient(ctx: Context, member: Member) {
  return member.email === null
    ? null
    : {
        userId: member.userId,
        email: member.email,
        displayName: member.displayName,
        officeName: ctx.principal.organization.name,
      };
}

/** User administration: access requests, roles, permissions, renewal and removal, each audited. */
export const usersHandlers: Handlers<typeof usersContract> = {
  async list(input, ctx) {
    const after = input.cursor === undefined ? null : decodeMemberCursor(input.cursor);
    if (input.cursor !== undefined && after === null)
      throw new PorticoError('BAD_REQUEST', 'This page link is no longer valid.', { fieldPath: 'cursor' });
    // Pages are read by name and kept to the users the caller administers (core's rule), until one more than a
    // page is found or the office's users run out.
    const found: Member[] = [];
    let cursor = after;
    for (;;) {
      const batch = await listMembers(ctx.scope, {
        after: cursor,
        limit: input.limit + 1,
        search: input.search,
        status: input.status,
      });
      found.push(...batch.filter((member) => administers(ctx, member)));
      const last = batch.at(-1);
      if (found.length > input.limit || !last || batch.length <= input.limit) break;
      cursor = { displayName: last.displayName, userId: last.userId };
    }
    const members = found.slice(0, input.limit);
    const end = members.at(-1);
    return {
      members,
      nextCursor: found.length > input.limit && end ? encodeMemberCursor(end) : null,
    };
  },

  async approve(input, ctx) {
    const members = await lockedMembers(ctx, input.userId);
    const member = target(ctx, members, input.userId, ['PENDING']);
    const mayGive = administersWholeOffice(ctx.principal.roles)
      ? await officeSiteIds(ctx.scope)
      : ctx.principal.siteIds;
    const outside = input.siteIds.find((site) => !mayGive.includes(site));
    if (outside !== undefined)
      throw new PorticoError('FORBIDDEN', 'You can give access only to sites you administer.', {
        fieldPath: 'siteIds',
      });
    if (input.roles.includes('SECURITY_OFFICER') && !administersWholeOffice(ctx.principal.roles))
      throw new PorticoError('FORBIDDEN', 'Only a security officer can make someone a security officer.', {
        fieldPath: 'roles',
      });
    await replaceMemberSites(ctx.scope, member.userId, [...new Set(input.siteIds)]);
    const approved = await apply(
      ctx,
      member,
      { roles: input.roles, status: { status: 'ACTIVE', reason: 'APPROVED' }, renewed: true },
      'access.approve',
    );
    const to = recipient(ctx, approved);
    if (to) await queueEmail(ctx.scope, approvedEmail(to, ctx.clock.now()), ctx.clock.now());
    return approved;
  },

  async deny(input, ctx) {
    const members = await lockedMembers(ctx, input.userId);
    const member = target(ctx, members, input.userId, ['PENDING']);
    const denied = await apply(
      ctx,
      member,
      { status: { status: 'TERMINATED', reason: 'DENIED' } },
      'access.deny',
    );
    const to = recipient(ctx, denied);
    if (to) await queueEmail(ctx.scope, deniedEmail(to, input.reason, ctx.clock.now()), ctx.clock.now());
    return denied;
  },

  async setRoles(input, ctx) {
    const members = await lockedMembers(ctx, input.userId);
    const member = target(ctx, members, input.userId, ['ACTIVE', 'SUSPENDED']);
    if (member.userId === ctx.principal.userId)
      throw new PorticoError('FORBIDDEN', 'Another user administrator changes your own roles.', {
        fieldPath: 'userId',
      });
    const touchesOfficer =
      input.roles.includes('SECURITY_OFFICER') !== member.roles.includes('SECURITY_OFFICER');
    if (touchesOfficer && !administersWholeOffice(ctx.principal.roles))
      throw new PorticoError(
        'FORBIDDEN',
        'Only a security officer can give or take the security officer role.',
        {
          fieldPath: 'roles',
        },
      );
    await keepAnAdministrator(ctx, members, { ...member, roles: input.roles }, 'roles');
    return apply(ctx, member, { roles: input.roles }, 'membership.roles.update');
  },

  async setPermissions(input, ctx) {
    const staffGrant = [...input.grant, ...input.deny].find((permission) => !isOfficePermission(permission));
    if (staffGrant !== undefined) {
      throw new PorticoError(
        'FORBIDDEN',
        `${staffGrant} belongs to the payer's staff and cannot be given to an office user.`,
        { fieldPath: input.grant.includes(staffGrant) ? 'grant' : 'deny' },
      );
    }
    // Guard against an office locking itself out: nobody removes their own right to manage users.
    if (input.userId === ctx.principal.userId && input.deny.includes('users.manage')) {
      throw new PorticoError('CONFLICT', 'You cannot take away your own permission to manage users.', {
        fieldPath: 'deny',
      });
    }
    const members = await lockedMembers(ctx, input.userId);
    const member = target(ctx, members, input.userId, ['PENDING', 'ACTIVE', 'SUSPENDED']);
    const after = { ...member, grantedPermissions: input.grant, deniedPermissions: input.deny };
    await keepAnAdministrator(ctx, members, after, 'deny');
    return apply(
      ctx,
      member,
      { grantedPermissions: input.grant, deniedPermissions: input.deny },
      'membership.permissions.update',
    );
  },

  async renew(input, ctx) {
    const members = await lockedMembers(ctx, input.userId);
    const member = target(ctx, members, input.userId, ['ACTIVE', 'SUSPENDED']);
    return apply(
      ctx,
      member,
      { status: { status: 'ACTIVE', reason: 'RENEWED' }, renewed: true },
      'access.renew',
    );
  },

  async remove(input, ctx) {
    const members = await lockedMembers(ctx, input.userId);
    const member = target(ctx, members, input.userId, ['PENDING', 'ACTIVE', 'SUSPENDED']);
    await keepAnAdministrator(ctx, members, { ...member, status: 'TERMINATED' }, 'userId');
    return apply(ctx, member, { status: { status: 'TERMINATED', reason: 'REMOVED' } }, 'access.remove');
  },

  async attest(_input, ctx) {
    if (!ctx.policy.selfAttestation)
      throw new PorticoError(
        'FORBIDDEN',
        "Your payer asks a user administrator to renew access; ask your office's user administrator.",
      );
    const members = await lockedMembers(ctx, ctx.principal.userId);
    const self = members.find((m) => m.userId === ctx.principal.userId);
    if (!self || (self.status !== 'ACTIVE' && self.status !== 'SUSPENDED'))
      throw new PorticoError('CONFLICT', 'Only active or suspended access can be renewed.');
    return apply(
      ctx,
      self,
      { status: { status: 'ACTIVE', reason: 'RENEWED' }, renewed: true },
      'access.attest',
    );
  },
};
