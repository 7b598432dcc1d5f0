// Vue 3 templates for the Portico tags: `import type {} from '@portico/elements/vue';` once in the project (and
// tell Vue's compiler that tags starting with `portico-` are custom elements: `isCustomElement`).
import type { DefineComponent } from 'vue';
import type { PorticoTag, PorticoTagEvents, PorticoTagProperties } from './tags.js';

type EventProps<T extends PorticoTag> = {
  [E in keyof PorticoTagEvents[T] as `on${Capitalize<E & string>}`]?: (
    event: CustomEvent<PorticoTagEvents[T][E]>,
  ) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'portico-root': DefineComponent<PorticoTagProperties['portico-root'] & EventProps<'portico-root'>>;
    'portico-storefront': DefineComponent<EventProps<'portico-storefront'>>;
    'portico-billing': DefineComponent<EventProps<'portico-billing'>>;
    'portico-provider-manager': DefineComponent<EventProps<'portico-provider-manager'>>;
    'portico-user-admin': DefineComponent<EventProps<'portico-user-admin'>>;
    'portico-audit-log': DefineComponent<EventProps<'portico-audit-log'>>;
    'portico-eligibility': DefineComponent<EventProps<'portico-eligibility'>>;
    'portico-claim-status': DefineComponent<EventProps<'portico-claim-status'>>;
    'portico-remittance': DefineComponent<EventProps<'portico-remittance'>>;
    'portico-access-hub': DefineComponent<
      PorticoTagProperties['portico-access-hub'] & EventProps<'portico-access-hub'>
    >;
  }
}
