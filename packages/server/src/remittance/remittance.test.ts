import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EftEnrollmentInput } from '@portico/core';
import { elementOf, readInterchange, type RemittanceAdvice } from '@portico/core/x12';
import { PDFDocument } from 'pdf-lib';
import { sandboxRemittances } from '../sandbox-payer/remittances.ts';
import { payerInterchange } from '../testing/payer-interchange.ts';
import { refusal } from '../testing/refusal.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { retrieveRemittances } from './retrieval.ts';

const fails = refusal;

const NPI = '1234567893';
const ACCOUNT = '000123456789';

const interchangeOf = (advices: RemittanceAdvice[], controlNumber = 7001) =>
  payerInterchange(advices, controlNumber, new Date('2026-11-23T15:00:00Z'));

describe('remittance: EFT/ERA enrollment, 835s retrieved and posted, the EOP', () => {
  let app: TestServer;
  let riverside: string;
  const enrollment = (overrides: Partial<EftEnrollmentInput> = {}): EftEnrollmentInput => ({
    payeeNpi: NPI,
    siteId: riverside,
    accountHolder: 'Maple Street Family Practice',
    routingNumber: '011000015',
    accountNumber: ACCOUNT,
    accountType: 'CHECKING',
    ...overrides,
  });
  const retrieve = () => retrieveRemittances(app.server.services);
  const count = async (table: 'remittances' | 'remittance_claims') =>
    Number(
      (
        await app.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    app = await startTestServer();
    await app
      .clientFor('billing-manager')
      .providers.add.mutate({ npi: NPI, firstName: 'Ada', lastName: 'Quinn', tin: '12-3456789' });
    const me = await app.clientFor('office-user').organizations.me.query();
    riverside = me.sites.find((site) => site.name === 'Riverside clinic')?.id ?? '';
  });
  after(async () => {
    await app.close();
  });

  it('enrolls a payee NPI with its account sealed, shown by its last four digits, PENDING until verified', async () => {
    const result = await app.clientFor('billing-manager').remittance.enroll.mutate(enrollment());
    const [enrolled] = result.enrollments;
    assert.equal(enrolled?.status, 'PENDING');
    assert.equal(enrolled?.accountLast4, '6789');
    assert.equal(enrolled?.payeeName, 'Ada Quinn');
    assert.equal(enrolled?.siteName, 'Riverside clinic');
    assert.equal(result.paperless, false);
    assert.ok(!JSON.stringify(result).includes(ACCOUNT));
    const row = await app.database.db.selectFrom('eft_enrollments').selectAll().executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(row).includes(ACCOUNT), 'the account number is sealed at rest');
    assert.equal(app.server.services.sealer.open(row.account_number_sealed), ACCOUNT);
    assert.ok(!app.logLines.join('').includes(ACCOUNT));
  });

  it('refuses a bad routing number, an NPI not on the list, another site and a user without the permission', async () => {
    const client = app.clientFor('billing-manager');
    await assert.rejects(
      client.remittance.enroll.mutate(enrollment({ routingNumber: '011000016' })),
      fails('BAD_REQUEST', 'routingNumber', /check digit/),
    );
    await assert.rejects(
      client.remittance.enroll.mutate(enrollment({ routingNumber: '991000015' })),
      fails('BAD_REQUEST', 'routingNumber'),
    );
    await assert.rejects(
      client.remittance.enroll.mutate(enrollment({ accountNumber: '12a4' })),
      fails('BAD_REQUEST', 'accountNumber'),
    );
    await assert.rejects(
      client.remittance.enroll.mutate(enrollment({ payeeNpi: '1245319599' })),
      fails('NOT_FOUND', 'payeeNpi'),
    );
    const harbor = await app.clientFor('other-office-admin').organizations.me.query();
    await assert.rejects(
      client.remittance.enroll.mutate(enrollment({ siteId: harbor.sites[0]?.id ?? '' })),
      fails('NOT_FOUND', 'siteId'),
    );
    await assert.rejects(
      app.clientFor('office-user').remittance.enroll.mutate(enrollment()),
      fails('FORBIDDEN'),
    );
    const { enrollments } = await client.remittance.enrollments.query();
    assert.equal(enrollments.length, 1);
    assert.equal(enrollments[0]?.routingNumber, '011000015');
  });

  it('retrieves nothing before the payer verifies the account; after, the office is paperless', async () => {
    assert.deepEqual(await retrieve(), { enrollments: 0, loaded: 0, duplicates: 0, rejected: 0, failed: 0 });
    const { enrollments } = await app.clientFor('billing-manager').remittance.enrollments.query();
    const enrollmentId = enrollments[0]?.enrollmentId ?? '';
    await assert.rejects(
      app.clientFor('billing-manager').remittance.decideEnrollment.mutate({
        officeId: 'demo-office',
        enrollmentId,
        decision: 'ACTIVE',
      }),
      fails('FORBIDDEN'),
    );
    await assert.rejects(
      app.clientFor('support').remittance.decideEnrollment.mutate({
        officeId: 'demo-office',
        enrollmentId,
        decision: 'REJECTED',
      }),
      fails('BAD_REQUEST', 'reason'),
    );
    const decided = await app.clientFor('support').remittance.decideEnrollment.mutate({
      officeId: 'demo-office',
      enrollmentId,
      decision: 'ACTIVE',
    });
    assert.equal(decided.enrollments[0]?.status, 'ACTIVE');
    assert.equal(decided.paperless, true);
    await assert.rejects(
      app.clientFor('support').remittance.decideEnrollment.mutate({
        officeId: 'demo-office',
        enrollmentId,
        decision: 'ACTIVE',
      }),
      fails('CONFLICT', 'enrollmentId', /already active/),
    );
  });

  it('retrieves the payee’s 835s through the clearinghouse over HTTP, once however often and however many run', async () => {
    const first = await retrieve();
    assert.deepEqual(first, { enrollments: 1, loaded: 3, duplicates: 0, rejected: 0, failed: 0 });
    const [again, concurrent] = await Promise.all([retrieve(), retrieve()]);
    assert.equal(again.loaded + concurrent.loaded, 0);
    assert.equal(again.duplicates, 3);
    assert.equal(await count('remittances'), 3);
    assert.equal(await count('remittance_claims'), 3);
  });

  it('lists the payments newest first with filters and keyset paging', async () => {
    const client = app.clientFor('office-user');
    const all = await client.remittance.list.query();
    assert.deepEqual(
      all.remittances.map((r) => [r.paymentDate, r.traceNumber, r.method.code, r.paymentCents]),
      [
        ['2026-11-20', '0004552100', 'CHK', 8_500],
        ['2026-11-14', 'NOPAY2611004', 'NON', 0],
        ['2026-02-24', 'NOPAY2602006', 'NON', 0],
      ],
    );
    assert.equal(all.remittances[0]?.method.label, 'Check');
    assert.equal(all.remittances[0]?.payee.name, 'Ada Quinn');
    assert.equal(all.remittances[0]?.siteName, 'Riverside clinic');
    assert.equal(all.remittances[0]?.source, 'CLEARINGHOUSE');
    const traces = async (input: Parameters<typeof client.remittance.list.query>[0]) =>
      (await client.remittance.list.query(input)).remittances.map((r) => r.traceNumber);
    assert.deepEqual(await traces({ method: 'NON' }), ['NOPAY2611004', 'NOPAY2602006']);
    assert.deepEqual(await traces({ paidFrom: '2026-11-01', paidTo: '2026-11-15' }), ['NOPAY2611004']);
    assert.deepEqual(await traces({ search: 'psbc2611004' }), ['NOPAY2611004']);
    assert.deepEqual(await traces({ search: 'SC-0206' }), ['NOPAY2602006']);
    assert.deepEqual(await traces({ search: 'psb10001' }), ['0004552100']);
    assert.deepEqual(await traces({ search: '0004552100' }), ['0004552100']);
    assert.deepEqual(await traces({ search: 'nobody' }), []);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.remittance.list.query({ limit: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...page.remittances.map((r) => r.traceNumber));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(seen, ['0004552100', 'NOPAY2611004', 'NOPAY2602006']);
    await assert.rejects(
      client.remittance.list.query({ cursor: Buffer.from('["2026-13-40","x"]').toString('base64url') }),
      fails('BAD_REQUEST', 'cursor', /no longer valid/),
    );
    await assert.rejects(
      client.remittance.list.query({ paidFrom: '2026-11-02', paidTo: '2026-11-01' }),
      fails('BAD_REQUEST', 'paidTo'),
    );
  });

  it('shows the explanation of payment in cents with codes beside labels, and it balances', async () => {
    const client = app.clientFor('office-user');
    const [check] = (await client.remittance.list.query()).remittances;
    const detail = await client.remittance.get.query({ remittanceId: check?.remittanceId ?? '' });
    const [claim] = detail.claims;
    assert.equal(claim?.payerClaimNumber, 'PSBC2611001');
    assert.equal(claim?.patient.lastName, 'SMITH');
    assert.deepEqual(
      [claim?.chargedCents, claim?.paidCents, claim?.patientResponsibilityCents],
      [18_550, 10_000, 2_000],
    );
    assert.equal(claim?.status.label, 'Processed as Primary');
    const [office, lab] = claim?.lines ?? [];
    assert.deepEqual(
      office?.adjustments.map((a) => [a.group.code, a.group.label, a.reason.code, a.amountCents]),
      [
        ['CO', 'Contractual Obligations', '45', 3_000],
        ['PR', 'Patient Responsibility', '2', 2_000],
      ],
    );
    assert.equal(office?.allowedCents, 12_000);
    assert.equal(lab?.remarks[0]?.code, 'N54');
    assert.match(lab?.adjustments[0]?.reason.label ?? '', /authorization/i);
    assert.deepEqual(
      detail.providerAdjustments.map((p) => [p.reason.code, p.reason.label, p.reference, p.amountCents]),
      [['WO', 'Overpayment Recovery', 'PSBC2609100', 1_500]],
    );
    const claimsPaid = detail.claims.reduce((sum, c) => sum + c.paidCents, 0);
    const recovered = detail.providerAdjustments.reduce((sum, p) => sum + p.amountCents, 0);
    assert.equal(detail.paymentCents, claimsPaid - recovered);
    const audited = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'remittance.view')
      .execute();
    assert.deepEqual(audited, [{ action: 'remittance.view', entity_id: check?.remittanceId }]);
    const everyAuditRow = JSON.stringify(await app.database.db.selectFrom('audit_log').selectAll().execute());
    assert.ok(!everyAuditRow.includes('SMITH') && !everyAuditRow.includes('PSB10001'));
    assert.ok(!app.logLines.join('').includes('SMITH'));
  });

  it('downloads the EOP as a PDF, audited', async () => {
    const client = app.clientFor('office-user');
    const [check] = (await client.remittance.list.query()).remittances;
    const pdf = await client.remittance.eopPdf.query({ remittanceId: check?.remittanceId ?? '' });
    assert.equal(pdf.fileName, 'EOP-2026-11-20-0004552100.pdf');
    const bytes = Buffer.from(pdf.base64, 'base64');
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const document = await PDFDocument.load(bytes);
    assert.equal(document.getTitle(), 'Explanation of payment 0004552100');
    assert.equal(document.getPageCount(), 1);
    const rows = await app.database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'remittance.eop')
      .execute();
    assert.equal(rows.length, 1);
  });

  it("keeps remittances to their site's users and their office", async () => {
    const client = app.clientFor('office-user');
    const [check] = (await client.remittance.list.query()).remittances;
    const remittanceId = check?.remittanceId ?? '';
    await assert.rejects(
      app.clientFor('other-office-admin').remittance.get.query({ remittanceId }),
      fails('NOT_FOUND'),
    );
    assert.equal((await app.clientFor('other-office-admin').remittance.list.query()).remittances.length, 0);
    await assert.rejects(app.clientFor('user-administrator').remittance.list.query(), fails('FORBIDDEN'));
    // Priya works at both sites; taken off Riverside, she no longer sees what is paid to it.
    const user = await app.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'priya.nair@maplestreet.example')
      .executeTakeFirstOrThrow();
    const removed = await app.database.db
      .deleteFrom('membership_sites')
      .where('user_id', '=', user.id)
      .where('site_id', '=', riverside)
      .returningAll()
      .execute();
    try {
      assert.equal((await client.remittance.list.query()).remittances.length, 0);
      await assert.rejects(client.remittance.get.query({ remittanceId }), fails('NOT_FOUND'));
      await assert.rejects(client.remittance.eopPdf.query({ remittanceId }), fails('NOT_FOUND'));
    } finally {
      await app.database.db.insertInto('membership_sites').values(removed).execute();
    }
  });

  it('takes 835s a payer system posts: balanced ones once, the others reported and not loaded', async () => {
    const support = app.clientFor('support');
    const [template] = sandboxRemittances({ npi: NPI, payerId: 'NORTHWIND' });
    assert.ok(template);
    const fresh: RemittanceAdvice = { ...template, trace: { ...template.trace, number: 'EFT2611230001' } };
    const unbalanced: RemittanceAdvice = {
      ...template,
      trace: { ...template.trace, number: 'EFT2611230002' },
      payment: { ...template.payment, amount: '90' },
    };
    const stranger: RemittanceAdvice = {
      ...template,
      trace: { ...template.trace, number: 'EFT2611230003' },
      payee: { ...template.payee, id: '1245319599' },
    };
    const claim = template.groups[0]?.claims[0] ?? assert.fail('a claim');
    const badCode: RemittanceAdvice = {
      ...template,
      trace: { ...template.trace, number: 'EFT2611230005' },
      groups: [{ number: '1', claims: [{ ...claim, status: '99' }] }],
    };
    const before = await count('remittances');
    const result = await support.remittance.post.mutate({
      officeId: 'demo-office',
      x12: interchangeOf([fresh, unbalanced, stranger, badCode]),
    });
    assert.deepEqual(
      result.loaded.map((r) => [r.traceNumber, r.claimCount]),
      [['EFT2611230001', 1]],
    );
    assert.deepEqual(
      result.rejected.map((r) => r.traceNumber),
      ['EFT2611230002', 'EFT2611230003', 'EFT2611230005'],
    );
    assert.match(result.rejected[0]?.problems[0] ?? '', /payment is not what the claims pay/);
    assert.match(
      result.rejected[1]?.problems[0] ?? '',
      /no active EFT\/ERA enrollment for payee NPI 1245319599/,
    );
    assert.equal(await count('remittances'), before + 1);
    const replay = await support.remittance.post.mutate({
      officeId: 'demo-office',
      x12: interchangeOf([fresh], 7002),
    });
    assert.deepEqual(
      replay.duplicates.map((r) => r.remittanceId),
      [result.loaded[0]?.remittanceId],
    );
    // The payer's system hears back in X12: a 999 accepting the three sets that pass their guide (balance is not
    // syntax) and rejecting the fourth at its CLP.
    const ack = readInterchange(result.acknowledgement ?? '');
    assert.deepEqual(ack.diagnostics, []);
    const ack999 = ack.interchanges[0]?.groups[0]?.transactions[0];
    assert.equal(ack999?.id, '999');
    assert.deepEqual(
      ack999?.segments.filter((s) => s.id === 'AK9').map((s) => [1, 2, 3, 4].map((at) => elementOf(s, at))),
      [['P', '4', '4', '3']],
    );
    assert.deepEqual(
      ack999?.segments.filter((s) => s.id === 'IK5').map((s) => elementOf(s, 1)),
      ['A', 'A', 'A', 'R'],
    );
    assert.ok(ack999?.segments.some((s) => s.id === 'IK3' && elementOf(s, 1) === 'CLP'));
    const garbage = await support.remittance.post.mutate({ officeId: 'demo-office', x12: 'not X12 at all' });
    assert.equal(garbage.loaded.length + garbage.duplicates.length, 0);
    assert.equal(garbage.rejected.length, 1);
    assert.equal(garbage.acknowledgement, null);
    // A trailer that does not match its header: the envelope is refused with a TA1, and nothing is loaded.
    const cutOff = interchangeOf(
      [{ ...fresh, trace: { ...fresh.trace, number: 'EFT2611230004' } }],
      7004,
    ).replace(/IEA\*1\*000007004~/, 'IEA*1*000007005~');
    const refused = await support.remittance.post.mutate({ officeId: 'demo-office', x12: cutOff });
    assert.equal(refused.loaded.length, 0);
    const ta1 = readInterchange(refused.acknowledgement ?? '').interchanges[0]?.ta1[0];
    assert.ok(ta1);
    assert.deepEqual(
      [1, 4, 5].map((at) => elementOf(ta1, at)),
      ['000007004', 'R', '001'],
    );
    await assert.rejects(
      app
        .clientFor('office-user')
        .remittance.post.mutate({ officeId: 'demo-office', x12: interchangeOf([fresh]) }),
      fails('FORBIDDEN'),
    );
    const posted = await app.clientFor('office-user').remittance.list.query({ search: 'EFT2611230001' });
    assert.equal(posted.remittances[0]?.source, 'PAYER_SYSTEM');
  });

  it('spreads a long EOP over pages', async () => {
    const [template] = sandboxRemittances({ npi: NPI, payerId: 'NORTHWIND' });
    assert.ok(template);
    const claims = Array.from({ length: 40 }, (_, index) => ({
      ...(template.groups[0]?.claims[0] ?? assert.fail('a claim')),
      patientControlNumber: `SC-9${String(index).padStart(3, '0')}`,
    }));
    const many: RemittanceAdvice = {
      ...template,
      trace: { ...template.trace, number: 'EFT2611230009' },
      payment: { ...template.payment, amount: '4000' },
      groups: [{ number: '1', claims }],
      providerAdjustments: [],
    };
    const result = await app
      .clientFor('support')
      .remittance.post.mutate({ officeId: 'demo-office', x12: interchangeOf([many], 7003) });
    const remittanceId = result.loaded[0]?.remittanceId ?? assert.fail(JSON.stringify(result));
    const pdf = await app.clientFor('office-user').remittance.eopPdf.query({ remittanceId });
    const document = await PDFDocument.load(Buffer.from(pdf.base64, 'base64'));
    assert.ok(document.getPageCount() >= 3, `pages: ${document.getPageCount()}`);
  });
});
