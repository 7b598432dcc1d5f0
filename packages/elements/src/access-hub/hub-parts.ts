import { ACCESS_STATUS_LABELS, type AccessIssueStatus } from '@portico/core';
import { html } from 'lit';

/**
 * Detail of `portico-open-worklist`: the claims tasks to pre-filter the host portal's enrollment worklist to.
 * `allPracticeTasks` is true for "Go to enrollment worklist" (every claims task assigned to the practice).
 */
export interface OpenWorklistDetail {
  taskIds: string[];
  taskNumbers: number[];
  portalId: string | null;
  allPracticeTasks: boolean;
}

/** Detail of `portico-access-response-submitted`. */
export interface AccessResponseSubmittedDetail {
  taskId: string;
  issueId: string;
}

/** A status label in words, never colour alone. */
export function statusBadge(status: AccessIssueStatus) {
  return html`<span part="status" class="status ${status}">${ACCESS_STATUS_LABELS[status]}</span>`;
}

declare global {
  interface HTMLElementEventMap {
    'portico-open-worklist': CustomEvent<OpenWorklistDetail>;
    'portico-access-response-submitted': CustomEvent<AccessResponseSubmittedDetail>;
    /** Inside the hub: a part asks the shell to open a task's dialog (the task id). Stopped at the hub. */
    'portico-hub-open-task': CustomEvent<string>;
    /** Inside the hub: the attention card's View all asks the shell for the Tasks tab. Stopped at the hub. */
    'portico-hub-show-tasks': CustomEvent<null>;
  }
}
