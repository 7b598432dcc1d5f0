/** The detail type of a `portico-*` event declared in `HTMLElementEventMap`. */
export type EventDetail<K extends keyof HTMLElementEventMap> =
  HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches one of Portico's declared events from a widget: bubbling and composed (it leaves the shadow root),
 * with the detail its declaration gives, checked by the type system per event.
 */
export function emit<K extends keyof HTMLElementEventMap>(
  host: HTMLElement,
  name: K,
  detail: EventDetail<K>,
): void {
  host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
