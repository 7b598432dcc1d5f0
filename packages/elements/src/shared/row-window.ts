import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Lists longer than this render only the rows in view. */
export const WINDOW_THRESHOLD = 200;
/** Rows rendered above and below the visible ones, so fast scrolling and Tab never meet a blank. */
const OVERSCAN = 20;

/** The rows to render of a long table: `[start, end)` of the list, and the space the others take. */
export interface RowWindow {
  start: number;
  end: number;
  /** Where the view ends, loaded or not: a list loaded page by page fetches until it has this many rows. */
  wantedEnd: number;
  spaceBefore: number;
  spaceAfter: number;
}

/**
 * Renders thousands of table rows by keeping only those in view in the DOM, while the table stays a real
 * `<table>` (screen readers get `aria-rowcount` and `aria-rowindex`; a virtualizer that positions rows absolutely
 * cannot keep table layout). Rows have one height, measured from a rendered row; spacer rows stand in for the
 * rest. The host calls `window(count)` in render and puts the table inside the element `scroller()` returns.
 */
export class RowWindowController implements ReactiveController {
  private scrollTop = 0;
  private viewport = 600;
  private rowHeight = 36;
  private frame = 0;
  private element: HTMLElement | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly scroller: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  private readonly onScroll = () => {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const element = this.element;
      if (!element) return;
      this.scrollTop = element.scrollTop;
      this.viewport = element.clientHeight || this.viewport;
      this.host.requestUpdate();
    });
  };

  hostUpdated(): void {
    const element = this.scroller();
    if (element !== this.element) {
      this.element?.removeEventListener('scroll', this.onScroll);
      this.element = element;
      element?.addEventListener('scroll', this.onScroll, { passive: true });
      if (element) this.viewport = element.clientHeight || this.viewport;
    }
    const row = element?.querySelector<HTMLElement>('tbody tr:not([aria-hidden])');
    if (row && row.offsetHeight > 0 && Math.abs(row.offsetHeight - this.rowHeight) > 0.5) {
      this.rowHeight = row.offsetHeight;
      this.host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    this.element?.removeEventListener('scroll', this.onScroll);
    this.element = null;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /**
   * Which of `count` rows to render now, of which only the first `loaded` are at hand (a list fetched page by
   * page); the rows not loaded yet take their space, so the scroll bar shows the whole list. Short lists render
   * whole.
   */
  window(count: number, loaded = count): RowWindow {
    if (count <= WINDOW_THRESHOLD) {
      const end = Math.min(count, loaded);
      return { start: 0, end, wantedEnd: count, spaceBefore: 0, spaceAfter: 0 };
    }
    const first = Math.floor(this.scrollTop / this.rowHeight);
    const wantedEnd = Math.min(count, first + Math.ceil(this.viewport / this.rowHeight) + OVERSCAN);
    const end = Math.min(wantedEnd, loaded);
    const start = Math.max(0, Math.min(end, first - OVERSCAN));
    return {
      start,
      end,
      wantedEnd,
      spaceBefore: start * this.rowHeight,
      spaceAfter: (count - end) * this.rowHeight,
    };
  }
}
