import { PorticoError } from '@portico/core';

/** A refusal placed where the person will see it: at the form field it names, or for the whole form. */
export interface FieldProblem<F extends string> {
  field: F | null;
  message: string;
}

/**
 * The one mapping from a server error's field path to a form field: the path's parts are tried from the most
 * specific (`card.expYear` → `expYear`; `account.password` as written) to the first (`tin.digits` → `tin`), and
 * the first that names one of `fields` wins.
 */
function fieldOfPath<F extends string>(path: string, fields: readonly F[]): F | null {
  const parts = path.split(/[.[\]]+/).filter((part) => part !== '');
  const candidates = [path, parts.at(-1), parts[0]];
  return fields.find((name) => candidates.includes(name)) ?? null;
}

/** A refusal's field path (or the path of one of its issues) as it names a form field. */
export function fieldProblemOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  fallback: string,
): FieldProblem<F> {
  if (!(error instanceof PorticoError)) return { field: null, message: fallback };
  return { field: fieldOfPath(error.fieldPath ?? '', fields), message: error.message };
}

/** Every problem of a refused form: one message per field it names (the server's first), and the rest. */
export interface FormProblems<F extends string> {
  fields: Partial<Record<F, string>>;
  /** What concerns the whole form, or names no field of it. */
  form: string | null;
}

export const noFormProblems: FormProblems<never> = { fields: {}, form: null };

/**
 * The server's refusal of a form, spread over its fields: a form is checked by the server alone (with core's
 * schema, so the page loads no validation code of its own), and every issue it reports is shown at its field.
 */
export function formProblemsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  fallback: string,
): FormProblems<F> {
  if (!(error instanceof PorticoError)) return { fields: {}, form: fallback };
  const found: Partial<Record<F, string>> = {};
  const issues =
    error.issues.length > 0 ? error.issues : [{ path: [error.fieldPath ?? ''], message: error.message }];
  for (const issue of issues) {
    const field = fieldOfPath(issue.path.map(String).join('.'), fields);
    if (field !== null) found[field] ??= issue.message;
  }
  return { fields: found, form: Object.keys(found).length > 0 ? null : error.message };
}

/** The problems left once the person edits a field: that field's message goes, the others stay. */
export function withoutField<F extends string>(problems: FormProblems<F>, field: F): FormProblems<F> {
  if (problems.fields[field] === undefined) return problems;
  const fields = { ...problems.fields };
  delete fields[field];
  return { fields, form: problems.form };
}

/** The words for an error shown on its own: a PorticoError's message, else `fallback`. */
export function problemText(error: unknown, fallback: string): string {
  return error instanceof PorticoError ? error.message : fallback;
}
