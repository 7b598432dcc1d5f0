import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import {
  formatFieldPath,
  isPorticoErrorShape,
  PORTICO_ERROR_CODES,
  PorticoError,
  porticoErrorFromZod,
} from './portico-error.ts';
import { porticoErrorShapeSchema } from './schemas.ts';

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

  it('reads a wire shape with the same answers as its zod schema, for any value', () => {
    const part = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const nearShape = fc.record(
      {
        code: fc.oneof(fc.constantFrom(...PORTICO_ERROR_CODES), fc.string(), fc.integer()),
        message: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
        fieldPath: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
        issues: fc.oneof(
          fc.array(fc.record({ path: fc.oneof(fc.array(part), fc.string()), message: part })),
          fc.constant(null),
          fc.string(),
        ),
        requestId: fc.oneof(fc.string(), fc.constant(null), fc.boolean()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(nearShape, fc.anything()), (value) => {
        assert.equal(isPorticoErrorShape(value), porticoErrorShapeSchema.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
    assert.ok(
      isPorticoErrorShape(
        new PorticoError('CONFLICT', 'x', { issues: [{ path: ['a', 0], message: 'm' }] }).toShape(),
      ),
    );
  });
});
