// React 19 JSX for the Portico tags: `import type {} from '@portico/elements/react';` once in the project.
// React 19 sets a custom element's properties and attaches `on<event-name>` props as listeners of that event.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PorticoTag, PorticoTagEvents, PorticoTagProperties } from './tags.js';

type EventProps<T extends PorticoTag> = {
  [E in keyof PorticoTagEvents[T] as `on${E & string}`]?: (
    event: CustomEvent<PorticoTagEvents[T][E]>,
  ) => void;
};

type PorticoJsx = {
  [T in PorticoTag]: DetailedHTMLProps<HTMLAttributes<HTMLElementTagNameMap[T]>, HTMLElementTagNameMap[T]> &
    PorticoTagProperties[T] &
    EventProps<T>;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends PorticoJsx {}
  }
}
