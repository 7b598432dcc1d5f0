import { PorticoError, type issueResponseInputSchema } from '@portico/core';
import type { z } from 'zod';
import type { Sealer } from '../services/sealer.ts';
import type { OrgScope } from '../tenancy/org-scope.ts';
import { lockIssue, notFound, settleIssueStatus } from './task-rows.ts';

/** What a response changed, for the audit trail (never the values). */
export interface ResponseChanges {
  issueId: string;
  accountId: string | null;
  userNameChanged: boolean;
  passwordChanged: boolean;
}

/**
 * Submit response: the account change (sealed password), the history note and the hand-over to the service team,
 * in the caller's one transaction, under the issue's lock so two submissions cannot both pass.
 */
export async function submitResponse(
  scope: OrgScope,
  input: z.output<typeof issueResponseInputSchema>,
  context: { userId: string; sealer: Sealer; now: Date },
): Promise<ResponseChanges> {
  const found = await scope
    .selectFrom('access_tasks')
    .select(['issue_id'])
    .where('id', '=', input.taskId)
    .executeTakeFirst();
  if (!found) throw notFound('task', 'taskId');
  await lockIssue(scope, found.issue_id);
  const task = await scope
    .selectFrom('access_tasks')
    .select(['kind', 'assignee', 'closed_at', 'portal_id'])
    .where('id', '=', input.taskId)
    .executeTakeFirstOrThrow();
  if (task.kind === 'CLAIMS') {
    throw new PorticoError(
      'BAD_REQUEST',
      'Claims tasks are resolved in the enrollment worklist, not with an issue response.',
      { fieldPath: 'taskId' },
    );
  }
  if (task.closed_at !== null || task.assignee !== 'PRACTICE') {
    throw new PorticoError(
      'CONFLICT',
      'This task is no longer waiting on the practice: it was already submitted or closed.',
      { fieldPath: 'taskId' },
    );
  }

  const changes: ResponseChanges = {
    issueId: found.issue_id,
    accountId: null,
    userNameChanged: false,
    passwordChanged: false,
  };
  if (input.account) {
    const account = await scope
      .selectFrom('portal_accounts')
      .select(['id', 'account_type'])
      .where('portal_id', '=', task.portal_id)
      .executeTakeFirst();
    if (account?.account_type === 'SERVICE_MANAGED') {
      throw new PorticoError(
        'ACCOUNT_NOT_EDITABLE',
        'This portal account is managed by the service team; the practice cannot change its user name or password. Add a comment instead.',
        { fieldPath: 'account' },
      );
    }
    const values = {
      ...(input.account.userName !== undefined ? { user_name: input.account.userName } : {}),
      ...(input.account.password !== undefined
        ? { password_sealed: context.sealer.seal(input.account.password), password_changed_at: context.now }
        : {}),
    };
    const saved = account
      ? await scope
          .updateTable('portal_accounts')
          .set(values)
          .where('id', '=', account.id)
          .returning('id')
          .executeTakeFirstOrThrow()
      : // No account yet: the practice adds its own account information.
        await scope
          .insertInto('portal_accounts', {
            portal_id: task.portal_id,
            account_type: 'PRACTICE_MANAGED',
            tins: [],
            ...values,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
    changes.accountId = saved.id;
    changes.userNameChanged = input.account.userName !== undefined;
    changes.passwordChanged = input.account.password !== undefined;
  }

  const what = [
    changes.userNameChanged ? 'user name changed' : null,
    changes.passwordChanged ? 'password changed' : null,
    input.assistanceNeeded ? 'assistance requested' : null,
  ].filter((part) => part !== null);
  const summary = `Response submitted${what.length > 0 ? `: ${what.join(', ')}` : ''}.`;
  await scope
    .insertInto('access_notes', {
      issue_id: found.issue_id,
      task_id: input.taskId,
      author: 'PRACTICE',
      author_user_id: context.userId,
      body: input.comment ? `${summary}\n${input.comment}` : summary,
      created_at: context.now,
    })
    .execute();
  await scope
    .updateTable('access_tasks')
    .set({ assignee: 'SERVICE', assistance_needed: input.assistanceNeeded, updated_at: context.now })
    .where('id', '=', input.taskId)
    .execute();
  await settleIssueStatus(scope, found.issue_id, context.now);
  return changes;
}
