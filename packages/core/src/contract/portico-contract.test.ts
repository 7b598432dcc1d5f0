import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { permissionSchema } from '../organizations/permissions.ts';
import { permissionsOf } from '../organizations/permissions.ts';
import { allowedProcedures } from './allowed.ts';
import { FILE_PATHS } from './file-paths.ts';
import { listProcedures } from './define.ts';
import { fileRoutes, porticoContract } from './portico-contract.ts';

describe('the Portico contract', () => {
  const procedures = listProcedures(porticoContract);

  it('names every procedure by its dotted path', () => {
    assert.ok(
      procedures.some((entry) => entry.path === 'storefront.listPlans' && entry.procedure.kind === 'query'),
    );
    assert.ok(
      procedures.some((entry) => entry.path === 'events.stream' && entry.procedure.kind === 'subscription'),
    );
  });

  it('declares a known permission, or the signed-in requirement, on every procedure', () => {
    for (const { path, procedure } of procedures) {
      const known =
        procedure.permission === 'signed-in' || permissionSchema.safeParse(procedure.permission).success;
      assert.ok(known, path);
    }
  });

  it('keeps the signed-in-only procedures to the caller’s own session, events and access renewal', () => {
    const open = procedures
      .filter((entry) => entry.procedure.permission === 'signed-in')
      .map((entry) => entry.path);
    // users.attest renews only the caller's own access, and only where the payer's policy allows it.
    assert.deepEqual(open.sort(), ['events.stream', 'organizations.me', 'users.attest']);
  });

  it('documents every procedure and file route with a sentence that does not just repeat its name', () => {
    const documented = [
      ...procedures.map(({ path, procedure }) => ({ path, summary: procedure.summary })),
      ...Object.entries(fileRoutes).map(([path, route]) => ({ path, summary: route.summary })),
    ];
    for (const { path, summary } of documented) {
      assert.match(summary, /^[A-Z"'`].*[.)]$/s, `${path}: a summary is a sentence`);
      const name = path.split('.').at(-1) ?? path;
      assert.ok(summary.split(/\s+/).length >= 4, `${path}: "${summary}" says too little`);
      assert.notEqual(summary.toLowerCase().replace(/[^a-z]/g, ''), name.toLowerCase(), path);
    }
  });

  it('declares each file route once in its domain, under /files/, with a permission and an audit row', () => {
    const paths = Object.values(fileRoutes).map((route) => route.path);
    assert.equal(new Set(paths).size, paths.length);
    for (const [name, route] of Object.entries(fileRoutes)) {
      assert.match(route.path, /^\/files\/[a-z0-9/.-]+$/, name);
      assert.ok(permissionSchema.safeParse(route.permission).success, `${name}: ${route.permission}`);
      assert.match(route.audit.action, /^[a-z_]+(\.[a-z_]+)+$/, name);
      assert.equal(route.method, route.kind === 'download' ? 'GET' : 'POST', name);
    }
  });

  it('never names a domain files (the client’s file routes) nor any step then (a proxy is no promise)', () => {
    assert.ok(!('files' in porticoContract));
    for (const { path } of procedures) assert.ok(!path.split('.').includes('then'), path);
  });

  it('serves each file route where the client calls it', () => {
    assert.deepEqual(
      Object.fromEntries(Object.entries(fileRoutes).map(([name, route]) => [name, route.path])),
      FILE_PATHS,
    );
  });

  it('lists the procedures a set of permissions allows, deny by default', () => {
    assert.deepEqual(allowedProcedures(porticoContract, []), [
      ...procedures.filter((p) => p.procedure.permission === 'signed-in').map((p) => p.path),
    ]);
    const viewer = allowedProcedures(porticoContract, ['providers.view']);
    assert.ok(viewer.includes('providers.list') && !viewer.includes('providers.add'));
    const admin = allowedProcedures(porticoContract, permissionsOf('BILLING_MANAGER'));
    assert.ok(admin.includes('providers.add'));
  });
});
