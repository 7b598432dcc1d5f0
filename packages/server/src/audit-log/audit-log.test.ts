import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { organizationId } from '../testing/organization-id.ts';
import { refusedWith } from '../testing/refusal.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

describe('audit log: the security officer’s viewer, paged by keyset, filtered, exported and itself audited', () => {
  let app: TestServer;
  let maple: string;
  let priyaId: string;
  before(async () => {
    app = await startTestServer();
    maple = await organizationId(app.database.db, 'demo-office');
    const priya = await app.database.db
      .selectFrom('users')
      .select('id')
      .where('subject', '=', 'demo-office-user')
      .executeTakeFirstOrThrow();
    priyaId = priya.id;
    // 250 acts by Priya across November (every 2 hours 52 minutes from Nov 1, New York time), and 5 by the system.
    await sql`insert into audit_log (organization_id, at, actor_user_id, action, entity, entity_id, request_id)
      select ${maple}::uuid, timestamptz '2026-11-01 04:00:00+00' + n * interval '172 minutes', ${priyaId}::uuid,
             case when n % 2 = 0 then 'provider.add' else 'access.renew' end, 'provider', 'p-' || n, 'r-' || n
      from generate_series(0, 249) n
      union all
      select ${maple}::uuid, timestamptz '2026-10-15 12:00:00+00' + n * interval '1 day', null, 'access.suspend',
             'membership', 'm-' || n, 'job'
      from generate_series(0, 4) n`.execute(app.database.db);
  });
  after(async () => {
    await app.close();
  });

  const officer = () => app.clientFor('security-officer').auditLog;

  it('pages one user’s month newest first, every entry once, and audits each view', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    const viewsBefore = await views();
    do {
      const page = await officer().page.query({
        filters: { userId: priyaId, from: '2026-11-01', to: '2026-11-30' },
        limit: 40,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.entries.map((e) => e.id));
      for (let i = 1; i < page.entries.length; i++)
        assert.ok((page.entries[i - 1]?.at ?? '') >= (page.entries[i]?.at ?? ''), 'newest first');
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length);
    // Nov 1 00:00 New York is 04:00 UTC; the 250th act falls on Nov 30, so all 250 are in the month.
    assert.equal(seen.length, 250);
    assert.equal(pages, 7);
    assert.equal((await views()) - viewsBefore, 7);
  });

  async function views() {
    const row = await app.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '=', 'audit.view')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('filters by an action prefix, an entity and days in the office’s time zone', async () => {
    const renewals = await officer().page.query({
      filters: { action: 'access.', entity: 'provider' },
      limit: 200,
    });
    assert.equal(renewals.entries.length, 125);
    assert.ok(renewals.entries.every((e) => e.action === 'access.renew'));
    const system = await officer().page.query({ filters: { action: 'access.suspend' }, limit: 10 });
    assert.equal(system.entries.length, 5);
    assert.ok(system.entries.every((e) => e.actor === null));
    // The first act is 2026-11-01 04:00 UTC: midnight in New York, so Oct 31 (New York) holds none of Priya's.
    const oct31 = await officer().page.query({
      filters: { userId: priyaId, from: '2026-10-31', to: '2026-10-31' },
    });
    assert.equal(oct31.entries.length, 0);
    const nov1 = await officer().page.query({
      filters: { userId: priyaId, from: '2026-11-01', to: '2026-11-01' },
    });
    assert.equal(nov1.entries.length, 9);
    assert.equal(nov1.entries.at(-1)?.at, '2026-11-01T04:00:00.000Z');
  });

  it('exports the filtered trail as CSV, streamed, and audits the download', async () => {
    const response = await app
      .clientFor('security-officer')
      .files.auditTrail({ userId: priyaId, action: 'provider.add' });
    assert.equal(response.status, 200);
    const lines = (await response.text()).trim().split(/\r?\n/);
    assert.equal(lines[0], 'At,User,User id,Action,Entity,Entity id,Request id');
    assert.equal(lines.length, 126);
    assert.match(lines[1] ?? '', /,Priya Nair,.*,provider\.add,provider,p-248,r-248$/);
    const downloads = await app.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'audit.download')
      .execute();
    assert.equal(downloads.length, 1);
  });

  it('refuses a forged page link, a reversed span and callers without the permission', async () => {
    await assert.rejects(
      officer().page.query({ cursor: 'bm90LWEtY3Vyc29y' }),
      refusedWith('BAD_REQUEST', 'cursor'),
    );
    await assert.rejects(
      officer().page.query({ filters: { from: '2026-11-02', to: '2026-11-01' } }),
      refusedWith('BAD_REQUEST'),
    );
    for (const user of ['office-user', 'billing-manager', 'user-administrator', 'sales'] as const)
      await assert.rejects(app.clientFor(user).auditLog.page.query({}), refusedWith('FORBIDDEN'));
    await assert.rejects(app.clientFor('office-user').files.auditTrail(), refusedWith('FORBIDDEN'));
  });

  it('shows the payer’s support staff an office’s trail only through their staff permission, and tells the office', async () => {
    const page = await app
      .clientFor('support')
      .auditLog.officePage.query({ officeId: 'demo-office', limit: 5 });
    assert.equal(page.entries.length, 5);
    await assert.rejects(
      app.clientFor('support').auditLog.page.query({}),
      refusedWith('FORBIDDEN'),
      'the staff organization has no trail of its own to read here',
    );
    await assert.rejects(
      app.clientFor('security-officer').auditLog.officePage.query({ officeId: 'demo-office-2' }),
      refusedWith('FORBIDDEN'),
    );
    const told = await app.database.db
      .selectFrom('audit_log')
      .innerJoin('users', 'users.id', 'audit_log.actor_user_id')
      .select('users.subject')
      .where('audit_log.organization_id', '=', maple)
      .where('audit_log.action', '=', 'audit.view')
      .where('users.subject', '=', 'demo-payer-support')
      .execute();
    assert.equal(told.length, 1);
  });
});
