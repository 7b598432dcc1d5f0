import { PorticoError, type PorticoErrorCode } from '@portico/core';

/** For `assert.rejects`: the call was refused with this code (and field path, when given). */
export const refusedWith = (code: PorticoErrorCode, fieldPath?: string) => (error: unknown) =>
  error instanceof PorticoError &&
  error.code === code &&
  (fieldPath === undefined || error.fieldPath === fieldPath);
