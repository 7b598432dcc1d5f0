/**
 * A widget's whole rendered tree as a person meets it: its shadow root and the shadow roots of the parts it is made
 * of, walked in composed order. Tests query it as they would one shadow root, so a widget can be split into parts
 * without its tests learning where each part lives.
 */
export interface ComposedTree {
  querySelector<K extends keyof HTMLElementTagNameMap>(selector: K): HTMLElementTagNameMap[K] | null;
  querySelector<E extends Element = HTMLElement>(selector: string): E | null;
  querySelectorAll<K extends keyof HTMLElementTagNameMap>(selector: K): HTMLElementTagNameMap[K][];
  querySelectorAll<E extends Element = HTMLElement>(selector: string): E[];
  getElementById(id: string): HTMLElement | null;
  readonly textContent: string;
  readonly innerHTML: string;
  readonly activeElement: Element | null;
}

function* nodesOf(parent: Node): Generator<Node> {
  for (const child of parent.childNodes) {
    yield child;
    const shadow = child instanceof Element ? child.shadowRoot : null;
    yield* nodesOf(shadow ?? child);
  }
}

function* elementsOf(parent: Node): Generator<Element> {
  for (const node of nodesOf(parent)) if (node instanceof Element) yield node;
}

/** The composed tree under `host`'s shadow root. */
export function composed(host: Element): ComposedTree {
  const root = (): ShadowRoot => {
    if (!host.shadowRoot) throw new Error(`${host.localName} has no shadow root`);
    return host.shadowRoot;
  };
  return {
    querySelector<E extends Element>(selector: string): E | null {
      for (const element of elementsOf(root())) if (element.matches(selector)) return element as E;
      return null;
    },
    querySelectorAll<E extends Element>(selector: string): E[] {
      return [...elementsOf(root())].filter((element) => element.matches(selector)) as E[];
    },
    getElementById(id: string) {
      for (const element of elementsOf(root()))
        if (element.id === id && element instanceof HTMLElement) return element;
      return null;
    },
    get textContent() {
      let text = '';
      for (const node of nodesOf(root()))
        if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
      return text;
    },
    get innerHTML() {
      const roots = [root(), ...[...elementsOf(root())].flatMap((element) => element.shadowRoot ?? [])];
      return roots.map((shadow) => shadow.innerHTML).join('');
    },
    get activeElement() {
      let active: Element | null = root().activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active;
    },
  };
}
