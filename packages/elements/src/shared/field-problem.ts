import { PorticoError } from '@portico/core';

/** A refusal placed where the person will see it: at the form field it names, or for the whole form. */
export interface FieldProblem<F extends string> {
  field: F | null;
  message: string;
}

/**
 * The one mapping from a server error's `fieldPath` to a form field: the path's parts are tried from the most
 * specific (`card.expYear` → `expYear`; `account.password` as written) to the first (`tin.digits` → `tin`), and
 * the first that names one of `fields` wins. Anything else is the whole form's problem, with `fallback` as its
 * message when the error is not a PorticoError.
 */
export function fieldProblemOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  fallback: string,
): FieldProblem<F> {
  if (!(error instanceof PorticoError)) return { field: null, message: fallback };
  const path = error.fieldPath ?? '';
  const parts = path.split(/[.[\]]+/).filter((part) => part !== '');
  const candidates = [path, parts.at(-1), parts[0]];
  const field = fields.find((name) => candidates.includes(name)) ?? null;
  return { field, message: error.message };
}

/** The words for an error shown on its own: a PorticoError's message, else `fallback`. */
export function problemText(error: unknown, fallback: string): string {
  return error instanceof PorticoError ? error.message : fallback;
}
