import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EligibilityCheckInput } from '@portico/core';
import { CodeLists, readEligibilityInquiry, readInterchange } from '@portico/core/x12';
import { refusal } from '../testing/refusal.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const fails = refusal;

describe('eligibility: 270/271 through the clearinghouse port to the sandbox payer over HTTP', () => {
  let app: TestServer;
  let riverside: string;
  let mainStreet: string;
  const robert = (overrides: Partial<EligibilityCheckInput> = {}): EligibilityCheckInput => ({
    memberId: 'PSB10001',
    firstName: 'Robert',
    lastName: 'Smith',
    dateOfBirth: '1963-05-19',
    providerNpi: '1234567893',
    siteId: riverside,
    ...overrides,
  });
  // Each check a second after the last, so the history's newest-first order is the order they were made.
  const check = (
    input: EligibilityCheckInput,
    user: Parameters<TestServer['clientFor']>[0] = 'office-user',
  ) => {
    app.clock.set(new Date(app.clock.now().getTime() + 1000));
    return app.clientFor(user).eligibility.check.mutate(input);
  };
  const countChecks = async () =>
    Number(
      (
        await app.database.db
          .selectFrom('eligibility_checks')
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
    mainStreet = me.sites.find((site) => site.name === 'Main Street clinic')?.id ?? '';
  });
  after(async () => {
    await app.close();
  });

  it('answers an active HMO member: plan, PCP, and the CORE base set grouped by service type and network', async () => {
    const result = await check(robert());
    const { summary } = result;
    assert.equal(summary.plan.status, 'ACTIVE');
    assert.equal(summary.plan.description, 'Gold HMO 1500');
    assert.deepEqual(summary.plan.insuranceType, {
      code: 'HM',
      label: 'Health Maintenance Organization (HMO)',
    });
    assert.equal(summary.plan.coverageBegins, '2026-01-01');
    assert.deepEqual(summary.primaryCareProvider, { name: 'MARCUS JONES', npi: '1003000126' });
    assert.equal(summary.member.groupNumber, 'GRP-4410');
    assert.deepEqual(
      summary.benefits.map((b) => b.serviceType.code),
      ['30', '1', '33', '47', '86', '88', '98', 'AL', 'MH', 'UC', '35'],
    );
    const office = summary.benefits.find((b) => b.serviceType.code === '98');
    assert.equal(office?.serviceType.label, 'Professional (Physician) Visit - Office');
    assert.equal(office?.coverage, 'ACTIVE');
    assert.deepEqual(office?.inNetwork.deductible.individual, { baseCents: 150_000, remainingCents: 65_000 });
    assert.deepEqual(office?.inNetwork.outOfPocket.family, { baseCents: 900_000, remainingCents: 690_000 });
    assert.equal(office?.inNetwork.copayCents, 2_500);
    assert.equal(office?.inNetwork.coinsuranceBasisPoints, 2_000);
    assert.equal(office?.outOfNetwork.copayCents, null, 'an HMO covers nothing out of network');
    assert.equal(summary.benefits.find((b) => b.serviceType.code === '35')?.coverage, 'NOT_COVERED');
    assert.equal(
      summary.benefits.find((b) => b.serviceType.code === 'MH')?.inNetwork.authorizationRequired,
      true,
    );
    // Pinned at 15:00 UTC: the payer's last refresh was 12:00 UTC.
    assert.equal(result.asOf, '2026-11-23T12:00:00.000Z');
    assert.equal(result.dateOfService, '2026-11-23');
    assert.deepEqual(result.serviceTypes, [{ code: '30', label: 'Health Benefit Plan Coverage' }]);
    assert.match(result.x12.response, /^ISA\*/);
    assert.equal(result.codeListVersions['service-types'], '005010X279A1');
    // The 270 that went out passes its own guide.
    const sent = readInterchange(result.x12.request);
    const transaction = sent.interchanges[0]?.groups[0]?.transactions[0];
    assert.ok(transaction && sent.delimiters);
    const lists = new CodeLists();
    assert.deepEqual(
      readEligibilityInquiry(transaction, sent.delimiters, (l, c) => lists.has(l, c)).diagnostics,
      [],
    );
  });

  it('groups a PPO by network and answers only the service types asked', async () => {
    const result = await check({
      memberId: 'psb10002',
      firstName: 'Maria',
      lastName: 'garcia',
      dateOfBirth: '1988-11-02',
      providerNpi: '1234567893',
      siteId: riverside,
      serviceTypes: ['98', 'UC'],
    });
    assert.deepEqual(
      result.summary.benefits.map((b) => b.serviceType.code),
      ['98', 'UC'],
    );
    const visit = result.summary.benefits[0];
    assert.equal(visit?.inNetwork.copayCents, 2_000);
    assert.equal(visit?.inNetwork.deductible.individual.remainingCents, 0);
    assert.deepEqual(visit?.outOfNetwork.deductible.individual, {
      baseCents: 150_000,
      remainingCents: 150_000,
    });
    assert.equal(visit?.outOfNetwork.coinsuranceBasisPoints, 4_000);
    assert.equal(result.summary.plan.status, 'ACTIVE');
    assert.equal(result.summary.plan.coverageEnds, '2026-12-31');
    assert.equal(result.summary.primaryCareProvider, null);
  });

  it('reports a plan that ended as inactive', async () => {
    const result = await check({
      memberId: 'PSB10003',
      firstName: 'James',
      lastName: 'Lee',
      dateOfBirth: '1975-03-14',
      providerNpi: '1234567893',
      siteId: mainStreet,
    });
    assert.equal(result.summary.plan.status, 'INACTIVE');
    assert.equal(result.summary.plan.coverageEnds, '2025-12-31');
  });

  it("gives the payer's rejections as typed errors with its words and the field to correct, and keeps each check", async () => {
    const before = await countChecks();
    await assert.rejects(
      check(robert({ memberId: 'PSB77777' })),
      fails(
        'PAYER_REJECTED',
        'memberId',
        /Subscriber\/Insured Not Found \(75\)\. Please Correct and Resubmit/,
      ),
    );
    await assert.rejects(
      check(robert({ dateOfBirth: '1963-05-20' })),
      fails('PAYER_REJECTED', 'dateOfBirth', /Birth Date Does Not Match/),
    );
    await assert.rejects(
      check(robert({ lastName: 'Smyth' })),
      fails('PAYER_REJECTED', 'lastName', /Subscriber\/Insured Name/),
    );
    await assert.rejects(
      check(robert({ memberId: 'PSB90050' })),
      fails('PAYER_REJECTED', 'providerNpi', /Provider Ineligible for Inquiries/),
    );
    await assert.rejects(
      check(robert({ memberId: 'PSB90042' })),
      fails('PAYER_UNAVAILABLE', null, /Unable to Respond at Current Time/),
    );
    assert.equal(await countChecks(), before + 5);
    const history = await app.clientFor('office-user').eligibility.history.query();
    assert.deepEqual(
      history.checks.slice(0, 5).map((c) => c.outcome),
      ['UNAVAILABLE', 'REJECTED', 'REJECTED', 'REJECTED', 'REJECTED'],
    );
    assert.equal(history.checks[1]?.problem?.includes('Provider Ineligible'), true);
    assert.equal(history.checks[0]?.hasResult, false);
  });

  it('refuses bad input before anything is sent or kept', async () => {
    const before = await countChecks();
    await assert.rejects(check(robert({ lastName: 'Smith~IEA*1' })), fails('BAD_REQUEST', 'lastName'));
    await assert.rejects(check(robert({ memberId: 'A' })), fails('BAD_REQUEST', 'memberId'));
    await assert.rejects(check(robert({ serviceTypes: ['ZZ'] })), fails('BAD_REQUEST', 'serviceTypes[0]'));
    await assert.rejects(check(robert({ providerNpi: '1234567890' })), fails('BAD_REQUEST', 'providerNpi'));
    await assert.rejects(
      check(robert({ providerNpi: '1245319599' })),
      fails('NOT_FOUND', 'providerNpi', /not on your office's provider list/),
    );
    await assert.rejects(check(robert({ siteId: undefined })), fails('BAD_REQUEST', 'siteId'));
    await assert.rejects(
      check(robert({ siteId: '00000000-0000-4000-8000-000000000000' })),
      fails('NOT_FOUND', 'siteId'),
    );
    await assert.rejects(check(robert(), 'user-administrator'), fails('FORBIDDEN'));
    // Another office's user, naming this office's site: not one of theirs.
    await assert.rejects(check(robert(), 'other-office-admin'), fails('NOT_FOUND', 'siteId'));
    assert.equal(await countChecks(), before);
  });

  it("keeps member data to the caller's sites and office, and audits every read without member data", async () => {
    const answered = await check(robert({ siteId: mainStreet }));
    // Grace Kim works at Riverside only; given office-user rights she sees Riverside's checks and no other.
    const grace = (await app.clientFor('security-officer').users.list.query({})).members.find(
      (m) => m.displayName === 'Grace Kim',
    );
    assert.ok(grace);
    await app
      .clientFor('security-officer')
      .users.setRoles.mutate({ userId: grace.userId, roles: ['USER_ADMINISTRATOR', 'OFFICE_USER'] });
    const graceHistory = await app.clientFor('user-administrator').eligibility.history.query();
    assert.ok(graceHistory.checks.length > 0);
    assert.ok(graceHistory.checks.every((c) => c.siteName === 'Riverside clinic'));
    await assert.rejects(
      app.clientFor('user-administrator').eligibility.get.query({ checkId: answered.checkId }),
      fails('NOT_FOUND', 'checkId'),
    );
    const again = await app.clientFor('office-user').eligibility.get.query({ checkId: answered.checkId });
    assert.deepEqual(again.summary, answered.summary);
    assert.equal(again.x12.response, answered.x12.response);
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'entity'])
      .where('entity', '=', 'eligibility_check')
      .execute();
    assert.ok(audit.some((row) => row.action === 'eligibility.check' && row.entity_id === answered.checkId));
    assert.ok(audit.some((row) => row.action === 'eligibility.view' && row.entity_id === answered.checkId));
    assert.ok(audit.some((row) => row.action === 'eligibility.history'));
    const log = app.logLines.join('');
    for (const secret of ['PSB10001', 'SMITH', 'Smith', '19630519', '1963-05-19']) {
      assert.equal(log.includes(secret), false, `the log holds ${secret}`);
      assert.equal(JSON.stringify(audit).includes(secret), false);
    }
    assert.match(log, /"transaction":"270".*"controlNumber":\d+/);
  });

  it('draws a fresh control number for every interchange', async () => {
    const rows = await app.database.db.selectFrom('eligibility_checks').select('control_number').execute();
    assert.equal(new Set(rows.map((r) => r.control_number)).size, rows.length);
  });

  it('reports the share of a month answered within 20 seconds', async () => {
    const report = await app.clientFor('office-user').eligibility.timeliness.query({ month: '2026-11' });
    assert.equal(report.total, await countChecks());
    assert.equal(report.withinLimit, report.total);
    assert.equal(report.shareBasisPoints, 10_000);
    const empty = await app.clientFor('office-user').eligibility.timeliness.query({ month: '2026-10' });
    assert.deepEqual(empty, {
      month: '2026-10',
      total: 0,
      withinLimit: 0,
      shareBasisPoints: null,
      limitSeconds: 20,
    });
  });
});

describe('eligibility: a payer that does not answer in time', () => {
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

  it('returns TIMEOUT at the configured limit, keeps the check, and counts it as late', async () => {
    const me = await app.clientFor('office-user').organizations.me.query();
    const started = Date.now();
    await assert.rejects(
      app.clientFor('office-user').eligibility.check.mutate({
        memberId: 'PSB90099',
        firstName: 'Sam',
        lastName: 'Slow',
        dateOfBirth: '1990-01-01',
        providerNpi: '1234567893',
        siteId: me.sites[0]?.id,
      }),
      fails('TIMEOUT', null, /did not answer in time/),
    );
    assert.ok(
      Date.now() - started < 4_000,
      'the caller is answered at the limit, not when the payer finally answers',
    );
    const history = await app.clientFor('office-user').eligibility.history.query();
    assert.equal(history.checks[0]?.outcome, 'TIMEOUT');
    const report = await app.clientFor('office-user').eligibility.timeliness.query({ month: '2026-11' });
    assert.deepEqual([report.total, report.withinLimit, report.shareBasisPoints], [1, 0, 0]);
  });
});
