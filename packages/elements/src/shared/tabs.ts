import { html, type TemplateResult } from 'lit';
import type { ReactiveControllerHost } from 'lit';

/**
 * One accessible tab list (WAI-ARIA tabs, automatic activation): roving tabindex, Left/Right arrows wrap, Home and
 * End jump, and the chosen tab takes focus. The host keeps the selected tab (`get`/`set`) and renders each panel
 * with `panelAttributes`.
 */
export class TabsController<T extends string> {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: {
      tabs: readonly T[];
      labels: Record<T, string>;
      /** Prefix of the tab and panel ids (`dialog-` gives `dialog-tab-response`), unique in the shadow root. */
      idPrefix: string;
      get: () => T;
      set: (tab: T) => void;
    },
  ) {}

  /** Shows `tab`, and moves focus to it when asked (keyboard, or a link that opens the tab). */
  select(tab: T, focus = false): void {
    this.options.set(tab);
    if (!focus) return;
    void this.host.updateComplete.then(() =>
      this.host.shadowRoot?.querySelector<HTMLElement>(`#${this.options.idPrefix}tab-${tab}`)?.focus(),
    );
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const { tabs } = this.options;
    const index = tabs.indexOf(this.options.get());
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? tabs.length - 1
          : (index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length;
    const tab = tabs[next];
    if (tab !== undefined) this.select(tab, true);
  };

  /** The tab list. */
  render(label: string, part?: string): TemplateResult {
    const { tabs, labels, idPrefix } = this.options;
    const current = this.options.get();
    return html`<div role="tablist" part=${part ?? ''} aria-label=${label} @keydown=${this.onKey}>
      ${tabs.map(
        (tab) =>
          html`<button
            role="tab"
            id="${idPrefix}tab-${tab}"
            aria-selected=${current === tab ? 'true' : 'false'}
            aria-controls="${idPrefix}panel-${tab}"
            tabindex=${current === tab ? 0 : -1}
            @click=${() => this.select(tab)}
          >
            ${labels[tab]}
          </button>`,
      )}
    </div>`;
  }

  /** The id, label and visibility of `tab`'s panel. */
  panel(tab: T, content: unknown): TemplateResult {
    const { idPrefix } = this.options;
    return html`<div
      role="tabpanel"
      id="${idPrefix}panel-${tab}"
      aria-labelledby="${idPrefix}tab-${tab}"
      ?hidden=${this.options.get() !== tab}
    >
      ${content}
    </div>`;
  }
}
