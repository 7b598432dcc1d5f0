import { z } from 'zod';
import { mutation, query } from '../contract/define.ts';
import { memberSchema, sessionSchema, setMemberPermissionsInputSchema } from './schemas.ts';

/** Procedures of the organizations domain: the caller's session and the office's user permissions. */
export const organizationsContract = {
  me: query({
    summary: 'The signed-in user, their organization, roles, permissions and sites.',
    permission: 'signed-in',
    input: z.void(),
    output: sessionSchema,
  }),
  listMembers: query({
    summary: "Every user of the caller's organization with their roles and permissions.",
    permission: 'users.view',
    input: z.void(),
    output: z.array(memberSchema),
  }),
  setMemberPermissions: mutation({
    summary:
      'Grants or denies office permissions to one user, e.g. making a user view-only for the storefront by denying storefront.manage.',
    permission: 'users.manage',
    input: setMemberPermissionsInputSchema,
    output: memberSchema,
  }),
};
