import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { CardInput } from '@portico/core';
import { sql } from 'kysely';
import { PDFDocument } from 'pdf-lib';
import { refusedWith } from '../testing/refusal.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { collectAutopay, issueDueInvoices } from './invoice-run.ts';
import { SANDBOX_CARDS } from './sandbox-gateway.ts';

const AGREEMENT = '2026.1';
const card = (number: string, overrides: Partial<CardInput> = {}): CardInput => ({
  number,
  expMonth: 8,
  expYear: 2029,
  cvc: '947',
  holderName: 'Alex Kim',
  ...overrides,
});

/** Every column value of every row of every table in the public schema: what a database dump would show. */
async function databaseValues(app: TestServer): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables where table_schema = 'public'`.execute(
    app.database.db,
  );
  const values: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: Record<string, unknown> }>`
      select row_to_json(t) as row from ${sql.table(name)} t`.execute(app.database.db);
    for (const { row } of rows.rows) values.push(...Object.values(row).map((value) => JSON.stringify(value)));
  }
  return values;
}

describe('billing: cards, the invoice run, autopay, history, PDF and Pay balance', () => {
  let app: TestServer;
  const run = () => issueDueInvoices(app.database.db, { clock: app.clock });
  const autopay = () => collectAutopay(app.database.db, app.gateway, { clock: app.clock });

  before(async () => {
    app = await startTestServer({ now: '2026-11-02T15:00:00Z' });
  });
  after(async () => {
    await app.close();
  });

  it('adds cards through the gateway; the number and CVC reach neither the database nor the log', async () => {
    const manager = app.clientFor('billing-manager');
    const first = await manager.billing.addPaymentMethod.mutate({
      card: card('4000 0000 0000 0002'),
      role: 'BACKUP',
    });
    assert.equal(first.role, 'PRIMARY', 'the first card is primary whatever was asked');
    assert.equal(first.brand, 'VISA');
    assert.equal(first.last4, '0002');
    const second = await manager.billing.addPaymentMethod.mutate({
      card: card(SANDBOX_CARDS.approve, { holderName: 'Alex Kim (backup)' }),
      role: 'BACKUP',
    });
    assert.equal(second.role, 'BACKUP');
    const values = await databaseValues(app);
    const log = app.logLines.join('\n');
    for (const number of ['4000000000000002', '4000 0000 0000 0002', SANDBOX_CARDS.approve]) {
      assert.ok(!values.some((value) => value.includes(number)), `the database holds ${number}`);
      assert.ok(!log.includes(number), `the log holds ${number}`);
    }
    assert.ok(!values.some((value) => value === '"947"' || value === '947'), 'the database holds the CVC');
    assert.ok(!/cvc/i.test(log), 'the log mentions the CVC');
    assert.ok(values.length > 100, 'the dump read the tables');
    assert.deepEqual(
      (await manager.billing.listPaymentMethods.query()).map((m) => [m.last4, m.role, m.expired]),
      [
        ['0002', 'PRIMARY', false],
        ['4242', 'BACKUP', false],
      ],
    );
  });

  it('refuses expired, invalid and malformed cards, and adds nothing', async () => {
    const manager = app.clientFor('billing-manager');
    const add = (input: CardInput) => manager.billing.addPaymentMethod.mutate({ card: input });
    await assert.rejects(
      add(card(SANDBOX_CARDS.approve, { expMonth: 10, expYear: 2026 })),
      refusedWith('CARD_EXPIRED', 'card.expYear'),
    );
    await assert.rejects(add(card(SANDBOX_CARDS.expired)), refusedWith('CARD_EXPIRED', 'card.number'));
    await assert.rejects(add(card('4242424242424241')), refusedWith('BAD_REQUEST', 'card.number'));
    await assert.rejects(add(card('4242')), refusedWith('BAD_REQUEST', 'card.number'));
    await assert.rejects(
      add(card(SANDBOX_CARDS.approve, { cvc: '12a' })),
      refusedWith('BAD_REQUEST', 'card.cvc'),
    );
    await assert.rejects(
      add(card(SANDBOX_CARDS.approve, { expMonth: 13 })),
      refusedWith('BAD_REQUEST', 'card.expMonth'),
    );
    assert.equal((await manager.billing.listPaymentMethods.query()).length, 2);
    // Refused cards leave no trace of their number in the log either.
    const log = app.logLines.join('\n');
    for (const number of ['4242424242424241', SANDBOX_CARDS.expired]) assert.ok(!log.includes(number));
  });

  it('detaches the gateway token when the card cannot be stored, and logs no value of the failing row', async () => {
    const manager = app.clientFor('billing-manager');
    // A database refusal after tokenization: a constraint this test adds, so the insert itself fails.
    await sql`alter table payment_methods add constraint test_refuse check (holder_name <> 'Refuse Me')`.execute(
      app.database.db,
    );
    try {
      const cardsBefore = await app.gateway.storedCards();
      const listed = (await manager.billing.listPaymentMethods.query()).length;
      await assert.rejects(
        manager.billing.addPaymentMethod.mutate({
          card: card(SANDBOX_CARDS.approve, { holderName: 'Refuse Me' }),
        }),
        refusedWith('INTERNAL'),
      );
      assert.equal(await app.gateway.storedCards(), cardsBefore, 'no orphaned token at the gateway');
      assert.equal((await manager.billing.listPaymentMethods.query()).length, listed);
      const log = app.logLines.join('\n');
      assert.ok(log.includes('test_refuse'), 'the constraint is named');
      assert.ok(!log.includes('Refuse Me') && !log.includes('Failing row'), 'no value of the row');
    } finally {
      await sql`alter table payment_methods drop constraint test_refuse`.execute(app.database.db);
    }
  });

  it('swaps primary and backup, and keeps a primary card', async () => {
    const manager = app.clientFor('billing-manager');
    const [primary, backup] = await manager.billing.listPaymentMethods.query();
    assert.ok(primary && backup);
    const swapped = await manager.billing.setPaymentMethodRole.mutate({ id: backup.id, role: 'PRIMARY' });
    assert.deepEqual(
      swapped.map((m) => [m.id, m.role]),
      [
        [backup.id, 'PRIMARY'],
        [primary.id, 'BACKUP'],
      ],
    );
    await assert.rejects(
      manager.billing.setPaymentMethodRole.mutate({ id: backup.id, role: null }),
      refusedWith('CONFLICT', 'role'),
    );
    const back = await manager.billing.setPaymentMethodRole.mutate({ id: primary.id, role: 'PRIMARY' });
    assert.deepEqual(
      back.map((m) => m.role),
      ['PRIMARY', 'BACKUP'],
    );
    const theirs = app.clientFor('other-office-admin');
    await assert.rejects(
      theirs.billing.setPaymentMethodRole.mutate({ id: primary.id, role: 'BACKUP' }),
      refusedWith('NOT_FOUND', 'id'),
    );
    await assert.rejects(
      theirs.billing.removePaymentMethod.mutate({ id: primary.id }),
      refusedWith('NOT_FOUND', 'id'),
    );
  });

  it('bills missed months on the first run, the upgrade month as two invoices, and never twice', async () => {
    // Nov 2: the demo office has held Access since Sep 1; the first run bills September and October.
    const first = await run();
    assert.deepEqual(first, { offices: 1, invoices: 2, amountCents: 2 * 2995 });
    // Upgrade to Advantage on Nov 16 (the provider list is complete first).
    app.clock.set('2026-11-16T15:00:00Z');
    const manager = app.clientFor('billing-manager');
    await manager.providers.add.mutate({
      npi: '1234567893',
      firstName: 'Jordan',
      lastName: 'Reyes',
      tin: '12-3456789',
    });
    await manager.storefront.subscribe.mutate({
      planCodes: ['ALLPAYER_ADVANTAGE'],
      acceptedAgreementVersion: AGREEMENT,
    });
    app.clock.set('2026-12-01T15:00:00Z');
    // Three runs at once (as from three server instances), then once more.
    const runs = await Promise.all([run(), run(), run()]);
    assert.equal(
      runs.reduce((sum, r) => sum + r.invoices, 0),
      2,
    );
    assert.deepEqual(await run(), { offices: 0, invoices: 0, amountCents: 0 });
    const history = await manager.billing.history.query();
    assert.deepEqual(
      history.invoices.map((i) => [i.firstDay, i.lastDay, i.monthlyRateCents, i.amountCents, i.status]),
      [
        ['2026-11-16', '2026-11-30', 3995, 1998, 'OPEN'],
        ['2026-11-01', '2026-11-15', 2995, 1498, 'OPEN'],
        ['2026-10-01', '2026-10-31', 2995, 2995, 'OPEN'],
        ['2026-09-01', '2026-09-30', 2995, 2995, 'OPEN'],
      ],
    );
    assert.equal(history.openBalanceCents, 2995 + 2995 + 1498 + 1998);
  });

  it('autopays each invoice once: the primary card declines, the backup is charged', async () => {
    const result = await autopay();
    assert.deepEqual(result, { attempted: 4, succeeded: 4 });
    assert.deepEqual(await autopay(), { attempted: 0, succeeded: 0 });
    const charges = await app.gateway.succeededCharges();
    assert.equal(charges.length, 4);
    assert.deepEqual(charges.map((c) => c.amountCents).sort(), [1498, 1998, 2995, 2995]);
    const history = await app.clientFor('office-user').billing.history.query();
    assert.equal(history.openBalanceCents, 0);
    assert.ok(history.invoices.every((i) => i.status === 'PAID'));
    assert.ok(history.payments.every((p) => p.status === 'SUCCEEDED' && p.cardLast4 === '4242'));
  });

  it('shows history only from the office’s history start date', async () => {
    const sales = app.clientFor('sales');
    await assert.rejects(
      app
        .clientFor('security-officer')
        .billing.setHistoryStart.mutate({ officeId: 'demo-office', startsOn: '2026-12-01' }),
      refusedWith('FORBIDDEN'),
    );
    await sales.billing.setHistoryStart.mutate({ officeId: 'demo-office', startsOn: '2026-11-15' });
    const history = await app.clientFor('office-user').billing.history.query();
    assert.equal(history.startsOn, '2026-11-15');
    assert.deepEqual(
      history.invoices.map((i) => i.firstDay),
      ['2026-11-16', '2026-11-01'],
    );
    // The start is a day in the office's time zone. The autopay ran at 15:00 UTC on December 1: already December 2
    // in Guam (UTC+10), so an office there that starts its history on December 2 sees those payments.
    const payments = async () => (await app.clientFor('office-user').billing.history.query()).payments.length;
    await sales.billing.setHistoryStart.mutate({ officeId: 'demo-office', startsOn: '2026-12-02' });
    assert.equal(await payments(), 0);
    const zone = (timeZone: string) =>
      app.database.db
        .updateTable('organizations')
        .set({ time_zone: timeZone })
        .where('external_id', '=', 'demo-office')
        .execute();
    await zone('Pacific/Guam');
    try {
      assert.equal(await payments(), 4);
      await sales.billing.setHistoryStart.mutate({ officeId: 'demo-office', startsOn: '2026-12-03' });
      assert.equal(await payments(), 0);
    } finally {
      await zone('America/New_York');
      await sales.billing.setHistoryStart.mutate({ officeId: 'demo-office', startsOn: null });
    }
    assert.equal((await app.clientFor('office-user').billing.history.query()).invoices.length, 4);
  });

  it('downloads an invoice as PDF, and never another office’s', async () => {
    const history = await app.clientFor('office-user').billing.history.query();
    const invoice = history.invoices[0];
    assert.ok(invoice);
    const pdf = await app.clientFor('office-user').billing.invoicePdf.query({ invoiceId: invoice.id });
    assert.equal(pdf.contentType, 'application/pdf');
    assert.equal(pdf.fileName, `${invoice.number}.pdf`);
    const bytes = Buffer.from(pdf.base64, 'base64');
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const document = await PDFDocument.load(bytes);
    assert.equal(document.getTitle(), `Invoice ${invoice.number}`);
    assert.equal(document.getPageCount(), 1);
    await assert.rejects(
      app.clientFor('other-office-admin').billing.invoicePdf.query({ invoiceId: invoice.id }),
      refusedWith('NOT_FOUND', 'invoiceId'),
    );
  });

  it('lets a cancelled office pay its balance: declined, then paid once however often it is retried', async () => {
    const harbor = app.clientFor('other-office-admin');
    app.clock.set('2026-10-05T15:00:00Z');
    await harbor.storefront.subscribe.mutate({
      planCodes: ['ALLPAYER_ACCESS'],
      acceptedAgreementVersion: AGREEMENT,
    });
    const declining = await harbor.billing.addPaymentMethod.mutate({
      card: card(SANDBOX_CARDS.insufficientFunds),
    });
    const [subscription] = await harbor.storefront.listSubscriptions.query();
    assert.ok(subscription);
    app.clock.set('2026-11-20T15:00:00Z');
    await app.clientFor('sales').storefront.cancelSubscription.mutate({
      officeId: 'demo-office-2',
      subscriptionId: subscription.id,
    });
    app.clock.set('2026-12-01T15:00:00Z');
    await run();
    assert.deepEqual(await autopay(), { attempted: 2, succeeded: 0 });
    assert.equal((await harbor.storefront.listSubscriptions.query())[0]?.status, 'CANCELLED');
    const balance = prorated(2995, 27, 31) + 2995;
    assert.equal((await harbor.storefront.overview.query()).openBalanceCents, balance);

    await assert.rejects(
      harbor.billing.removePaymentMethod.mutate({ id: declining.id }),
      refusedWith('CONFLICT', 'id'),
    );
    const failed = await harbor.billing.payBalance.mutate({ idempotencyKey: randomUUID() });
    assert.equal(failed.status, 'FAILED');
    assert.match(failed.failure ?? '', /insufficient funds/);
    assert.equal((await harbor.billing.history.query()).openBalanceCents, balance);

    await harbor.billing.addPaymentMethod.mutate({ card: card('5555555555554444'), role: 'PRIMARY' });
    const key = randomUUID();
    const before = (await app.gateway.succeededCharges()).length;
    const payments = await Promise.all(
      Array.from({ length: 5 }, () => harbor.billing.payBalance.mutate({ idempotencyKey: key })),
    );
    assert.equal(new Set(payments.map((p) => p.id)).size, 1);
    assert.equal(payments[0]?.status, 'SUCCEEDED');
    assert.equal(payments[0]?.amountCents, balance);
    assert.equal(payments[0]?.cardBrand, 'MASTERCARD');
    assert.equal((await app.gateway.succeededCharges()).length, before + 1);
    assert.equal((await harbor.billing.payBalance.mutate({ idempotencyKey: key })).id, payments[0]?.id);
    assert.equal((await harbor.billing.history.query()).openBalanceCents, 0);
    await assert.rejects(
      harbor.billing.payBalance.mutate({ idempotencyKey: randomUUID() }),
      refusedWith('CONFLICT'),
    );
    // With nothing owed, the card can go; the other card becomes primary.
    const left = await harbor.billing.removePaymentMethod.mutate({
      id: (await harbor.billing.listPaymentMethods.query())[0]!.id,
    });
    assert.deepEqual(
      left.map((m) => [m.last4, m.role]),
      [['9995', 'PRIMARY']],
    );
  });
});

function prorated(price: number, days: number, monthDays: number): number {
  return Math.floor((2 * price * days + monthDays) / (2 * monthDays));
}
