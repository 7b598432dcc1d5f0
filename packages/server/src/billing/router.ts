import type { billingContract } from '@portico/core';
import type { Handlers } from '../trpc/handlers.ts';
import { listPlans } from '../plans/catalog.ts';
import { payBalance } from './charges.ts';
import { renderInvoicePdf } from './invoice-pdf.ts';
import {
  addPaymentMethod,
  billingHistory,
  findInvoice,
  listPaymentMethods,
  removePaymentMethod,
  setHistoryStart,
  setPaymentMethodRole,
} from './store.ts';

/** The billing domain: cards on file, invoices and payments. Card numbers pass through to the gateway only. */
export const billingHandlers: Handlers<typeof billingContract> = {
  listPaymentMethods: (_input, { scope, today }) => listPaymentMethods(scope, today),

  async addPaymentMethod(input, { scope, gateway, today, audit, publish, onRollback }) {
    const id = await addPaymentMethod(scope, gateway, input.card, input.role, today, onRollback);
    await audit.record({ action: 'payment_method.create', entity: 'payment_method', entityId: id });
    await publish({ topic: 'billing.changed', entityId: id });
    const added = (await listPaymentMethods(scope, today)).find((method) => method.id === id);
    if (!added) throw new Error('added card vanished inside its own transaction');
    return added;
  },

  async setPaymentMethodRole(input, { scope, today, audit, publish }) {
    await setPaymentMethodRole(scope, input.id, input.role);
    await audit.record({ action: 'payment_method.role', entity: 'payment_method', entityId: input.id });
    await publish({ topic: 'billing.changed', entityId: input.id });
    return listPaymentMethods(scope, today);
  },

  async removePaymentMethod(input, { scope, today, clock, audit, publish }) {
    await removePaymentMethod(scope, input.id, clock.now());
    await audit.record({ action: 'payment_method.remove', entity: 'payment_method', entityId: input.id });
    await publish({ topic: 'billing.changed', entityId: input.id });
    return listPaymentMethods(scope, today);
  },

  history: (_input, { scope, principal }) => billingHistory(scope, principal.organization.timeZone),

  async invoicePdf(input, { scope, principal, clock }) {
    const invoice = await findInvoice(scope, input.invoiceId);
    const bytes = await renderInvoicePdf({
      invoice,
      officeName: principal.organization.name,
      plans: await listPlans(scope),
      now: clock.now(),
    });
    return {
      fileName: `${invoice.number}.pdf`,
      contentType: 'application/pdf' as const,
      base64: Buffer.from(bytes).toString('base64'),
    };
  },

  async payBalance(input, { scope, gateway, principal, clock, audit, publish }) {
    const result = await payBalance(scope, gateway, {
      idempotencyKey: `balance:${input.idempotencyKey}`,
      actorUserId: principal.userId,
      now: clock.now(),
    });
    // A replayed request changed nothing, but it is still the caller's act: audit it as such.
    await audit.record({
      action: result.replayed ? 'payment.replay' : 'payment.create',
      entity: 'payment',
      entityId: result.payment.id,
    });
    if (!result.replayed) await publish({ topic: 'billing.changed', entityId: result.payment.id });
    return result.payment;
  },

  async setHistoryStart(input, { forOffice }) {
    const office = await forOffice(input.officeId);
    await setHistoryStart(office.scope, input.startsOn);
    await office.audit.record({
      action: 'billing.history_start',
      entity: 'billing_account',
      entityId: office.scope.organizationId,
    });
    await office.publish({ topic: 'billing.changed', entityId: office.scope.organizationId });
    return { officeId: input.officeId, startsOn: input.startsOn };
  },
};
