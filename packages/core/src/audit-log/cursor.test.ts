import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { encodeOpaque } from '../inputs/opaque-cursor.ts';
import { decodeAuditCursor, encodeAuditCursor } from './cursor.ts';

describe('audit page cursors', () => {
  it('reads back what the server wrote', () => {
    const entry = { at: '2026-11-30T21:48:00.000Z', id: '5b0e8f5c-6a2e-4c2b-9a47-0a8f9a3b1c2d' };
    assert.deepEqual(decodeAuditCursor(encodeAuditCursor(entry)), entry);
  });

  it('refuses anything the server could not have written', () => {
    const id = '5b0e8f5c-6a2e-4c2b-9a47-0a8f9a3b1c2d';
    for (const forged of [
      encodeOpaque(['+275760-09-13T00:00:00.000Z', id]),
      encodeOpaque(['0000-01-01T00:00:00.000Z', id]),
      encodeOpaque(['2026-11-30T21:48:00.000Z', 'not-a-uuid']),
      encodeOpaque(['2026-11-30T21:48:00.000Z\u0000', id]),
      encodeOpaque(['2026-13-45T21:48:00.000Z', id]),
      encodeOpaque(['2026-11-30T21:48:00.000Z', id, 'extra']),
      'not base64!',
      '',
    ])
      assert.equal(decodeAuditCursor(forged), null, forged);
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        decodeAuditCursor(text);
      }),
    );
  });
});
