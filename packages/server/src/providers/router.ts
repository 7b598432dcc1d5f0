import { PorticoError, type providersContract } from '@portico/core';
import type { Handlers } from '../trpc/handlers.ts';
import {
  listHeldMedicarePlans,
  providerListGapsOf,
  startSubscriptionsIfListComplete,
} from '../storefront/medicare-readiness.ts';
import { checkRoster } from './roster.ts';
import {
  deleteProvider,
  findProvider,
  insertProvider,
  insertProviders,
  listedNpis,
  listProviders,
  updateProvider,
} from './store.ts';

const notFound = () =>
  new PorticoError('NOT_FOUND', 'There is no such provider on your list.', { fieldPath: 'id' });

/** The providers domain: the office's provider list. Every read of provider data is audited. */
export const providersHandlers: Handlers<typeof providersContract> = {
  async list(_input, { scope, audit }) {
    const providers = await listProviders(scope);
    await audit.record({ action: 'provider.list', entity: 'provider_list', entityId: scope.organizationId });
    return providers;
  },

  async get(input, { scope, audit }) {
    const provider = await findProvider(scope, input.id);
    if (!provider) throw notFound();
    await audit.record({ action: 'provider.read', entity: 'provider', entityId: provider.id });
    return provider;
  },

  async medicarePlans(_input, { scope, today }) {
    const plans = await listHeldMedicarePlans(scope, today);
    return {
      plans: plans.map(({ id, planCode, planName, status, readyBy }) => ({
        id,
        planCode,
        planName,
        status,
        readyBy,
      })),
      providerListGaps: plans.length > 0 ? await providerListGapsOf(scope) : [],
    };
  },

  async add(input, context) {
    const { scope, audit, clock, sealer, publish } = context;
    const id = await insertProvider(scope, input, sealer, clock.now());
    await audit.record({ action: 'provider.create', entity: 'provider', entityId: id });
    await publish({ topic: 'provider.changed', entityId: id });
    await startSubscriptionsIfListComplete(context);
    const provider = await findProvider(scope, id);
    if (!provider) throw new Error('inserted provider vanished inside its own transaction');
    return provider;
  },

  async update(input, context) {
    const { scope, audit, clock, sealer, publish, today } = context;
    if (!(await updateProvider(scope, input.id, input.provider, sealer, clock.now(), today)))
      throw notFound();
    await audit.record({ action: 'provider.update', entity: 'provider', entityId: input.id });
    await publish({ topic: 'provider.changed', entityId: input.id });
    await startSubscriptionsIfListComplete(context);
    const provider = await findProvider(scope, input.id);
    if (!provider) throw notFound();
    return provider;
  },

  async importRoster(input, context) {
    const { scope, audit, clock, sealer, publish } = context;
    await scope.lock('providers');
    const checked = checkRoster(input.csv, await listedNpis(scope));
    if ('headerProblem' in checked)
      throw new PorticoError('BAD_REQUEST', checked.headerProblem, { fieldPath: 'csv' });
    if (input.mode === 'all-or-nothing' && checked.rejected.length > 0) {
      // Nothing goes in: the error lists every refused row, so the office can fix the file in one pass.
      throw new PorticoError(
        'BAD_REQUEST',
        `${checked.rejected.length} of ${checked.rowsRead} rows cannot be added, so none were. Fix them and upload again.`,
        {
          fieldPath: 'csv',
          issues: checked.rejected.map((row) => ({
            path: ['rows', row.line, ...(row.field ? [row.field] : [])],
            message: row.message,
          })),
        },
      );
    }
    const ids = await insertProviders(
      scope,
      checked.valid.map((row) => row.fields),
      sealer,
      clock.now(),
    );
    await audit.record({
      action: 'provider.roster.import',
      entity: 'provider_list',
      entityId: scope.organizationId,
    });
    await audit.recordMany(
      ids.map((id) => ({ action: 'provider.create', entity: 'provider', entityId: id })),
    );
    if (ids.length > 0) await publish({ topic: 'provider.changed', entityId: scope.organizationId });
    await startSubscriptionsIfListComplete(context);
    return { rowsRead: checked.rowsRead, added: ids.length, rejected: checked.rejected };
  },

  async remove(input, { scope, audit, publish, today }) {
    if (!(await deleteProvider(scope, input.id, today))) throw notFound();
    await audit.record({ action: 'provider.delete', entity: 'provider', entityId: input.id });
    await publish({ topic: 'provider.changed', entityId: input.id });
    return { id: input.id };
  },
};
