import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { taskSortValue } from './rules.ts';
import { taskSortColumnSchema, type TaskRow } from './schemas.ts';
import { decodeTaskCursor, encodeTaskCursor } from './task-cursor.ts';

const row: TaskRow = {
  id: '6f1c1a7e-5d2b-4c4e-9a55-0f8b1f0c9a11',
  number: 42,
  kind: 'UNPOSTABLES',
  description: 'Réinitialiser le mot de passe',
  portal: { id: '0b7f6e1c-3a1d-4f5e-8c9b-2d4e6f8a0b1c', name: 'Ærø Portal', url: 'https://aero.example/' },
  medicalGroup: null,
  impact: { count: 2, cents: 12_345 },
  issueId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  createdAt: '2026-11-23T15:00:00.123Z',
};

describe('task cursors', () => {
  it('round-trips a cursor for every column, non-ASCII text included', () => {
    for (const sort of taskSortColumnSchema.options) {
      for (const direction of ['asc', 'desc'] as const) {
        const cursor = encodeTaskCursor({ sort, direction }, row);
        assert.match(cursor, /^[A-Za-z0-9_-]+$/);
        assert.deepEqual(decodeTaskCursor(cursor, { sort, direction }), {
          sort,
          direction,
          value: taskSortValue(row, sort),
          number: 42,
        });
      }
    }
  });

  it('refuses cursors that are not ours or belong to another order', () => {
    const cursor = encodeTaskCursor({ sort: 'portal', direction: 'asc' }, row);
    assert.equal(decodeTaskCursor(cursor, { sort: 'portal', direction: 'desc' }), null);
    assert.equal(decodeTaskCursor(cursor, { sort: 'impact', direction: 'asc' }), null);
    const forge = (value: unknown) => btoa(JSON.stringify(value)).replaceAll('=', '');
    assert.equal(
      decodeTaskCursor(forge(['impact', 'asc', 'x', 1]), { sort: 'impact', direction: 'asc' }),
      null,
    );
    assert.equal(
      decodeTaskCursor(forge(['portal', 'asc', 'x', 1.5]), { sort: 'portal', direction: 'asc' }),
      null,
    );
    assert.equal(
      decodeTaskCursor(forge(['createdAt', 'asc', 'yesterday', 1]), { sort: 'createdAt', direction: 'asc' }),
      null,
    );
    assert.equal(decodeTaskCursor('%%%', { sort: 'portal', direction: 'asc' }), null);
    assert.equal(decodeTaskCursor(forge({ a: 1 }), { sort: 'portal', direction: 'asc' }), null);
  });

  it('refuses forged values the database would choke on: a far date, a NUL, a negative number', () => {
    const forge = (value: unknown) =>
      btoa(unescape(encodeURIComponent(JSON.stringify(value))))
        .replaceAll('+', '-')
        .replaceAll('/', '_')
        .replaceAll('=', '');
    const createdAt = { sort: 'createdAt', direction: 'asc' } as const;
    for (const value of [
      '+275760-09-13T00:00:00.000Z',
      '2026-13-45T99:00:00Z',
      '0000-01-01T00:00:00.000Z',
      '2026-11-23',
    ])
      assert.equal(decodeTaskCursor(forge(['createdAt', 'asc', value, 1]), createdAt), null, value);
    assert.notEqual(
      decodeTaskCursor(forge(['createdAt', 'asc', '2026-11-23T15:00:00.123Z', 1]), createdAt),
      null,
    );
    const portal = { sort: 'portal', direction: 'asc' } as const;
    assert.equal(decodeTaskCursor(forge(['portal', 'asc', 'a\u0000b', 1]), portal), null);
    assert.equal(decodeTaskCursor(forge(['portal', 'asc', 'a', 0]), portal), null);
    assert.equal(
      decodeTaskCursor(forge(['impact', 'asc', -5, 1]), { sort: 'impact', direction: 'asc' }),
      null,
    );
  });
});
