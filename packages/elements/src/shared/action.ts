import type { PorticoClient } from '@portico/core';
import type { ReactiveControllerHost } from 'lit';
import { fieldProblemOf, problemText, type FieldProblem } from './field-problem.ts';

/** How one action runs. */
export interface ActionOptions {
  /** The words shown when the failure is not a PorticoError. */
  failure: string;
  /** Reload the element's data once after success (default true); false for a read. */
  reload?: boolean;
}

/**
 * Runs a widget's actions one at a time: busy while one runs (buttons disable), its refusal placed at the form
 * field the server names (`fields`) or for the whole form, and the element's data reloaded once after success.
 * While an action or its reload runs, `busy` is true: the element's live-event reload skips the event its own
 * action caused, so the data is read once, not twice.
 */
export class ActionController<F extends string = never> {
  /** True while an action (or the reload after it) runs. */
  busy = false;
  /** The last action's refusal; null after a success or a new start. */
  problem: FieldProblem<F> | null = null;
  /** What the last `act` said: its outcome in words, or its refusal. Shown in the widget's notice. */
  notice: { kind: 'done' | 'problem'; text: string } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => PorticoClient | undefined,
    private readonly reload: () => Promise<unknown>,
    private readonly fields: readonly F[] = [],
  ) {}

  /** The refusal to show at `field`, if the last one named it. */
  problemAt(field: F): string | null {
    return this.problem?.field === field ? this.problem.message : null;
  }

  /** Clears the last refusal (a form reopened, a draft dropped). */
  clear(): void {
    this.problem = null;
    this.host.requestUpdate();
  }

  /**
   * Runs `work` unless another action runs; answers what it returned, or undefined when it was refused (then
   * `problem` says why) or did not run.
   */
  async run<T>(work: (client: PorticoClient) => Promise<T>, options: ActionOptions): Promise<T | undefined> {
    const client = this.client();
    if (!client || this.busy) return undefined;
    this.busy = true;
    this.problem = null;
    this.host.requestUpdate();
    try {
      const result = await work(client);
      if (options.reload !== false) await this.reload();
      return result;
    } catch (error) {
      this.problem = fieldProblemOf(error, this.fields, options.failure);
      return undefined;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /**
   * Runs one call whose answer is the words to show (or null for nothing): busy while it runs, its outcome in
   * `notice`, a refusal in `notice` too unless `onProblem` takes it (a form that shows it at its field), and the
   * data read again after, whatever the outcome (`reload: false` for a read). Answers whether it succeeded.
   */
  async act(
    work: (client: PorticoClient) => Promise<string | null>,
    options: { reload?: boolean; onProblem?: (error: unknown) => void } = {},
  ): Promise<boolean> {
    const client = this.client();
    if (!client || this.busy) return false;
    this.busy = true;
    this.notice = null;
    this.host.requestUpdate();
    try {
      const done = await work(client);
      if (done) this.notice = { kind: 'done', text: done };
      return true;
    } catch (error) {
      if (options.onProblem) options.onProblem(error);
      else this.notice = { kind: 'problem', text: problemText(error, 'That did not work. Try again.') };
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
      if (options.reload !== false) await this.reload();
    }
  }
}
