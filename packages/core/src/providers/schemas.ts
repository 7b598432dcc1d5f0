import { z } from 'zod';
import { npiProblem, parseTin } from './rules.ts';

/** An NPI, validated with its check digit. */
export const npiSchema = z.string().check((ctx) => {
  const problem = npiProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

/** A TIN written as an EIN (`12-3456789`) or an SSN (`123-45-6789`). */
export const tinSchema = z.string().check((ctx) => {
  const result = parseTin(ctx.value);
  if (!result.ok) ctx.issues.push({ code: 'custom', message: result.problem, input: ctx.value });
});
