import { z } from 'zod';

/**
 * Every permission a procedure can require. Office permissions are held by users of a medical office;
 * `staff.*` permissions only by the payer's own staff.
 */
export const permissionSchema = z.enum([
  'storefront.view',
  'storefront.manage',
  'users.view',
  'users.manage',
  'access_requests.approve',
  'providers.view',
  'practice_setup.manage',
  'member_data.view',
  'enrollment.manage',
  'enrollment.work',
  'messages.use',
  'audit.view',
  'staff.organizations.view',
  'staff.subscriptions.cancel',
  'staff.access_issues.manage',
  'staff.enrollment.review',
  'staff.enrollment.decide',
  'staff.import',
  'staff.billing.configure',
  'staff.payments.manage',
  'staff.audit.view',
]);
export type Permission = z.infer<typeof permissionSchema>;

/** What a procedure requires: one permission, or only a verified sign-in (the caller's own session). */
export type Requirement = Permission | 'signed-in';

export const officeRoleSchema = z.enum([
  'SECURITY_OFFICER',
  'USER_ADMINISTRATOR',
  'BILLING_MANAGER',
  'PROVIDER_ADMIN',
  'PROVIDER_USER',
  'OFFICE_USER',
]);
export const staffRoleSchema = z.enum([
  'SALES',
  'SUPPORT',
  'ENROLLMENT_SPECIALIST',
  'ENROLLMENT_SUPERVISOR',
  'SYSTEM',
]);
export const roleSchema = z.union([officeRoleSchema, staffRoleSchema]);
export type OfficeRole = z.infer<typeof officeRoleSchema>;
export type StaffRole = z.infer<typeof staffRoleSchema>;
export type Role = z.infer<typeof roleSchema>;

export const organizationKindSchema = z.enum(['office', 'payer']);
export type OrganizationKind = z.infer<typeof organizationKindSchema>;

// docs/domain.md "Who uses it": the roles of an office and of the payer's staff, and what each may do.
const permissionsOfRole: Record<Role, readonly Permission[]> = {
  // docs/domain.md: by default every office user may view, sign up and upgrade; a security officer can take that away.
  OFFICE_USER: ['storefront.view', 'storefront.manage', 'providers.view', 'member_data.view'],
  SECURITY_OFFICER: [
    'storefront.view',
    'storefront.manage',
    'users.view',
    'users.manage',
    'access_requests.approve',
    'providers.view',
    'member_data.view',
    'audit.view',
  ],
  USER_ADMINISTRATOR: ['users.view', 'users.manage', 'access_requests.approve', 'providers.view'],
  BILLING_MANAGER: [
    'storefront.view',
    'storefront.manage',
    'providers.view',
    'practice_setup.manage',
    'member_data.view',
  ],
  PROVIDER_ADMIN: ['enrollment.manage', 'enrollment.work', 'messages.use', 'providers.view'],
  PROVIDER_USER: ['enrollment.work', 'messages.use'],
  SALES: ['staff.organizations.view', 'staff.subscriptions.cancel', 'staff.billing.configure'],
  SUPPORT: [
    'staff.organizations.view',
    'staff.access_issues.manage',
    'staff.payments.manage',
    'staff.audit.view',
  ],
  ENROLLMENT_SPECIALIST: ['staff.enrollment.review', 'messages.use'],
  ENROLLMENT_SUPERVISOR: ['staff.enrollment.review', 'staff.enrollment.decide', 'messages.use'],
  SYSTEM: ['staff.organizations.view', 'staff.import', 'staff.billing.configure', 'staff.payments.manage'],
};

/** The permissions a role carries before any per-user grant or denial. */
export function permissionsOf(role: Role): readonly Permission[] {
  return permissionsOfRole[role];
}

/** The roles that carry a permission of their own (before any grant or denial). */
export function rolesGranting(permission: Permission): Role[] {
  return roleSchema.options
    .flatMap((schema) => schema.options)
    .filter((role) => permissionsOf(role).includes(permission));
}

/** True for the roles an organization of this kind may hand out (office roles to offices, staff roles to the payer). */
export function isRoleAllowedFor(kind: OrganizationKind, role: Role): boolean {
  return kind === 'payer'
    ? staffRoleSchema.safeParse(role).success
    : officeRoleSchema.safeParse(role).success;
}

/** True for permissions a security officer may grant or deny to an office user (never a staff permission). */
export function isOfficePermission(permission: Permission): boolean {
  return !permission.startsWith('staff.');
}

/**
 * What a member may do: the union of their roles' permissions, plus explicit grants, minus explicit denials.
 * A denial wins over a grant and over every role. The result is sorted, without duplicates.
 */
export function effectivePermissions(
  roles: readonly Role[],
  granted: readonly Permission[] = [],
  denied: readonly Permission[] = [],
): Permission[] {
  const all = new Set<Permission>(granted);
  for (const role of roles) for (const permission of permissionsOf(role)) all.add(permission);
  for (const permission of denied) all.delete(permission);
  return [...all].sort();
}

/** True when the permission list satisfies the requirement; deny by default. */
export function satisfies(permissions: readonly Permission[], requirement: Requirement): boolean {
  return requirement === 'signed-in' || permissions.includes(requirement);
}
