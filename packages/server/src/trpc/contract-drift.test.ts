import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listProcedures, porticoContract, type storefrontContract } from '@portico/core';
import { appRouter } from '../router.ts';
import type { Handlers } from './handlers.ts';

// Type-level checks: `tsc` (part of npm test) fails if Handlers<> ever stops catching drift.
// @ts-expect-error a handler set missing a procedure of the contract is refused
const missing: Handlers<typeof storefrontContract> = { listPlans: async () => [] };
const extra: Handlers<typeof storefrontContract> = {
  listPlans: async () => [],
  listSubscriptions: async () => [],
  // @ts-expect-error a handler the contract does not declare is refused
  dropEverything: async () => [],
};
const wrongOutput: Handlers<typeof storefrontContract> = {
  // @ts-expect-error a handler returning something other than the contract's output is refused
  listPlans: async () => [{ code: 'NOT_A_PLAN' }],
  listSubscriptions: async () => [],
};
void [missing, extra, wrongOutput];

describe('router and contract stay in step', () => {
  it('serves exactly the procedures of the contract, each with its kind', () => {
    const served = Object.entries(appRouter._def.procedures)
      .map(([path, procedure]) => `${path}:${(procedure as { _def: { type: string } })._def.type}`)
      .sort();
    const declared = listProcedures(porticoContract)
      .map(({ path, procedure }) => `${path}:${procedure.kind}`)
      .sort();
    assert.deepEqual(served, declared);
  });
});
