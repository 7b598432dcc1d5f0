import { z } from 'zod';
import { text, wholeNumber } from '../inputs/rules.ts';
import { officeRoleSchema, permissionSchema, roleSchema } from '../organizations/permissions.ts';

/**
 * Where a user's access to an office stands (docs/domain.md "User administration"):
 * - `PENDING`: signed in for the first time; waits for a user administrator's approval and may do nothing yet.
 * - `ACTIVE`: approved, renewed within the last 180 days and active within the last 30.
 * - `SUSPENDED`: 180 days passed without renewal; a user administrator renews it in one click.
 * - `TERMINATED`: denied, removed, or 30 days without activity; every token of the user is refused.
 */
export const accessStatusSchema = z.enum(['PENDING', 'ACTIVE', 'SUSPENDED', 'TERMINATED']);
export type AccessStatus = z.infer<typeof accessStatusSchema>;

/** Why a user's access last changed status, in words a user administrator reads beside the status. */
export const accessReasonSchema = z.enum([
  'REQUESTED',
  'APPROVED',
  'RENEWED',
  'RENEWAL_OVERDUE',
  'INACTIVE',
  'DENIED',
  'REMOVED',
]);
export type AccessReason = z.infer<typeof accessReasonSchema>;

/** One user of the office as its user administrators see them. */
export const memberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(roleSchema),
  grantedPermissions: z.array(permissionSchema),
  deniedPermissions: z.array(permissionSchema),
  /** What the member's roles give before any grant or denial: the matrix's "from the role" column. */
  rolePermissions: z.array(permissionSchema),
  effectivePermissions: z.array(permissionSchema),
  siteIds: z.array(z.uuid()),
  status: accessStatusSchema,
  statusReason: accessReasonSchema,
  statusChangedAt: z.iso.datetime({ offset: true }),
  /** The last time the user used Portico (to the hour), or null when they never have. */
  lastActiveAt: z.iso.datetime({ offset: true }).nullable(),
  /** When access must be renewed: 180 days after the approval or the last renewal. Null while pending. */
  renewalDueAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Member = z.infer<typeof memberSchema>;

/** A page of the users the caller administers, by name; `search` matches a name or an email address. */
export const memberPageInputSchema = z
  .object({
    search: text({ max: 100, trim: true }).optional(),
    status: accessStatusSchema.optional(),
    cursor: text({ max: 600 }).optional(),
    limit: wholeNumber(1, 200).default(50),
  })
  .default({ limit: 50 });
export type MemberPageInput = z.input<typeof memberPageInputSchema>;

export const memberPageSchema = z.object({
  members: z.array(memberSchema),
  /** Where the next page starts, or null on the last page. */
  nextCursor: z.string().nullable(),
});
export type MemberPage = z.infer<typeof memberPageSchema>;

const userIdField = z.uuid({ message: 'Choose a user of your office' });

export const setMemberPermissionsInputSchema = z
  .object({
    userId: userIdField,
    grant: z.array(permissionSchema).max(50).default([]),
    deny: z.array(permissionSchema).max(50).default([]),
  })
  .refine((input) => !input.grant.some((permission) => input.deny.includes(permission)), {
    message: 'A permission cannot be both granted and denied',
    path: ['deny'],
  });
export type SetMemberPermissionsInput = z.input<typeof setMemberPermissionsInputSchema>;

export const approveAccessInputSchema = z.object({
  userId: userIdField,
  /** The sites the user will work for; each must be one the approving administrator looks after. */
  siteIds: z.array(z.uuid()).min(1, 'Choose at least one site').max(50),
  roles: z.array(officeRoleSchema).min(1, 'Choose at least one role').max(6).default(['OFFICE_USER']),
});
export type ApproveAccessInput = z.input<typeof approveAccessInputSchema>;

export const denyAccessInputSchema = z.object({
  userId: userIdField,
  reason: text({ max: 500, trim: true }).min(1, 'Say why access is denied; the user reads it'),
});
export type DenyAccessInput = z.input<typeof denyAccessInputSchema>;

export const setMemberRolesInputSchema = z.object({
  userId: userIdField,
  roles: z.array(officeRoleSchema).min(1, 'Choose at least one role').max(6),
});
export type SetMemberRolesInput = z.input<typeof setMemberRolesInputSchema>;

export const memberRefInputSchema = z.object({ userId: userIdField });
export type MemberRefInput = z.input<typeof memberRefInputSchema>;
