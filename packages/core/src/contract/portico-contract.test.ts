import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { permissionSchema } from '../organizations/permissions.ts';
import { listProcedures } from './define.ts';
import { porticoContract } from './portico-contract.ts';

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

  it('keeps the signed-in-only procedures to the caller’s own session and events', () => {
    const open = procedures
      .filter((entry) => entry.procedure.permission === 'signed-in')
      .map((entry) => entry.path);
    assert.deepEqual(open.sort(), ['events.stream', 'organizations.me']);
  });

  it('documents every procedure', () => {
    for (const { path, procedure } of procedures) assert.ok(procedure.summary.length > 10, path);
  });
});
