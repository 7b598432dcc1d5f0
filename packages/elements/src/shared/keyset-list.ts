import type { ReactiveControllerHost } from 'lit';
import { problemText } from './field-problem.ts';

/** One keyset page as the server answers it. */
export interface KeysetPage<R> {
  rows: R[];
  total: number;
  nextCursor: string | null;
}

/** The list as loaded so far: keyset pages appended as the person scrolls. */
export interface KeysetList<R> extends KeysetPage<R> {
  loading: boolean;
  error: string | null;
}

/**
 * Pages a long server list in by keyset cursor: the first page small, the next ones larger, fetched ahead of the
 * scroll (`loadMoreIfNeeded` from the host's `updated`). `reload` reads again from the first page while the rows
 * shown stay until the new ones arrive; a late page of an older query is dropped.
 */
export class KeysetListController<R> {
  list: KeysetList<R> = { rows: [], total: 0, nextCursor: null, loading: false, error: null };
  /** Bumped whenever the query changes, so a late page of an older query is dropped. */
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchPage: (after: string | null, limit: number) => Promise<KeysetPage<R>> | null,
    private readonly options: { firstPage: number; nextPage: number; prefetchRows: number; failure: string },
  ) {}

  private set(list: KeysetList<R>): void {
    this.list = list;
    this.host.requestUpdate();
  }

  /** Reads the list again from its first page. */
  reload(): void {
    this.generation += 1;
    this.set({ ...this.list, loading: false, error: null });
    void this.load(true);
  }

  /** Fetches the next page when the rows wanted in view come near the end of what is loaded. */
  loadMoreIfNeeded(wantedEnd: number): void {
    const { list } = this;
    if (list.loading || list.nextCursor === null) return;
    // After this update, not inside it: loading changes state, which would schedule an update from `updated`.
    if (wantedEnd + this.options.prefetchRows > list.rows.length) queueMicrotask(() => void this.load(false));
  }

  private async load(first: boolean): Promise<void> {
    if (this.list.loading && !first) return;
    const after = first ? null : this.list.nextCursor;
    if (after === null && !first) return;
    const request = this.fetchPage(after, after === null ? this.options.firstPage : this.options.nextPage);
    if (request === null) return;
    const generation = this.generation;
    this.set({ ...this.list, loading: true, error: null });
    try {
      const page = await request;
      if (generation !== this.generation) return;
      this.set({
        rows: first ? page.rows : [...this.list.rows, ...page.rows],
        total: page.total,
        nextCursor: page.nextCursor,
        loading: false,
        error: null,
      });
    } catch (error) {
      if (generation !== this.generation) return;
      this.set({ ...this.list, loading: false, error: problemText(error, this.options.failure) });
    }
  }
}
