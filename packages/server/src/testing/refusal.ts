import assert from 'node:assert/strict';
import { PorticoError, type PorticoErrorCode } from '@portico/core';

/** For `assert.rejects`: the call was refused with this code (and field path, when given). */
export const refusedWith = (code: PorticoErrorCode, fieldPath?: string) => (error: unknown) =>
  error instanceof PorticoError &&
  error.code === code &&
  (fieldPath === undefined || error.fieldPath === fieldPath);

/**
 * For `assert.rejects`, saying what differs: the call was refused as a PorticoError with this code, and this field
 * path (null for none) and words when given.
 */
export const refusal =
  (code: PorticoErrorCode, fieldPath?: string | null, message?: RegExp) => (error: unknown) => {
    assert.ok(error instanceof PorticoError, String(error));
    assert.equal(error.code, code, error.message);
    if (fieldPath !== undefined) assert.equal(error.fieldPath, fieldPath);
    if (message) assert.match(error.message, message);
    return true;
  };
