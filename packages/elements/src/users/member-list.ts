import type { Member, PorticoClient } from '@portico/core';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { problemText } from '../shared/field-problem.ts';

/** Users per page of the list. */
const PAGE = 50;

/** The first pages of the list as the element's data task reads them. */
export interface FirstPages {
  requests: Member[];
  users: Member[];
  nextCursor: string | null;
}

/**
 * The user list's paging and search for `<portico-user-admin>`: the Find field, Show more users (keyset pages
 * after the first), and how many are shown, so that a reload after an action keeps the acted-on user in view.
 */
export class MemberListController {
  /** What the Find field asks for. */
  search = '';
  private shown = PAGE;
  /** Users read by Show more after the first pages, and where the next page starts. */
  private more: { members: Member[]; nextCursor: string | null } | null = null;
  private loading = false;
  private problem: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => PorticoClient | undefined,
  ) {}

  /** The requests and the first page(s) of users for the current search, as many as were shown (at most 200). */
  async load(client: PorticoClient, signal: AbortSignal): Promise<FirstPages> {
    const [requests, page] = await Promise.all([
      client.users.list.query({ status: 'PENDING', limit: 200 }, { signal }),
      client.users.list.query({ search: this.search, limit: Math.min(200, this.shown) }, { signal }),
    ]);
    this.more = null;
    return { requests: requests.members, users: page.members, nextCursor: page.nextCursor };
  }

  /** Every user shown, first pages and Show more together, requests left to their own list. */
  users(first: FirstPages): Member[] {
    return [...first.users, ...(this.more?.members ?? [])].filter((m) => m.status !== 'PENDING');
  }

  /** The Find form: a new search reads the first page again (the element's task reruns on `search`). */
  renderFind() {
    return html`<form class="find" role="search" @submit=${this.find}>
      <label>Find a user <input name="search" type="search" maxlength="100" .value=${this.search} /></label>
      <button type="submit" class="secondary" part="find">Find</button>
    </form>`;
  }

  /** Show more users, while there are more, with why the last attempt failed. */
  renderMore(first: FirstPages) {
    const cursor = this.more ? this.more.nextCursor : first.nextCursor;
    return html`${this.problem ? html`<p class="notice refused" role="alert">${this.problem}</p>` : nothing}
    ${
      cursor
        ? html`<button
            class="secondary"
            part="more"
            ?disabled=${this.loading}
            @click=${() => void this.showMore(cursor)}
          >
            Show more users
          </button>`
        : nothing
    }`;
  }

  private readonly find = (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const search = new FormData(event.currentTarget).get('search');
    this.shown = PAGE;
    this.search = typeof search === 'string' ? search.trim() : '';
    this.host.requestUpdate();
  };

  private async showMore(cursor: string): Promise<void> {
    const client = this.client();
    if (!client) return;
    this.loading = true;
    this.host.requestUpdate();
    try {
      const page = await client.users.list.query({ search: this.search, cursor, limit: PAGE });
      this.more = { members: [...(this.more?.members ?? []), ...page.members], nextCursor: page.nextCursor };
      this.shown += page.members.length;
      this.problem = null;
    } catch (error) {
      this.problem = problemText(error, 'More users could not be loaded.');
    } finally {
      this.loading = false;
      this.host.requestUpdate();
    }
  }
}
