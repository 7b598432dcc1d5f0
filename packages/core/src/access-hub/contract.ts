import { z } from 'zod';
import { download, mutation, query } from '../contract/define.ts';
import { FILE_PATHS } from '../contract/file-paths.ts';
import { officeTargetSchema } from '../storefront/schemas.ts';
import {
  accessTaskDetailSchema,
  assignTaskInputSchema,
  attachUnpostablesInputSchema,
  changeIssueStatusInputSchema,
  dashboardInputSchema,
  dashboardSchema,
  definePortalInputSchema,
  issueResponseInputSchema,
  payerPortalSchema,
  reassignTaskInputSchema,
  reportIssueInputSchema,
  staffIssueSchema,
  staffNoteInputSchema,
  taskFiltersSchema,
  taskPageInputSchema,
  taskPageSchema,
  taskQuerySchema,
} from './schemas.ts';

const PRACTICE = 'practice_setup.manage';
const STAFF = 'staff.access_issues.manage';

/**
 * The payer portal access hub (docs/domain.md): what blocks the billing service on payer portals and who must act.
 * The practice reads its dashboard and tasks and answers its tasks; payer-side systems and staff report and work
 * the issues. Every change reaches open dashboards as an `access_issue.changed` event.
 */
export const accessHubContract = {
  dashboard: query({
    summary:
      "The office's open access issues grouped by payer portal, most urgent first, with impact totals and the count of tasks needing the practice. Needs-your-attention only unless turned off; optionally only portals covering a payer.",
    permission: PRACTICE,
    input: dashboardInputSchema,
    output: dashboardSchema,
  }),
  tasks: query({
    summary:
      "One keyset page of the practice's open tasks, filtered by portal and medical group, sorted by any column (ties by task id).",
    permission: PRACTICE,
    input: taskPageInputSchema,
    output: taskPageSchema,
  }),
  taskFilters: query({
    summary:
      "The portals and medical groups the practice's open tasks belong to, for the Tasks tab's filters.",
    permission: PRACTICE,
    input: z.void(),
    output: taskFiltersSchema,
  }),
  task: query({
    summary:
      'One task of the office with its history, account (never the password: only whether one is set and when it changed) and affected unpostables.',
    permission: PRACTICE,
    input: z.object({ taskId: z.uuid() }),
    output: accessTaskDetailSchema,
  }),
  submitResponse: mutation({
    summary:
      'Answers an unpostables task: optional new user name and password (where the account type allows), comment and assistance flag. Hands the task to the service team and writes the history note in one transaction.',
    permission: PRACTICE,
    input: issueResponseInputSchema,
    output: accessTaskDetailSchema,
  }),

  // ---- payer-side systems and staff ----
  listPortals: query({
    summary: 'Staff: every payer portal.',
    permission: STAFF,
    input: z.void(),
    output: z.array(payerPortalSchema),
  }),
  definePortal: mutation({
    summary: 'Staff: adds a payer portal, or updates the one with this code.',
    permission: STAFF,
    input: definePortalInputSchema,
    output: payerPortalSchema,
  }),
  reportIssue: mutation({
    summary:
      "Staff: reports an access issue for an office on a portal, and sets up the office's account on it where given.",
    permission: STAFF,
    input: reportIssueInputSchema,
    output: staffIssueSchema,
  }),
  officeIssues: query({
    summary: "Staff: an office's access issues, open ones first.",
    permission: STAFF,
    input: officeTargetSchema,
    output: z.array(staffIssueSchema),
  }),
  changeIssueStatus: mutation({
    summary: "Staff: changes an issue's status; resolving it closes its tasks.",
    permission: STAFF,
    input: changeIssueStatusInputSchema,
    output: staffIssueSchema,
  }),
  addNote: mutation({
    summary: "Staff: adds a note to an issue's history (optionally on one task).",
    permission: STAFF,
    input: staffNoteInputSchema,
    output: staffIssueSchema,
  }),
  attachUnpostables: mutation({
    summary:
      "Staff: attaches affected unpostables to an unpostables issue (or updates them by id); the issue's impact becomes their blocked count and dollars.",
    permission: STAFF,
    input: attachUnpostablesInputSchema,
    output: staffIssueSchema,
  }),
  assignTask: mutation({
    summary:
      'Staff: creates a task on an issue, assigned to the practice (the issue then needs its attention) or to the service team.',
    permission: STAFF,
    input: assignTaskInputSchema,
    output: staffIssueSchema,
  }),
  reassignTask: mutation({
    summary: 'Staff: hands an open task to the practice or back to the service team.',
    permission: STAFF,
    input: reassignTaskInputSchema,
    output: staffIssueSchema,
  }),
};

/** The access hub's streamed files. */
export const accessHubFiles = {
  accessTasks: download({
    path: FILE_PATHS.accessTasks,
    permission: PRACTICE,
    summary:
      "The practice's open access-hub tasks as CSV, streamed in keyset pages with the Tasks tab's filters and order (`?portalId=&medicalGroupId=&sort=&direction=`).",
    input: taskQuerySchema,
    audit: { action: 'access_task.download', entity: 'access_task_list' },
  }),
};
