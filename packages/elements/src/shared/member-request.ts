import {
  mayCall,
  PorticoError,
  type PorticoClient,
  type PorticoContract,
  type ProcedurePath,
  type Session,
} from '@portico/core';
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formProblemsOf, noFormProblems, problemText, type FormProblems } from './field-problem.ts';
import { LiveReloadController } from './live-reload.ts';
import { failureState, loadingState } from './states.ts';

/** How a refused member-data request shows in a widget's event: the payer's refusal, no answer in time, or the payer unreachable. */
export function refusedOutcome(error: unknown): 'REJECTED' | 'TIMEOUT' | 'UNAVAILABLE' {
  if (!(error instanceof PorticoError)) return 'UNAVAILABLE';
  if (error.code === 'TIMEOUT') return 'TIMEOUT';
  return error.code === 'PAYER_UNAVAILABLE' ? 'UNAVAILABLE' : 'REJECTED';
}

/** A provider of the office, as the search forms offer them. */
export interface OfficeProvider {
  npi: string;
  displayName: string;
}

interface Options<H> {
  /** The procedure the widget exists for: a user who may not call it sees why instead of the form. */
  procedure: ProcedurePath<PorticoContract>;
  /** Today's requests at the user's sites. */
  history(client: PorticoClient): Promise<H[]>;
}

/**
 * What a member-data widget (eligibility, claim status) does around its form: reads who the user is, the office's
 * providers and today's history, follows provider and membership changes live, sends a search and places its
 * answer (focused and announced) or its refusal (at the field it names, the first such field focused), shows an
 * earlier answer again, and reads the history after each search.
 */
export class MemberRequestController<R, H> implements ReactiveController {
  phase: 'loading' | 'ready' | 'error' | 'not-allowed' = 'loading';
  failure: unknown = null;
  session: Session | null = null;
  providers: OfficeProvider[] = [];
  problems: FormProblems<string> = noFormProblems;
  result: R | null = null;
  history: H[] = [];
  busy = false;
  announcement = '';
  private loadedFor: PorticoClient | undefined;

  constructor(
    private readonly host: ReactiveControllerHost &
      HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly client: () => PorticoClient | undefined,
    private readonly options: Options<H>,
  ) {
    host.addController(this);
    // A provider added or a site or permission changed elsewhere on the page shows here without a reload.
    new LiveReloadController(host, client, ['provider.changed', 'membership.changed'], () => {
      if (!this.busy && this.phase !== 'loading') void this.refresh();
    });
  }

  hostUpdate(): void {
    const client = this.client();
    if (client !== this.loadedFor) {
      this.loadedFor = client;
      void this.start();
    }
  }

  private set<K extends keyof this>(key: K, value: this[K]): void {
    this[key] = value;
    this.host.requestUpdate();
  }

  /** Loads everything again from the start (first connection, a new client, Try again). */
  async start(): Promise<void> {
    const client = this.client();
    this.set('result', null);
    if (!client) {
      this.failure = new Error('This element must be placed inside <portico-root> with a server URL.');
      this.set('phase', 'error');
      return;
    }
    this.set('phase', 'loading');
    try {
      await this.read(client, true);
    } catch (error) {
      this.failure = error;
      this.set('phase', 'error');
    }
  }

  /** Reads the session and the provider list again, keeping the answer and the form as they are. */
  private async refresh(): Promise<void> {
    const client = this.client();
    if (!client) return;
    try {
      await this.read(client, false);
    } catch {
      // What is shown stays; the next event or action reads again.
    }
  }

  private async read(client: PorticoClient, withHistory: boolean): Promise<void> {
    const session = await client.organizations.me.query();
    this.session = session;
    if (!mayCall(session, this.options.procedure)) {
      this.set('phase', 'not-allowed');
      return;
    }
    const [providers, history] = await Promise.all([
      mayCall(session, 'providers.list') ? client.providers.list.query() : Promise.resolve([]),
      withHistory ? this.options.history(client) : Promise.resolve(null),
    ]);
    this.providers = providers.map((p) => ({ npi: p.npi, displayName: p.displayName }));
    if (history) this.history = history;
    this.set('phase', 'ready');
  }

  private async refreshHistory(client: PorticoClient): Promise<void> {
    try {
      this.set('history', await this.options.history(client));
    } catch {
      // The answer is already on screen; the history catches up on the next request.
    }
  }

  private async focusResult(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('#result-heading')?.focus();
  }

  /**
   * Sends one search. The answer shows under the form with the focus on its heading and `announce`'s words read
   * out; a refusal shows at the `fields` it names (the first one focused) or for the whole form.
   */
  async submit(
    send: (client: PorticoClient) => Promise<R>,
    fields: readonly string[],
    words: { announce(result: R): string; failed: string },
  ): Promise<{ result: R } | { error: unknown } | null> {
    const client = this.client();
    if (!client || this.busy) return null;
    this.busy = true;
    this.problems = noFormProblems;
    this.set('announcement', '');
    try {
      const result = await send(client);
      this.result = result;
      this.set('announcement', words.announce(result));
      await this.focusResult();
      return { result };
    } catch (error) {
      this.result = null;
      this.problems = formProblemsOf(error, fields, problemText(error, words.failed));
      this.set('announcement', Object.values(this.problems.fields)[0] ?? this.problems.form ?? '');
      await this.host.updateComplete;
      const first = fields.find((field) => this.problems.fields[field]);
      this.host.renderRoot
        .querySelector<HTMLElement>(first ? `[name="${first}"]` : '[part="problem"]')
        ?.focus();
      return { error };
    } finally {
      this.set('busy', false);
      await this.refreshHistory(client);
    }
  }

  /**
   * What the widget shows instead of its form, in words, until it can search: loading, a failure with Try again,
   * no access to member data, or no provider to ask for. Otherwise the session the form is made for.
   */
  gate(words: {
    /** What loads (`eligibility`), what failed to load, what needs member data (`Checking eligibility`), and
     * what a provider is needed for (`a check is made for one of them`). */
    loading: string;
    failed: string;
    action: string;
    perProvider: string;
  }): { blocked: TemplateResult } | { session: Session } {
    if (this.phase === 'loading') return { blocked: loadingState(words.loading) };
    if (this.phase === 'error')
      return { blocked: failureState(this.failure, words.failed, () => void this.start()) };
    if (this.phase === 'not-allowed' || !this.session)
      return {
        blocked: html`<p class="state" part="state" role="status">
          ${words.action} needs access to member data. Ask your user administrator if you need it.
        </p>`,
      };
    if (this.providers.length === 0)
      return {
        blocked: html`<p class="state" part="state" role="status">
          Add the office's providers to its provider list first: ${words.perProvider}.
        </p>`,
      };
    return { session: this.session };
  }

  /** Refuses a search before it is sent (what only the page can read, like a typed amount), at its field. */
  async refuse(field: string, message: string): Promise<void> {
    this.result = null;
    this.problems = { fields: { [field]: message }, form: null };
    this.set('announcement', message);
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
  }

  /** Shows an earlier answer again, under the form, with the focus on it. */
  async open(read: (client: PorticoClient) => Promise<R>, failed: string): Promise<void> {
    const client = this.client();
    if (!client || this.busy) return;
    this.set('busy', true);
    try {
      this.result = await read(client);
      this.problems = noFormProblems;
      await this.focusResult();
    } catch (error) {
      this.problems = { fields: {}, form: problemText(error, failed) };
    } finally {
      this.set('busy', false);
    }
  }
}
