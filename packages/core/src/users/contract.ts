import { z } from 'zod';
import { mutation, query } from '../contract/define.ts';
import {
  approveAccessInputSchema,
  denyAccessInputSchema,
  memberPageInputSchema,
  memberPageSchema,
  memberRefInputSchema,
  memberSchema,
  setMemberPermissionsInputSchema,
  setMemberRolesInputSchema,
} from './schemas.ts';

/**
 * User administration (docs/domain.md "User administration"): the office's users with their status, access
 * requests, roles and permissions, renewal and removal. A user administrator sees the users of their sites and
 * the pending requests; the security officer sees the whole office. No change may leave a site without an
 * active user administrator. Every change is audited and reaches open widgets as `membership.changed`.
 */
export const usersContract = {
  list: query({
    summary:
      "A page of the users the caller administers, by name (everyone of the office for the security officer, otherwise the users of the caller's sites and the pending access requests), with status, roles, permissions, last activity and renewal date; searchable by name or email and filtered by status.",
    permission: 'users.view',
    input: memberPageInputSchema,
    output: memberPageSchema,
  }),
  approve: mutation({
    summary:
      "Approves a pending access request: the user becomes active on the chosen sites (the approver's own) with the chosen roles, and is told by email.",
    permission: 'access_requests.approve',
    input: approveAccessInputSchema,
    output: memberSchema,
  }),
  deny: mutation({
    summary:
      'Denies a pending access request with a reason the user is told by email; their tokens are refused from then on.',
    permission: 'access_requests.approve',
    input: denyAccessInputSchema,
    output: memberSchema,
  }),
  setRoles: mutation({
    summary:
      "Replaces an active user's office roles; refused when it would leave a site without a user administrator.",
    permission: 'users.manage',
    input: setMemberRolesInputSchema,
    output: memberSchema,
  }),
  setPermissions: mutation({
    summary:
      'Grants or denies office permissions to one user, e.g. making a user view-only for the storefront by denying storefront.manage.',
    permission: 'users.manage',
    input: setMemberPermissionsInputSchema,
    output: memberSchema,
  }),
  renew: mutation({
    summary:
      "Renews a user's access for another 180 days, which also lifts a suspension for overdue renewal.",
    permission: 'users.manage',
    input: memberRefInputSchema,
    output: memberSchema,
  }),
  remove: mutation({
    summary:
      "Ends a user's access to the office: their tokens are refused and their open streams end. Refused for the last user administrator of a site.",
    permission: 'users.manage',
    input: memberRefInputSchema,
    output: memberSchema,
  }),
  attest: mutation({
    summary:
      "The caller renews their own access by attesting they still need it, where the payer's policy allows self-attestation.",
    permission: 'signed-in',
    input: z.void(),
    output: memberSchema,
  }),
};
