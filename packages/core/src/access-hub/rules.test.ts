import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  actionNeeded,
  canRespondToTask,
  mostUrgentStatus,
  orderPortalIssues,
  portalBlockedCents,
  statusAfterTaskChange,
} from './rules.ts';
import type { AccessIssueStatus, AccessTaskSummary, PortalIssues } from './schemas.ts';

describe('access hub rules', () => {
  it('puts the practice first, then the service team, then the payer', () => {
    assert.equal(mostUrgentStatus(['WITH_PAYER', 'WITH_SERVICE']), 'WITH_SERVICE');
    assert.equal(
      mostUrgentStatus(['WITH_PAYER', 'NEEDS_YOUR_ATTENTION', 'WITH_SERVICE']),
      'NEEDS_YOUR_ATTENTION',
    );
    assert.equal(mostUrgentStatus([]), 'RESOLVED');
  });

  it('moves an issue to the practice while it has practice tasks, and to the service team after', () => {
    assert.equal(statusAfterTaskChange('WITH_SERVICE', 1), 'NEEDS_YOUR_ATTENTION');
    assert.equal(statusAfterTaskChange('WITH_PAYER', 2), 'NEEDS_YOUR_ATTENTION');
    assert.equal(statusAfterTaskChange('NEEDS_YOUR_ATTENTION', 0), 'WITH_SERVICE');
    assert.equal(statusAfterTaskChange('WITH_PAYER', 0), 'WITH_PAYER');
    assert.equal(statusAfterTaskChange('RESOLVED', 3), 'RESOLVED');
  });

  const summary = (over: Partial<AccessTaskSummary>): AccessTaskSummary => ({
    id: `00000000-0000-4000-8000-${String(over.number ?? 1).padStart(12, '0')}`,
    number: 1,
    kind: 'UNPOSTABLES',
    assignee: 'PRACTICE',
    description: 'Fix the account',
    createdAt: '2026-11-23T15:00:00.000Z',
    closed: false,
    ...over,
  });

  it('asks the practice for its open claims tasks first, else its first open unpostables task', () => {
    const claims = summary({ number: 7, kind: 'CLAIMS' });
    const unpostables = summary({ number: 3 });
    assert.deepEqual(actionNeeded([unpostables, claims]), {
      kind: 'CLAIMS',
      taskIds: [claims.id],
      taskNumbers: [7],
    });
    assert.deepEqual(actionNeeded([summary({ number: 2, closed: true }), unpostables]), {
      kind: 'UNPOSTABLES',
      taskId: unpostables.id,
      taskNumber: 3,
    });
    assert.equal(actionNeeded([summary({ assignee: 'SERVICE' }), summary({ closed: true })]), null);
  });

  it('lets the practice answer only its open unpostables tasks', () => {
    assert.equal(canRespondToTask(summary({})), true);
    assert.equal(canRespondToTask(summary({ kind: 'CLAIMS' })), false);
    assert.equal(canRespondToTask(summary({ assignee: 'SERVICE' })), false);
    assert.equal(canRespondToTask(summary({ closed: true })), false);
  });

  it('orders portals by their most urgent issue, then by dollars blocked, then by name', () => {
    const portal = (name: string, statuses: AccessIssueStatus[], cents: number): PortalIssues => ({
      portal: { id: `id-${name}`, code: name, name, url: 'https://portal.example/', coveredPayers: [] },
      status: 'RESOLVED',
      impact: { claims: { count: 1, cents }, unpostables: { count: 0, cents: 0 } },
      issues: statuses.map((status, index) => ({
        id: `${name}-${index}`,
        blocks: 'CLAIMS',
        status,
        description: name,
        impact: { count: 1, cents: 0 },
        medicalGroup: null,
        createdAt: '2026-11-23T15:00:00.000Z',
        updatedAt: '2026-11-23T15:00:00.000Z',
        relatedTasks: [],
        actionNeeded: null,
      })),
    });
    const ordered = orderPortalIssues([
      portal('Cedar', ['WITH_PAYER'], 900),
      portal('Birch', ['WITH_PAYER', 'NEEDS_YOUR_ATTENTION'], 10),
      portal('Aspen', ['WITH_PAYER'], 900),
      portal('Dogwood', ['WITH_SERVICE'], 1),
    ]);
    assert.deepEqual(
      ordered.map((group) => [group.portal.name, group.status]),
      [
        ['Birch', 'NEEDS_YOUR_ATTENTION'],
        ['Dogwood', 'WITH_SERVICE'],
        ['Aspen', 'WITH_PAYER'],
        ['Cedar', 'WITH_PAYER'],
      ],
    );
    assert.deepEqual(
      ordered[0]?.issues.map((issue) => issue.status),
      ['NEEDS_YOUR_ATTENTION', 'WITH_PAYER'],
    );
    assert.equal(portalBlockedCents(ordered[2] ?? portal('x', [], 0)), 900);
  });
});
