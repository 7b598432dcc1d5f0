import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createPorticoClient,
  TASK_CSV_COLUMNS,
  taskSortColumnSchema,
  taskSortValue,
  type PorticoEvent,
  type TaskRow,
  type TaskSortColumn,
} from '@portico/core';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { seedAccessHubDemo } from '../demo/access-hub-demo.ts';
import { createSealer, parseEncryptionKeys } from '../services/sealer.ts';
import { refusedWith } from '../testing/refusal.ts';
import { startSecondInstance, startTestServer, type TestServer } from '../testing/test-server.ts';
import { organizationId } from '../testing/organization-id.ts';

const MAPLE = 'demo-office';
const HARBOR = 'demo-office-2';

describe('payer portal access hub through the HTTP server and the SDK', () => {
  let app: TestServer;
  let portals: { alpha: string; bravo: string; charlie: string };
  let groups: { first: string; second: string; harbor: string };
  const staff = () => app.clientFor('support');
  const practice = () => app.clientFor('billing-manager');

  const orgId = (externalId: string) => organizationId(app.database.db, externalId);
  const counts = async () => {
    const result = await sql<{ table: string; n: string }>`
      select 'issues' as table, count(*)::text as n from access_issues
      union all select 'tasks', count(*)::text from access_tasks
      union all select 'notes', count(*)::text from access_notes
      union all select 'accounts', count(*)::text from portal_accounts
      union all select 'practice_tasks', count(*)::text from access_tasks where assignee = 'PRACTICE'
      union all select 'unpostables', count(*)::text from affected_unpostables`.execute(app.database.db);
    return Object.fromEntries(result.rows.map((row) => [row.table, Number(row.n)]));
  };

  /** A claims issue on a portal with `tasks` practice tasks. */
  async function claimsIssue(
    portalId: string,
    options: {
      office?: string;
      tasks?: number;
      groups?: string[];
      cents?: number;
      description?: string;
    } = {},
  ) {
    const officeId = options.office ?? MAPLE;
    const issue = await staff().accessHub.reportIssue.mutate({
      officeId,
      portalId,
      blocks: 'CLAIMS',
      description: options.description ?? 'The claims workflow cannot sign in.',
      impact: { count: 3, cents: options.cents ?? 12_345 },
    });
    for (let i = 0; i < (options.tasks ?? 1); i++) {
      await staff().accessHub.assignTask.mutate({
        officeId,
        issueId: issue.id,
        assignee: 'PRACTICE',
        description: `Task ${String(i).padStart(2, '0')}`,
        medicalGroupIds: options.groups ?? [],
      });
    }
    return issue.id;
  }

  before(async () => {
    app = await startTestServer({ now: '2026-11-23T15:00:00Z' });
    const define = (code: string, name: string, coveredPayers: string[]) =>
      staff().accessHub.definePortal.mutate({ code, name, url: `https://${code}.example/`, coveredPayers });
    portals = {
      alpha: (await define('alpha', 'Alpha Portal', ['Alpha Health', 'Medicaid'])).id,
      bravo: (await define('bravo', 'Bravo Portal', ['Bravo Care'])).id,
      charlie: (await define('charlie', 'Charlie Portal', ['Charlie Commercial'])).id,
    };
    const maple = await orgId(MAPLE);
    const harbor = await orgId(HARBOR);
    const insertGroup = async (organizationId: string, name: string, createdAt: string) =>
      (
        await app.database.db
          .insertInto('medical_groups')
          .values({ organization_id: organizationId, name, created_at: createdAt })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    groups = {
      // "Group B" is created first: a task in both groups shows it, although its name sorts second.
      second: await insertGroup(maple, 'Group B', '2026-01-01T00:00:00Z'),
      first: await insertGroup(maple, 'Group A', '2026-02-01T00:00:00Z'),
      harbor: await insertGroup(harbor, 'Harbor Group', '2026-01-01T00:00:00Z'),
    };
  });
  after(async () => {
    await app.close();
  });

  it('groups open issues by portal on the dashboard, needing-attention first, with impact and the attention count', async () => {
    const alphaClaims = await claimsIssue(portals.alpha, { tasks: 2, cents: 10_000 });
    const alphaUnpostables = await staff().accessHub.reportIssue.mutate({
      officeId: MAPLE,
      portalId: portals.alpha,
      blocks: 'UNPOSTABLES',
      description: 'Remittances cannot be posted.',
    });
    await staff().accessHub.attachUnpostables.mutate({
      officeId: MAPLE,
      issueId: alphaUnpostables.id,
      unpostables: [
        { unpostableId: 'U-1', blocked: true, cents: 500_00 },
        { unpostableId: 'U-2', blocked: false, cents: 20_00 },
        { unpostableId: 'U-3', blocked: true, cents: 1_25 },
      ],
    });
    const bravoIssue = await staff().accessHub.reportIssue.mutate({
      officeId: MAPLE,
      portalId: portals.bravo,
      blocks: 'CLAIMS',
      status: 'WITH_PAYER',
      description: 'The payer portal is down.',
      impact: { count: 9, cents: 99_999 },
    });
    assert.equal(bravoIssue.status, 'WITH_PAYER');

    const focused = await practice().accessHub.dashboard.query();
    assert.equal(focused.tasksNeedingAttention, 2);
    assert.deepEqual(
      focused.portals.map((p) => [p.portal.name, p.status, p.issues.map((i) => i.id)]),
      [['Alpha Portal', 'NEEDS_YOUR_ATTENTION', [alphaClaims]]],
    );
    const [alpha] = focused.portals;
    assert.deepEqual(alpha?.issues[0]?.actionNeeded?.kind, 'CLAIMS');
    assert.equal(alpha?.issues[0]?.relatedTasks.length, 2);

    const all = await practice().accessHub.dashboard.query({ needsAttentionOnly: false });
    assert.deepEqual(
      all.portals.map((p) => [p.portal.name, p.status]),
      [
        ['Alpha Portal', 'NEEDS_YOUR_ATTENTION'],
        ['Bravo Portal', 'WITH_PAYER'],
      ],
    );
    const alphaAll = all.portals[0];
    assert.deepEqual(alphaAll?.impact, {
      claims: { count: 3, cents: 10_000 },
      unpostables: { count: 2, cents: 50_125 },
    });
    // The unpostables issue is with the service team: nothing for the practice to do there yet.
    const unpostables = alphaAll?.issues.find((i) => i.id === alphaUnpostables.id);
    assert.equal(unpostables?.status, 'WITH_SERVICE');
    assert.equal(unpostables?.actionNeeded, null);
    assert.deepEqual(all.coveredPayers, ['Alpha Health', 'Bravo Care', 'Medicaid']);

    const medicaid = await practice().accessHub.dashboard.query({
      needsAttentionOnly: false,
      coveredPayer: 'medicaid',
    });
    assert.deepEqual(
      medicaid.portals.map((p) => p.portal.name),
      ['Alpha Portal'],
    );
    const none = await practice().accessHub.dashboard.query({ coveredPayer: 'Bravo Care' });
    assert.deepEqual(none.portals, []);

    // Resolving an issue closes its tasks and takes it off the hub.
    await staff().accessHub.changeIssueStatus.mutate({
      officeId: MAPLE,
      issueId: alphaClaims,
      status: 'RESOLVED',
    });
    const after = await practice().accessHub.dashboard.query({ needsAttentionOnly: false });
    assert.equal(after.tasksNeedingAttention, 0);
    assert.ok(after.portals.every((p) => p.issues.every((i) => i.id !== alphaClaims)));
    for (const id of [alphaUnpostables.id, bravoIssue.id])
      await staff().accessHub.changeIssueStatus.mutate({ officeId: MAPLE, issueId: id, status: 'RESOLVED' });
  });

  describe('tasks', () => {
    let all: TaskRow[];
    before(async () => {
      // 24 tasks over three portals, two groups (one task in both), some without a group, varied impact.
      await claimsIssue(portals.charlie, { tasks: 8, groups: [groups.first], cents: 300 });
      await claimsIssue(portals.alpha, { tasks: 8, groups: [], cents: 100 });
      await claimsIssue(portals.bravo, { tasks: 7, groups: [groups.second], cents: 200 });
      await claimsIssue(portals.bravo, { tasks: 1, groups: [groups.first, groups.second], cents: 200 });
      await claimsIssue(portals.alpha, { office: HARBOR, tasks: 3, groups: [groups.harbor] });
      const page = await practice().accessHub.tasks.query({ limit: 1000 });
      all = page.rows;
      assert.equal(page.total, 24);
      assert.equal(page.nextCursor, null);
    });

    for (const sort of taskSortColumnSchema.options) {
      for (const direction of ['asc', 'desc'] as const) {
        it(`pages by ${sort} ${direction} with a keyset cursor, each task once, in order`, async () => {
          const seen: TaskRow[] = [];
          let after: string | undefined;
          for (let pages = 0; pages < 10; pages++) {
            const page = await practice().accessHub.tasks.query({
              sort,
              direction,
              limit: 7,
              ...(after ? { after } : {}),
            });
            assert.equal(page.total, 24);
            seen.push(...page.rows);
            if (page.nextCursor === null) break;
            after = page.nextCursor;
          }
          assert.equal(seen.length, 24);
          assert.equal(new Set(seen.map((row) => row.id)).size, 24);
          const sign = direction === 'asc' ? 1 : -1;
          for (let i = 1; i < seen.length; i++) {
            const [a, b] = [seen[i - 1], seen[i]];
            assert.ok(a && b);
            const [va, vb] = [taskSortValue(a, sort), taskSortValue(b, sort)];
            const order = va < vb ? -1 : va > vb ? 1 : Math.sign(a.number - b.number);
            assert.equal(
              order,
              -sign,
              `${JSON.stringify(va)} #${a.number} then ${JSON.stringify(vb)} #${b.number}`,
            );
          }
        });
      }
    }

    it('filters by portal and by medical group, showing the earliest created group', async () => {
      const bravo = await practice().accessHub.tasks.query({ portalId: portals.bravo, limit: 100 });
      assert.equal(bravo.total, 8);
      assert.ok(bravo.rows.every((row) => row.portal.name === 'Bravo Portal'));
      const groupA = await practice().accessHub.tasks.query({ medicalGroupId: groups.first, limit: 100 });
      // Eight Charlie tasks, plus the one task in both groups (shown under Group B, created earlier).
      assert.equal(groupA.total, 9);
      const both = groupA.rows.find((row) => row.portal.name === 'Bravo Portal');
      assert.equal(both?.medicalGroup?.name, 'Group B');
      assert.equal(all.filter((row) => row.medicalGroup === null).length, 8);
      const filters = await practice().accessHub.taskFilters.query();
      assert.deepEqual(
        filters.portals.map((p) => p.name),
        ['Alpha Portal', 'Bravo Portal', 'Charlie Portal'],
      );
      assert.deepEqual(
        filters.medicalGroups.map((g) => g.name),
        ['Group A', 'Group B'],
      );
    });

    it('refuses a forged cursor or one made for another order', async () => {
      const first = await practice().accessHub.tasks.query({ sort: 'portal', limit: 5 });
      assert.ok(first.nextCursor);
      await assert.rejects(
        practice().accessHub.tasks.query({ sort: 'number', after: first.nextCursor }),
        refusedWith('BAD_REQUEST', 'after'),
      );
      for (const after of ['not-a-cursor', 'WyJwb3J0YWwiLCJkZXNjIiwxLCJ4Il0', '!!!'])
        await assert.rejects(
          practice().accessHub.tasks.query({ sort: 'portal', after }),
          refusedWith('BAD_REQUEST', 'after'),
        );
    });

    it('downloads the tasks as CSV with the same filters and order, streamed', async () => {
      const response = await practice().files.accessTasks({ sort: 'portal', direction: 'desc' });
      assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
      const rows: string[][] = parse(await response.text());
      assert.deepEqual(rows[0], [...TASK_CSV_COLUMNS]);
      const listed = await practice().accessHub.tasks.query({
        sort: 'portal',
        direction: 'desc',
        limit: 1000,
      });
      assert.deepEqual(
        rows.slice(1).map((row) => Number(row[0])),
        listed.rows.map((row) => row.number),
      );
      const first = rows[1];
      const firstTask = listed.rows[0];
      assert.ok(first && firstTask);
      assert.deepEqual(first.slice(1, 6), [
        'Claims',
        firstTask.portal.name,
        firstTask.portal.url,
        firstTask.medicalGroup?.name ?? '',
        firstTask.description,
      ]);
      assert.equal(first[7], '3.00');

      const filtered = parse(
        await (await practice().files.accessTasks({ medicalGroupId: groups.first })).text(),
      ) as string[][];
      assert.equal(filtered.length, 1 + 9);
      await assert.rejects(
        practice().files.accessTasks({ sort: 'nonsense' as TaskSortColumn }),
        refusedWith('BAD_REQUEST', 'sort'),
      );
      await assert.rejects(app.clientFor('office-user').files.accessTasks(), refusedWith('FORBIDDEN'));
    });
  });

  describe('issue response', () => {
    let taskId: string;
    let issueId: string;
    const PASSWORD = 'Tr0ub4dor&3-unique-9f2c';

    before(async () => {
      const issue = await staff().accessHub.reportIssue.mutate({
        officeId: MAPLE,
        portalId: portals.charlie,
        blocks: 'UNPOSTABLES',
        description: 'The saved password has expired.',
        account: { type: 'PRACTICE_MANAGED', userName: 'maple.billing', tins: ['27-1234567'] },
      });
      issueId = issue.id;
      await staff().accessHub.attachUnpostables.mutate({
        officeId: MAPLE,
        issueId,
        unpostables: [{ unpostableId: 'U-77', blocked: true, cents: 4_200 }],
      });
      const assigned = await staff().accessHub.assignTask.mutate({
        officeId: MAPLE,
        issueId,
        assignee: 'PRACTICE',
        description: 'Reset the password and enter it here.',
        tinsToAdd: ['27-7654321'],
      });
      assert.equal(assigned.status, 'NEEDS_YOUR_ATTENTION');
      taskId = assigned.tasks[0]?.id ?? '';
      await staff().accessHub.addNote.mutate({
        officeId: MAPLE,
        issueId,
        body: 'We tried twice; the portal says expired.',
      });
    });

    it('shows the task with its history, account and affected unpostables, never a password', async () => {
      const task = await practice().accessHub.task.query({ taskId });
      assert.equal(task.canRespond, true);
      assert.deepEqual(task.tinsToAdd, ['27-7654321']);
      assert.deepEqual(task.account, {
        type: 'PRACTICE_MANAGED',
        editable: true,
        userName: 'maple.billing',
        passwordSet: false,
        passwordChangedAt: null,
        tins: ['27-1234567'],
      });
      assert.deepEqual(
        task.history.map((note) => [note.author, note.authorName, note.body]),
        [['SERVICE', 'Avery Chen', 'We tried twice; the portal says expired.']],
      );
      assert.deepEqual(task.affectedUnpostables, [{ unpostableId: 'U-77', blocked: true, cents: 4_200 }]);
    });

    it('refuses bad responses with typed errors and writes nothing', async () => {
      const before = await counts();
      await assert.rejects(
        practice().accessHub.submitResponse.mutate({ taskId, comment: 'x'.repeat(4001) }),
        refusedWith('BAD_REQUEST', 'comment'),
      );
      await assert.rejects(
        practice().accessHub.submitResponse.mutate({ taskId, comment: 'x'.repeat(10 * 1024 * 1024) }),
        (error: unknown) => refusedWith('PAYLOAD_TOO_LARGE')(error) || refusedWith('BAD_REQUEST')(error),
      );
      await assert.rejects(
        practice().accessHub.submitResponse.mutate({ taskId, account: { password: 'line\nbreak' } }),
        refusedWith('BAD_REQUEST', 'account.password'),
      );
      await assert.rejects(
        practice().accessHub.submitResponse.mutate({ taskId, account: {} }),
        refusedWith('BAD_REQUEST', 'account'),
      );
      await assert.rejects(
        practice().accessHub.submitResponse.mutate({ taskId: crypto.randomUUID() }),
        refusedWith('NOT_FOUND', 'taskId'),
      );
      await assert.rejects(
        app.clientFor('office-user').accessHub.submitResponse.mutate({ taskId }),
        refusedWith('FORBIDDEN'),
      );
      await assert.rejects(
        practice().accessHub.reportIssue.mutate({
          officeId: MAPLE,
          portalId: portals.alpha,
          blocks: 'CLAIMS',
          description: 'A practice user cannot report issues.',
        }),
        refusedWith('FORBIDDEN'),
      );
      await assert.rejects(staff().accessHub.dashboard.query(), refusedWith('FORBIDDEN'));
      assert.deepEqual(await counts(), before);
    });

    it('submits a response: sealed password, history note and hand-over in one step; the password is never shown, logged or audited', async () => {
      const responses: string[] = [];
      const capturing = createPorticoClient({
        url: app.url,
        getToken: () => app.tokenFor('billing-manager'),
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          responses.push(await response.clone().text());
          return response;
        },
      });
      app.clock.set('2026-11-24T10:30:00Z');
      const comment = '<script>alert("x")</script> New password set; see ticket #12.';
      const answered = await capturing.accessHub.submitResponse.mutate({
        taskId,
        account: { userName: 'maple.billing2', password: PASSWORD },
        comment,
        assistanceNeeded: true,
      });
      assert.equal(answered.assignee, 'SERVICE');
      assert.equal(answered.canRespond, false);
      assert.equal(answered.assistanceNeeded, true);
      assert.equal(answered.issueStatus, 'WITH_SERVICE');
      assert.deepEqual(answered.account, {
        type: 'PRACTICE_MANAGED',
        editable: true,
        userName: 'maple.billing2',
        passwordSet: true,
        passwordChangedAt: '2026-11-24T10:30:00.000Z',
        tins: ['27-1234567'],
      });
      const note = answered.history.at(-1);
      assert.equal(note?.author, 'PRACTICE');
      assert.equal(note?.authorName, 'Luis Ortega');
      assert.equal(
        note?.body,
        `Response submitted: user name changed, password changed, assistance requested.\n${comment}`,
      );
      await capturing.accessHub.task.query({ taskId });
      await capturing.accessHub.dashboard.query({ needsAttentionOnly: false });

      // Sealed at rest with the configured key, and opens to the password.
      const account = await app.database.db
        .selectFrom('portal_accounts')
        .select(['password_sealed'])
        .where('user_name', '=', 'maple.billing2')
        .executeTakeFirstOrThrow();
      assert.ok(account.password_sealed?.startsWith('v1.test1.'));
      const sealer = createSealer(parseEncryptionKeys(`test1:${Buffer.alloc(32, 7).toString('base64')}`));
      assert.equal(sealer.open(account.password_sealed ?? ''), PASSWORD);

      // Nowhere else: not in any response, log line, audit row, or any other column of any table.
      assert.ok(responses.length >= 3);
      for (const body of responses) assert.ok(!body.includes(PASSWORD), 'a response carried the password');
      assert.ok(!app.logLines.join('\n').includes(PASSWORD), 'the log carried the password');
      const audit = await app.database.db.selectFrom('audit_log').selectAll().execute();
      assert.ok(!JSON.stringify(audit).includes(PASSWORD), 'an audit row carried the password');
      assert.ok(audit.some((row) => row.action === 'portal_account.password.change'));
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(app.database.db);
      for (const { table_name } of tables.rows) {
        const dump = await sql<{
          row: string;
        }>`select t::text as row from ${sql.table(table_name)} t`.execute(app.database.db);
        assert.ok(!dump.rows.some((row) => row.row.includes(PASSWORD)), `${table_name} holds the password`);
      }
    });

    it('refuses a second submission, and lets only one of several concurrent ones through', async () => {
      const before = await counts();
      await assert.rejects(
        practice().accessHub.submitResponse.mutate({ taskId, comment: 'again' }),
        refusedWith('CONFLICT', 'taskId'),
      );
      assert.deepEqual(await counts(), before);

      const reassigned = await staff().accessHub.reassignTask.mutate({
        officeId: MAPLE,
        taskId,
        assignee: 'PRACTICE',
      });
      assert.equal(reassigned.status, 'NEEDS_YOUR_ATTENTION');
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) =>
          practice().accessHub.submitResponse.mutate({ taskId, comment: `attempt ${i}` }),
        ),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      assert.ok(results.every((r) => r.status === 'fulfilled' || refusedWith('CONFLICT')(r.reason)));
      assert.equal((await counts()).notes, (before.notes ?? 0) + 1);
    });

    it('refuses account changes where the account type forbids them, and claims tasks', async () => {
      const issue = await staff().accessHub.reportIssue.mutate({
        officeId: MAPLE,
        portalId: portals.bravo,
        blocks: 'UNPOSTABLES',
        description: 'The service team manages this account.',
        account: { type: 'SERVICE_MANAGED', tins: [] },
      });
      const withTask = await staff().accessHub.assignTask.mutate({
        officeId: MAPLE,
        issueId: issue.id,
        assignee: 'PRACTICE',
        description: 'Confirm the account owner.',
      });
      const serviceTask = withTask.tasks[0]?.id ?? '';
      assert.equal((await practice().accessHub.task.query({ taskId: serviceTask })).account?.editable, false);
      const before = await counts();
      await assert.rejects(
        practice().accessHub.submitResponse.mutate({
          taskId: serviceTask,
          account: { password: 'whatever-1' },
        }),
        refusedWith('ACCOUNT_NOT_EDITABLE', 'account'),
      );
      assert.deepEqual(await counts(), before);
      // A comment alone is still a response.
      const answered = await practice().accessHub.submitResponse.mutate({
        taskId: serviceTask,
        comment: 'Owner is Dr. Reyes.',
      });
      assert.equal(answered.assignee, 'SERVICE');

      const claims = await claimsIssue(portals.alpha, { tasks: 1 });
      const claimsTask = (await staff().accessHub.officeIssues.query({ officeId: MAPLE })).find(
        (i) => i.id === claims,
      )?.tasks[0]?.id;
      assert.ok(claimsTask);
      await assert.rejects(
        practice().accessHub.submitResponse.mutate({ taskId: claimsTask }),
        refusedWith('BAD_REQUEST', 'taskId'),
      );
      await assert.rejects(
        staff().accessHub.attachUnpostables.mutate({
          officeId: MAPLE,
          issueId: claims,
          unpostables: [{ unpostableId: 'U-1', blocked: true, cents: 1 }],
        }),
        refusedWith('BAD_REQUEST', 'issueId'),
      );
    });
  });

  it("keeps each office's issues to itself", async () => {
    const harborIssue = await claimsIssue(portals.charlie, { office: HARBOR, tasks: 1 });
    const harborTask = (await staff().accessHub.officeIssues.query({ officeId: HARBOR })).find(
      (i) => i.id === harborIssue,
    )?.tasks[0]?.id;
    assert.ok(harborTask);
    const maple = practice();
    const dashboard = await maple.accessHub.dashboard.query({ needsAttentionOnly: false });
    assert.ok(dashboard.portals.every((p) => p.issues.every((i) => i.id !== harborIssue)));
    const tasks = await maple.accessHub.tasks.query({ limit: 1000 });
    assert.ok(tasks.rows.every((row) => row.id !== harborTask));
    const before = await counts();
    await assert.rejects(
      maple.accessHub.task.query({ taskId: harborTask }),
      refusedWith('NOT_FOUND', 'taskId'),
    );
    await assert.rejects(
      maple.accessHub.submitResponse.mutate({ taskId: harborTask, account: { password: 'hijack-123' } }),
      refusedWith('NOT_FOUND', 'taskId'),
    );
    // Staff cannot tie one office's issue to another office's medical group, or to an unknown office.
    await assert.rejects(
      staff().accessHub.reportIssue.mutate({
        officeId: MAPLE,
        portalId: portals.alpha,
        medicalGroupId: groups.harbor,
        blocks: 'CLAIMS',
        description: 'Wrong group.',
      }),
      refusedWith('NOT_FOUND', 'medicalGroupId'),
    );
    await assert.rejects(
      staff().accessHub.changeIssueStatus.mutate({
        officeId: MAPLE,
        issueId: harborIssue,
        status: 'RESOLVED',
      }),
      refusedWith('NOT_FOUND', 'issueId'),
    );
    await assert.rejects(
      staff().accessHub.officeIssues.query({ officeId: 'no-such-office' }),
      refusedWith('NOT_FOUND', 'officeId'),
    );
    assert.deepEqual(await counts(), before);
  });

  it('tells an open dashboard when staff change an issue, and no other office', async () => {
    const events: PorticoEvent[] = [];
    let started!: () => void;
    const ready = new Promise<void>((resolve) => (started = resolve));
    const live = practice().events.stream.subscribe(undefined, {
      onData: (event) => events.push(event),
      onStarted: () => started(),
    });
    await ready;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const harborIssue = await claimsIssue(portals.alpha, { office: HARBOR, tasks: 0 });
    const issueId = await claimsIssue(portals.alpha, { tasks: 0 });
    await staff().accessHub.changeIssueStatus.mutate({ officeId: MAPLE, issueId, status: 'WITH_PAYER' });
    const deadline = Date.now() + 5000;
    while (events.length < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    live.unsubscribe();
    assert.deepEqual(
      events.map((event) => [event.topic, event.entityId]),
      [
        ['access_issue.changed', issueId],
        ['access_issue.changed', issueId],
      ],
    );
    assert.ok(events.every((event) => event.entityId !== harborIssue));
  });
});

describe('live access-hub updates across two server instances', () => {
  it('reaches a dashboard open on one instance when staff change an issue on another (PostgreSQL)', async (t) => {
    if (!process.env.DATABASE_URL) {
      t.skip('embedded PGlite serves one process; several instances need PostgreSQL');
      return;
    }
    const first = await startTestServer();
    const second = await startSecondInstance(first);
    try {
      const portal = await first.clientFor('support').accessHub.definePortal.mutate({
        code: 'two-instances',
        name: 'Two Instances Portal',
        url: 'https://two.example/',
        coveredPayers: [],
      });
      const events: PorticoEvent[] = [];
      let started!: () => void;
      const ready = new Promise<void>((resolve) => (started = resolve));
      const live = second.clientFor('billing-manager').events.stream.subscribe(undefined, {
        onData: (event) => events.push(event),
        onStarted: () => started(),
      });
      await ready;
      await new Promise((resolve) => setTimeout(resolve, 100));
      const issue = await first.clientFor('support').accessHub.reportIssue.mutate({
        officeId: MAPLE,
        portalId: portal.id,
        blocks: 'CLAIMS',
        description: 'Reported on the first instance.',
      });
      const deadline = Date.now() + 5000;
      while (events.length === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      live.unsubscribe();
      assert.deepEqual(
        events.map((event) => [event.topic, event.entityId]),
        [['access_issue.changed', issue.id]],
      );
    } finally {
      // The second instance's close ends only its own pool; the first drops the database.
      await second.close();
      await first.close();
    }
  });
});

describe('access-hub demo data', () => {
  it('seeds the demo office once, through the same rules the API uses', async () => {
    const app = await startTestServer();
    try {
      await seedAccessHubDemo(app.database.db, app.clock.now());
      await seedAccessHubDemo(app.database.db, app.clock.now());
      const dashboard = await app.clientFor('billing-manager').accessHub.dashboard.query();
      assert.equal(dashboard.tasksNeedingAttention, 2);
      assert.deepEqual(
        dashboard.portals.map((p) => [p.portal.name, p.issues[0]?.actionNeeded?.kind]),
        [
          ['Bay State Payer Gateway', 'CLAIMS'],
          ['Northwind Provider Connect', 'UNPOSTABLES'],
        ],
      );
      const all = await app
        .clientFor('billing-manager')
        .accessHub.dashboard.query({ needsAttentionOnly: false });
      assert.equal(all.portals.length, 3);
      assert.equal(all.portals[2]?.status, 'WITH_PAYER');
      const tasks = await app.clientFor('billing-manager').accessHub.tasks.query({});
      // The Northwind task is in both groups and shows the earlier created one.
      assert.deepEqual(tasks.rows.map((row) => row.medicalGroup?.name ?? null).sort(), [
        'Maple Street Internal Medicine',
        'Maple Street Pediatrics',
      ]);
    } finally {
      await app.close();
    }
  });
});
