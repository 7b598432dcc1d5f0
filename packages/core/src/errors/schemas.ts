import { z } from 'zod';
import {
  PORTICO_ERROR_CODES,
  type FieldIssue,
  type PorticoErrorCode,
  type PorticoErrorShape,
} from './portico-error.ts';

/** The closed set of error codes, as a schema (for the OpenAPI document and servers' checks). */
export const porticoErrorCodeSchema: z.ZodType<PorticoErrorCode> = z.enum(PORTICO_ERROR_CODES);

/** One field-level problem, as a schema. */
export const fieldIssueSchema: z.ZodType<FieldIssue> = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

/** The wire shape of an error, as a schema. */
export const porticoErrorShapeSchema: z.ZodType<PorticoErrorShape> = z.object({
  code: porticoErrorCodeSchema,
  message: z.string(),
  fieldPath: z.string().nullable(),
  issues: z.array(fieldIssueSchema),
  requestId: z.string().nullable(),
});
