import type { accessHubContract } from '@portico/core';
import type { Handlers, OfficeContext, ProcedureContext } from '../trpc/handlers.ts';
import { dashboard } from './dashboard.ts';
import { definePortal, listPortals } from './portals.ts';
import { submitResponse } from './response.ts';
import {
  addStaffNote,
  assignTask,
  attachUnpostables,
  changeIssueStatus,
  reassignTask,
  reportIssue,
  staffIssue,
  staffIssues,
} from './staff-issues.ts';
import { taskDetail, taskFilters, taskPage } from './tasks.ts';

/** Audits a staff change to an office's issue and tells the office's open dashboards. */
async function issueChanged(office: OfficeContext, action: string, issueId: string) {
  await office.audit.record({ action, entity: 'access_issue', entityId: issueId });
  await office.publish({ topic: 'access_issue.changed', entityId: issueId });
  return staffIssue(office.scope, issueId);
}

const now = (context: ProcedureContext) => context.clock.now();

/** The payer portal access hub: the practice's dashboard, tasks and responses; the payer side's reports. */
export const accessHubHandlers: Handlers<typeof accessHubContract> = {
  dashboard: (input, { scope }) => dashboard(scope, input),
  tasks: (input, { scope }) => taskPage(scope, input),
  taskFilters: (_input, { scope }) => taskFilters(scope),
  task: (input, { scope }) => taskDetail(scope, input.taskId),

  async submitResponse(input, context) {
    const { scope, audit, principal, sealer, publish } = context;
    const changes = await submitResponse(scope, input, {
      userId: principal.userId,
      sealer,
      now: now(context),
    });
    await audit.record({ action: 'access_task.respond', entity: 'access_task', entityId: input.taskId });
    if (changes.accountId !== null) {
      // Which fields changed, never their values.
      if (changes.userNameChanged)
        await audit.record({
          action: 'portal_account.user_name.change',
          entity: 'portal_account',
          entityId: changes.accountId,
        });
      if (changes.passwordChanged)
        await audit.record({
          action: 'portal_account.password.change',
          entity: 'portal_account',
          entityId: changes.accountId,
        });
    }
    await publish({ topic: 'access_issue.changed', entityId: changes.issueId });
    return taskDetail(scope, input.taskId);
  },

  listPortals: (_input, { scope }) => listPortals(scope.transaction),

  async definePortal(input, { scope, audit }) {
    const portal = await definePortal(scope.transaction, input);
    await audit.record({ action: 'payer_portal.define', entity: 'payer_portal', entityId: portal.id });
    return portal;
  },

  async reportIssue(input, context) {
    const office = await context.forOffice(input.officeId);
    const { issueId, accountId } = await reportIssue(office.scope, input, now(context));
    if (accountId !== null)
      await office.audit.record({
        action: 'portal_account.set_up',
        entity: 'portal_account',
        entityId: accountId,
      });
    return issueChanged(office, 'access_issue.report', issueId);
  },

  async officeIssues(input, { forOffice }) {
    const office = await forOffice(input.officeId);
    return staffIssues(office.scope);
  },

  async changeIssueStatus(input, context) {
    const office = await context.forOffice(input.officeId);
    await changeIssueStatus(office.scope, input.issueId, input.status, now(context));
    return issueChanged(office, 'access_issue.status.change', input.issueId);
  },

  async addNote(input, context) {
    const office = await context.forOffice(input.officeId);
    await addStaffNote(office.scope, input, { userId: context.principal.userId, now: now(context) });
    return issueChanged(office, 'access_issue.note.add', input.issueId);
  },

  async attachUnpostables(input, context) {
    const office = await context.forOffice(input.officeId);
    await attachUnpostables(office.scope, input, now(context));
    return issueChanged(office, 'access_issue.unpostables.attach', input.issueId);
  },

  async assignTask(input, context) {
    const office = await context.forOffice(input.officeId);
    const taskId = await assignTask(office.scope, input, now(context));
    await office.audit.record({ action: 'access_task.assign', entity: 'access_task', entityId: taskId });
    return issueChanged(office, 'access_issue.task.add', input.issueId);
  },

  async reassignTask(input, context) {
    const office = await context.forOffice(input.officeId);
    const issueId = await reassignTask(office.scope, input.taskId, input.assignee, now(context));
    await office.audit.record({
      action: 'access_task.reassign',
      entity: 'access_task',
      entityId: input.taskId,
    });
    return issueChanged(office, 'access_issue.task.reassign', issueId);
  },
};
