import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  effectivePermissions,
  isOfficePermission,
  isRoleAllowedFor,
  officeRoleSchema,
  permissionsOf,
  rolesGranting,
  satisfies,
  staffRoleSchema,
} from './permissions.ts';

describe('roles and permissions', () => {
  it('lets every office user view and buy from the storefront by default', () => {
    assert.ok(permissionsOf('OFFICE_USER').includes('storefront.manage'));
    assert.ok(permissionsOf('OFFICE_USER').includes('storefront.view'));
  });

  it('makes a user view-only for the storefront when storefront.manage is denied', () => {
    const permissions = effectivePermissions(['OFFICE_USER'], [], ['storefront.manage']);
    assert.ok(permissions.includes('storefront.view'));
    assert.ok(!permissions.includes('storefront.manage'));
  });

  it('lets a denial win over every role and every grant', () => {
    const permissions = effectivePermissions(
      ['SECURITY_OFFICER', 'BILLING_MANAGER'],
      ['storefront.manage'],
      ['storefront.manage'],
    );
    assert.ok(!permissions.includes('storefront.manage'));
  });

  it('adds explicit grants to the roles', () => {
    assert.ok(effectivePermissions(['PROVIDER_USER'], ['providers.view']).includes('providers.view'));
  });

  it('gives the access hub permission (practice set-up) to billing managers but not to ordinary users', () => {
    assert.ok(permissionsOf('BILLING_MANAGER').includes('practice_setup.manage'));
    assert.ok(!permissionsOf('OFFICE_USER').includes('practice_setup.manage'));
  });

  it('gives no office role a staff permission, and no staff role an office storefront permission', () => {
    for (const role of officeRoleSchema.options) {
      assert.ok(permissionsOf(role).every(isOfficePermission), role);
      assert.equal(isRoleAllowedFor('office', role), true);
      assert.equal(isRoleAllowedFor('payer', role), false);
    }
    for (const role of staffRoleSchema.options) {
      assert.ok(!permissionsOf(role).includes('storefront.manage'), role);
      assert.equal(isRoleAllowedFor('payer', role), true);
      assert.equal(isRoleAllowedFor('office', role), false);
    }
  });

  it('only sales can cancel subscriptions', () => {
    const cancellers = [...officeRoleSchema.options, ...staffRoleSchema.options].filter((role) =>
      permissionsOf(role).includes('staff.subscriptions.cancel'),
    );
    assert.deepEqual(cancellers, ['SALES']);
  });

  it('denies by default: no roles means no permission, only the signed-in requirement passes', () => {
    assert.deepEqual(effectivePermissions([]), []);
    assert.equal(satisfies([], 'storefront.view'), false);
    assert.equal(satisfies([], 'signed-in'), true);
  });

  it('names the roles that carry a permission of their own', () => {
    assert.deepEqual(rolesGranting('users.manage').sort(), ['SECURITY_OFFICER', 'USER_ADMINISTRATOR']);
    assert.deepEqual(rolesGranting('staff.import'), ['SYSTEM']);
  });
});
