import { z } from 'zod';
import { officeTargetSchema } from '../storefront/schemas.ts';
import { cents, text, wholeNumber } from '../inputs/rules.ts';

/**
 * docs/domain.md "Payer portal access hub". Status, in priority order: the practice must act, the billing service's
 * team is on it, waiting on the payer. RESOLVED issues leave the hub.
 */
export const accessIssueStatusSchema = z.enum([
  'NEEDS_YOUR_ATTENTION',
  'WITH_SERVICE',
  'WITH_PAYER',
  'RESOLVED',
]);
export type AccessIssueStatus = z.infer<typeof accessIssueStatusSchema>;

/** The work an access issue blocks: claims, or unpostables (remittances that cannot be posted). */
export const blockedWorkSchema = z.enum(['CLAIMS', 'UNPOSTABLES']);
export type BlockedWork = z.infer<typeof blockedWorkSchema>;

/** Who must act on a task: the practice, or the billing service's team. */
export const taskAssigneeSchema = z.enum(['PRACTICE', 'SERVICE']);
export type TaskAssignee = z.infer<typeof taskAssigneeSchema>;

/** Whether the practice may change the portal account's user name and password, or only the service team. */
export const portalAccountTypeSchema = z.enum(['PRACTICE_MANAGED', 'SERVICE_MANAGED']);
export type PortalAccountType = z.infer<typeof portalAccountTypeSchema>;

/** Free text a person types (descriptions, notes, comments): trimmed, bounded, no control characters but new lines. */
export function noteText(max: number) {
  return text({ max, trim: true, multiline: true }).min(1, 'Enter some text');
}

/** A portal account's user name or password: one line, bounded. */
const credential = (what: string) => text({ max: 200 }).min(1, `Enter the ${what}`);

/** A TIN or other number the payer wants on the account (digits, letters, dashes). */
const accountNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{2,20}$/, 'A number of 2 to 20 letters, digits or dashes');

/** A payer portal: where the billing service signs in on the office's behalf. */
export const payerPortalSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  url: z.url({ protocol: /^https?$/ }),
  /** Payers and insurance categories the portal covers. */
  coveredPayers: z.array(z.string()),
});
export type PayerPortal = z.infer<typeof payerPortalSchema>;

export const impactSchema = z.object({
  /** Blocked items (claims or unpostables). */
  count: z.int().min(0),
  /** Dollars blocked, in integer cents. */
  cents: z.int().min(0),
});
export type Impact = z.infer<typeof impactSchema>;

/** The impact staff enter: bounded, so every sum of them stays a safe integer (see `cents`). */
export const impactInputSchema = z.object({
  count: wholeNumber(0, 10_000_000),
  cents: cents(),
});

/**
 * A payer portal's web address: http or https, one line, bounded. The scheme is written in lower case
 * (`HTTPS://…` is stored as `https://…`), as the database's check and every browser expect.
 */
export const webAddress = text({ max: 2000, trim: true })
  .overwrite((value) => value.replace(/^[a-z][a-z0-9+.-]*:/i, (scheme) => scheme.toLowerCase()))
  .pipe(z.url({ protocol: /^https?$/, error: 'An http or https address' }));

export const medicalGroupRefSchema = z.object({ id: z.uuid(), name: z.string() });

/** A task, as lists and the issue's related tasks show it. */
export const accessTaskSummarySchema = z.object({
  id: z.uuid(),
  /** The task id people quote: unique, increasing. */
  number: z.int(),
  kind: blockedWorkSchema,
  assignee: taskAssigneeSchema,
  description: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  closed: z.boolean(),
});
export type AccessTaskSummary = z.infer<typeof accessTaskSummarySchema>;

/** What the practice does next about an issue (the Action needed column). */
export const actionNeededSchema = z.discriminatedUnion('kind', [
  /** Claims tasks are worked in the host portal's enrollment worklist, pre-filtered to these tasks. */
  z.object({ kind: z.literal('CLAIMS'), taskIds: z.array(z.uuid()), taskNumbers: z.array(z.int()) }),
  /** An unpostables task opens the issue-response dialog. */
  z.object({ kind: z.literal('UNPOSTABLES'), taskId: z.uuid(), taskNumber: z.int() }),
]);
export type ActionNeeded = z.infer<typeof actionNeededSchema>;

export const accessIssueSchema = z.object({
  id: z.uuid(),
  blocks: blockedWorkSchema,
  status: accessIssueStatusSchema,
  description: z.string(),
  impact: impactSchema,
  medicalGroup: medicalGroupRefSchema.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  relatedTasks: z.array(accessTaskSummarySchema),
  /** Null when nothing is the practice's to do. */
  actionNeeded: actionNeededSchema.nullable(),
});
export type AccessIssue = z.infer<typeof accessIssueSchema>;

/** One dashboard row: a portal with its open issues, their most urgent status and their impact. */
export const portalIssuesSchema = z.object({
  portal: payerPortalSchema,
  status: accessIssueStatusSchema,
  impact: z.object({ claims: impactSchema, unpostables: impactSchema }),
  issues: z.array(accessIssueSchema),
});
export type PortalIssues = z.infer<typeof portalIssuesSchema>;

export const dashboardInputSchema = z
  .object({
    /** The "Needs your attention" quick filter; on unless turned off. */
    needsAttentionOnly: z.boolean().default(true),
    /** Only portals that cover this payer or insurance category. */
    coveredPayer: text({ max: 200, trim: true }).min(1).optional(),
  })
  .default({ needsAttentionOnly: true });

export const dashboardSchema = z.object({
  /** Open tasks assigned to the practice: the attention card. */
  tasksNeedingAttention: z.int(),
  /** Every covered payer of the portals with open issues, for the filter's suggestions. */
  coveredPayers: z.array(z.string()),
  portals: z.array(portalIssuesSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** The Tasks tab's columns, each sortable. */
export const taskSortColumnSchema = z.enum([
  'number',
  'portal',
  'medicalGroup',
  'kind',
  'description',
  'impact',
  'createdAt',
]);
export type TaskSortColumn = z.infer<typeof taskSortColumnSchema>;

/** Filters and order of the Tasks tab; the CSV download takes the same. */
export const taskQuerySchema = z.object({
  portalId: z.uuid().optional(),
  medicalGroupId: z.uuid().optional(),
  sort: taskSortColumnSchema.default('createdAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
});
export type TaskQuery = z.infer<typeof taskQuerySchema>;

export const taskPageInputSchema = taskQuerySchema.extend({
  /** The `nextCursor` of the previous page; absent for the first. */
  after: text({ max: 500 }).optional(),
  limit: z.int().min(1).max(1000).default(100),
});

/** One row of the Tasks tab (and of its CSV). */
export const taskRowSchema = z.object({
  id: z.uuid(),
  number: z.int(),
  kind: blockedWorkSchema,
  description: z.string(),
  portal: payerPortalSchema.pick({ id: true, name: true, url: true }),
  /** The earliest created of the task's medical groups; null when none is known. */
  medicalGroup: medicalGroupRefSchema.nullable(),
  impact: impactSchema,
  issueId: z.uuid(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TaskRow = z.infer<typeof taskRowSchema>;

export const taskPageSchema = z.object({
  rows: z.array(taskRowSchema),
  /** Tasks matching the filters, over all pages. */
  total: z.int(),
  /** Pass as `after` for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});
export type TaskPage = z.infer<typeof taskPageSchema>;

export const taskFiltersSchema = z.object({
  portals: z.array(payerPortalSchema.pick({ id: true, name: true })),
  medicalGroups: z.array(medicalGroupRefSchema),
});

export const accessNoteSchema = z.object({
  id: z.uuid(),
  author: z.enum(['PRACTICE', 'SERVICE']),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type AccessNote = z.infer<typeof accessNoteSchema>;

/** A portal account as the practice sees it: never the password, only whether one is set and when it changed. */
export const portalAccountViewSchema = z.object({
  type: portalAccountTypeSchema,
  /** The practice may change the user name and password. */
  editable: z.boolean(),
  userName: z.string().nullable(),
  passwordSet: z.boolean(),
  passwordChangedAt: z.iso.datetime({ offset: true }).nullable(),
  /** TINs (or other numbers) already on the account. */
  tins: z.array(z.string()),
});
export type PortalAccountView = z.infer<typeof portalAccountViewSchema>;

export const affectedUnpostableSchema = z.object({
  unpostableId: z.string(),
  blocked: z.boolean(),
  cents: z.int(),
});
export type AffectedUnpostable = z.infer<typeof affectedUnpostableSchema>;

/** The task dialog: Issue response and Affected unpostables. */
export const accessTaskDetailSchema = accessTaskSummarySchema.extend({
  issueId: z.uuid(),
  issueStatus: accessIssueStatusSchema,
  portal: payerPortalSchema.pick({ id: true, name: true, url: true }),
  medicalGroup: medicalGroupRefSchema.nullable(),
  /** Numbers the payer wants added to the account. */
  tinsToAdd: z.array(z.string()),
  assistanceNeeded: z.boolean(),
  account: portalAccountViewSchema.nullable(),
  history: z.array(accessNoteSchema),
  affectedUnpostables: z.array(affectedUnpostableSchema),
  /** The practice may submit a response now (its task, still open). */
  canRespond: z.boolean(),
});
export type AccessTaskDetail = z.infer<typeof accessTaskDetailSchema>;

/** Submit response: account changes, a comment, the assistance flag. Cancel sends nothing. */
export const issueResponseInputSchema = z.object({
  taskId: z.uuid(),
  account: z
    .object({ userName: credential('user name').optional(), password: credential('password').optional() })
    .refine((account) => account.userName !== undefined || account.password !== undefined, {
      message: 'Enter a user name or a password, or leave the account unchanged',
    })
    .optional(),
  comment: noteText(4000).optional(),
  assistanceNeeded: z.boolean().default(false),
});
export type IssueResponseInput = z.input<typeof issueResponseInputSchema>;

// ---- Payer-side (staff) inputs ----

export const definePortalInputSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Lower-case letters, digits and dashes'),
  name: text({ max: 200, trim: true }).min(1),
  url: webAddress,
  coveredPayers: z.array(text({ max: 200, trim: true }).min(1)).max(500),
});

export const reportIssueInputSchema = officeTargetSchema.extend({
  portalId: z.uuid(),
  medicalGroupId: z.uuid().optional(),
  blocks: blockedWorkSchema,
  description: noteText(2000),
  impact: impactInputSchema.default({ count: 0, cents: 0 }),
  status: accessIssueStatusSchema.exclude(['RESOLVED']).default('WITH_SERVICE'),
  /** The office's account on the portal: created if missing, its type and TINs set. */
  account: z
    .object({
      type: portalAccountTypeSchema,
      userName: credential('user name').optional(),
      tins: z.array(accountNumber).max(50).default([]),
    })
    .optional(),
});

export const issueTargetSchema = officeTargetSchema.extend({ issueId: z.uuid() });

export const changeIssueStatusInputSchema = issueTargetSchema.extend({ status: accessIssueStatusSchema });

export const staffNoteInputSchema = issueTargetSchema.extend({
  taskId: z.uuid().optional(),
  body: noteText(4000),
});

export const attachUnpostablesInputSchema = issueTargetSchema.extend({
  unpostables: z
    .array(affectedUnpostableSchema.extend({ unpostableId: accountNumber, cents: cents() }))
    .min(1)
    .max(1000),
});

/** A task's kind is its issue's: claims work or unpostables work. */
export const assignTaskInputSchema = issueTargetSchema.extend({
  assignee: taskAssigneeSchema,
  description: noteText(2000),
  tinsToAdd: z.array(accountNumber).max(50).default([]),
  medicalGroupIds: z.array(z.uuid()).max(50).default([]),
});

export const reassignTaskInputSchema = officeTargetSchema.extend({
  taskId: z.uuid(),
  assignee: taskAssigneeSchema,
});

export const staffIssueSchema = z.object({
  id: z.uuid(),
  status: accessIssueStatusSchema,
  impact: impactSchema,
  tasks: z.array(accessTaskSummarySchema),
});
