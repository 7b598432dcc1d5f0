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

/** Inside the hub: a part asks the shell to open a task's dialog. Not composed past the hub. */
export const OPEN_TASK = 'portico-hub-open-task';
/** Inside the hub: the attention card's View all asks the shell for the Tasks tab. */
export const SHOW_TASKS = 'portico-hub-show-tasks';

/** Dispatches a hub event from one of its parts: bubbling and composed, so it leaves the part's shadow root. */
export function dispatchHubEvent<T>(from: HTMLElement, name: string, detail: T): void {
  from.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
}

/** A status label in words, never colour alone. */
export function statusBadge(status: AccessIssueStatus) {
  return html`<span part="status" class="status ${status}">${ACCESS_STATUS_LABELS[status]}</span>`;
}
