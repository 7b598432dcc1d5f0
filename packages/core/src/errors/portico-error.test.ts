import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import {
  formatFieldPath,
  PorticoError,
  porticoErrorFromZod,
  porticoErrorShapeSchema,
} from './portico-error.ts';

describe('PorticoError', () => {
  it('writes field paths the way people read them', () => {
    assert.equal(formatFieldPath(['providers', 0, 'npi']), 'providers[0].npi');
    assert.equal(formatFieldPath(['userId']), 'userId');
    assert.equal(formatFieldPath([]), null);
  });

  it('turns a zod failure into BAD_REQUEST with the first field path and every issue', () => {
    const schema = z.object({
      providers: z.array(z.object({ npi: z.string().length(10) })),
      name: z.string(),
    });
    const parsed = schema.safeParse({ providers: [{ npi: '123' }], name: 5 });
    assert.equal(parsed.success, false);
    const error = porticoErrorFromZod(parsed.error as z.ZodError, 'req-1');
    assert.equal(error.code, 'BAD_REQUEST');
    assert.equal(error.fieldPath, 'providers[0].npi');
    assert.equal(error.issues.length, 2);
    assert.match(error.message, /^providers\[0\]\.npi: .+ \(and 1 more\)$/);
    assert.equal(error.requestId, 'req-1');
  });

  it('survives the trip through its wire shape', () => {
    const error = new PorticoError('INVALID_NPI', 'The NPI check digit does not match.', {
      fieldPath: 'npi',
      requestId: 'r',
    });
    const shape = porticoErrorShapeSchema.parse(JSON.parse(JSON.stringify(error.toShape())));
    const again = PorticoError.fromShape(shape);
    assert.ok(again instanceof PorticoError);
    assert.deepEqual(again.toShape(), error.toShape());
  });
});
