import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ClaimStatusInput } from '@portico/core';
import { CodeLists, readClaimStatusRequest, readInterchange } from '@portico/core/x12';
import { refusal } from '../testing/refusal.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const fails = refusal;

describe('claim status: 276/277 through the clearinghouse port to the sandbox payer over HTTP', () => {
  let app: TestServer;
  let riverside: string;
  const robert = (overrides: Partial<ClaimStatusInput> = {}): ClaimStatusInput => ({
    memberId: 'PSB10001',
    firstName: 'Robert',
    lastName: 'Smith',
    dateOfBirth: '1963-05-19',
    providerNpi: '1234567893',
    siteId: riverside,
    serviceFrom: '2026-11-01',
    serviceTo: '2026-11-30',
    ...overrides,
  });
  const ask = (input: ClaimStatusInput, user: Parameters<TestServer['clientFor']>[0] = 'office-user') => {
    app.clock.set(new Date(app.clock.now().getTime() + 1000));
    return app.clientFor(user).claims.status.mutate(input);
  };
  const countInquiries = async () =>
    Number(
      (
        await app.database.db
          .selectFrom('claim_status_inquiries')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    app = await startTestServer();
    await app
      .clientFor('billing-manager')
      .providers.add.mutate({ npi: '1234567893', firstName: 'Ada', lastName: 'Quinn', tin: '12-3456789' });
    const me = await app.clientFor('office-user').organizations.me.query();
    riverside = me.sites.find((site) => site.name === 'Riverside clinic')?.id ?? '';
  });
  after(async () => {
    await app.close();
  });

  it("answers a month's claims: one paid by check with a denied line, one pending, in cents and words", async () => {
    const result = await ask(robert());
    const [paid, pending] = result.summary.claims;
    assert.equal(result.summary.claims.length, 2);
    assert.equal(paid?.phase, 'PAID');
    assert.equal(paid?.finalized, true);
    assert.equal(paid?.payerClaimNumber, 'PSBC2611001');
    assert.equal(paid?.patientAccountNumber, 'SC-1001');
    assert.deepEqual([paid?.chargedCents, paid?.paidCents], [18_550, 10_000]);
    assert.equal(paid?.adjudicatedOn, '2026-11-18');
    assert.deepEqual(paid?.payment, {
      method: { code: 'CHK', label: 'Check' },
      date: '2026-11-20',
      trace: '0004552100',
    });
    assert.deepEqual(paid?.statuses[0], {
      category: { code: 'F1', label: 'Finalized/Payment' },
      status: { code: '65', label: 'Claim/line has been paid.' },
      entity: null,
      effectiveDate: '2026-11-20',
    });
    assert.deepEqual(
      paid?.lines.map((line) => [
        line.procedureCode,
        line.chargedCents,
        line.paidCents,
        line.statuses[0]?.status.label,
      ]),
      [
        ['99213', 15_000, 10_000, 'Claim/line has been paid.'],
        ['85025', 3_550, 0, 'Service not authorized.'],
      ],
    );
    assert.equal(pending?.phase, 'PENDING');
    assert.equal(pending?.finalized, false);
    assert.equal(pending?.payment, null);
    assert.deepEqual(pending?.lines[0]?.modifiers, ['25']);
    assert.deepEqual([result.serviceFrom, result.serviceTo], ['2026-11-01', '2026-11-30']);
    assert.equal(result.codeListVersions['claim-status-categories'], '507 (Portico subset, 2026-12)');
    // The 276 that went out passes its own guide, and carries the search.
    const sent = readInterchange(result.x12.request);
    const transaction = sent.interchanges[0]?.groups[0]?.transactions[0];
    assert.ok(transaction && sent.delimiters);
    const lists = new CodeLists();
    const read = readClaimStatusRequest(transaction, sent.delimiters, (l, c) => lists.has(l, c));
    assert.deepEqual(read.diagnostics, []);
    assert.equal(read.request?.claim.serviceDates.value, '20261101-20261130');
    assert.equal(read.request?.claim.trackingNumber, result.traceNumber);
  });

  it("narrows by the payer's claim number, account number or billed amount, and says when none is found", async () => {
    const byNumber = await ask(robert({ serviceFrom: '2026-10-01', payerClaimNumber: 'psbc2610003' }));
    assert.deepEqual(
      byNumber.summary.claims.map((c) => [c.phase, c.statuses[0]?.category.code, c.statuses[0]?.entity]),
      [['INFORMATION_REQUESTED', 'R4', '1P']],
    );
    const byAmount = await ask(robert({ chargedCents: 21_000 }));
    assert.deepEqual(
      byAmount.summary.claims.map((c) => c.payerClaimNumber),
      ['PSBC2611002'],
    );
    const none = await ask(robert({ serviceFrom: '2026-09-01', serviceTo: '2026-09-30' }));
    assert.deepEqual(
      none.summary.claims.map((c) => [c.phase, c.statuses[0]?.status.label]),
      [['NOT_FOUND', 'Claim/encounter not found.']],
    );
    const maria = await ask({
      memberId: 'PSB10002',
      firstName: 'Maria',
      lastName: 'Garcia',
      dateOfBirth: '1988-11-02',
      providerNpi: '1234567893',
      siteId: riverside,
      serviceFrom: '2026-11-01',
      serviceTo: '2026-11-30',
    });
    assert.deepEqual(
      maria.summary.claims.map((c) => [c.phase, c.paidCents, c.statuses[0]?.status.code]),
      [
        ['FINALIZED', 0, '98'],
        ['RECEIVED', null, '20'],
      ],
    );
  });

  it("gives the payer's refusals as typed errors at the field to correct, and keeps each inquiry", async () => {
    const before = await countInquiries();
    await assert.rejects(
      ask(robert({ memberId: 'PSB77777' })),
      fails('PAYER_REJECTED', 'memberId', /Subscriber and subscriber id not found/),
    );
    await assert.rejects(
      ask(robert({ dateOfBirth: '1963-05-20' })),
      fails('PAYER_REJECTED', 'dateOfBirth', /Entity's date of birth/),
    );
    await assert.rejects(ask(robert({ lastName: 'Smyth' })), fails('PAYER_REJECTED', 'lastName'));
    await assert.rejects(
      ask(robert({ memberId: 'PSB90042' })),
      fails('PAYER_UNAVAILABLE', null, /System Status/),
    );
    assert.equal(await countInquiries(), before + 4);
    const history = await app.clientFor('office-user').claims.history.query();
    assert.deepEqual(
      history.inquiries.slice(0, 4).map((i) => [i.outcome, i.hasResult]),
      [
        ['UNAVAILABLE', false],
        ['REJECTED', false],
        ['REJECTED', false],
        ['REJECTED', false],
      ],
    );
    assert.deepEqual(history.inquiries.at(-1)?.outcome, 'PAID');
  });

  it('refuses bad input before anything is sent or kept', async () => {
    const before = await countInquiries();
    await assert.rejects(ask(robert({ lastName: 'Smith~IEA*1' })), fails('BAD_REQUEST', 'lastName'));
    await assert.rejects(ask(robert({ serviceTo: '2026-10-01' })), fails('BAD_REQUEST', 'serviceTo'));
    await assert.rejects(ask(robert({ payerClaimNumber: 'A*B' })), fails('BAD_REQUEST', 'payerClaimNumber'));
    await assert.rejects(ask(robert({ chargedCents: -1 })), fails('BAD_REQUEST', 'chargedCents'));
    await assert.rejects(
      ask(robert({ providerNpi: '1245319599' })),
      fails('NOT_FOUND', 'providerNpi', /not on your office's provider list/),
    );
    await assert.rejects(ask(robert({ siteId: undefined })), fails('BAD_REQUEST', 'siteId'));
    await assert.rejects(ask(robert(), 'user-administrator'), fails('FORBIDDEN'));
    await assert.rejects(ask(robert(), 'other-office-admin'), fails('NOT_FOUND', 'siteId'));
    assert.equal(await countInquiries(), before);
  });

  it("keeps inquiries to the caller's sites, shows one again, and audits every read without member data", async () => {
    const answered = await ask(robert());
    await assert.rejects(
      app.clientFor('other-office-admin').claims.get.query({ inquiryId: answered.inquiryId }),
      fails('NOT_FOUND', 'inquiryId'),
    );
    const again = await app.clientFor('office-user').claims.get.query({ inquiryId: answered.inquiryId });
    assert.deepEqual(again.summary, answered.summary);
    assert.equal(again.x12.response, answered.x12.response);
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'entity'])
      .where('entity', '=', 'claim_status_inquiry')
      .execute();
    assert.ok(audit.some((row) => row.action === 'claims.status' && row.entity_id === answered.inquiryId));
    assert.ok(audit.some((row) => row.action === 'claims.view' && row.entity_id === answered.inquiryId));
    const log = app.logLines.join('');
    for (const secret of ['PSB10001', 'SMITH', 'Smith', '19630519', '1963-05-19', 'PSBC2611001']) {
      assert.equal(log.includes(secret), false, `the log holds ${secret}`);
      assert.equal(JSON.stringify(audit).includes(secret), false);
    }
    assert.match(log, /"transaction":"276".*"controlNumber":\d+/);
  });
});

describe('claim status: a payer that does not answer in time', () => {
  let app: TestServer;
  before(async () => {
    app = await startTestServer({
      config: { clearinghouseTimeoutMs: 400, clearinghouse: { kind: 'sandbox', slowSeconds: 5 } },
    });
    await app
      .clientFor('billing-manager')
      .providers.add.mutate({ npi: '1234567893', firstName: 'Ada', lastName: 'Quinn', tin: '12-3456789' });
  });
  after(async () => {
    await app.close();
  });

  it('returns TIMEOUT at the configured limit and keeps the inquiry', async () => {
    const me = await app.clientFor('office-user').organizations.me.query();
    const started = Date.now();
    await assert.rejects(
      app.clientFor('office-user').claims.status.mutate({
        memberId: 'PSB90099',
        firstName: 'Sam',
        lastName: 'Slow',
        dateOfBirth: '1990-01-01',
        providerNpi: '1234567893',
        siteId: me.sites[0]?.id,
        serviceFrom: '2026-11-01',
      }),
      fails('TIMEOUT', null, /did not answer in time/),
    );
    assert.ok(Date.now() - started < 4_000);
    const history = await app.clientFor('office-user').claims.history.query();
    assert.equal(history.inquiries[0]?.outcome, 'TIMEOUT');
  });
});
