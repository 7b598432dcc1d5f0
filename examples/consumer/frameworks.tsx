// A React 19 and Vue 3 consumer of the tags' typings: properties and event details are typed, not `any`.
import type {} from '@portico/elements/react';
import type {} from '@portico/elements/vue';
import type { GlobalComponents } from 'vue';

export function Portal({ token }: { token: string }) {
  return (
    <portico-root url="https://portico.payer.example" token={token}>
      <portico-storefront
        onportico-subscription-changed={(event) => console.log(event.detail.subscriptions.length)}
      ></portico-storefront>
      <portico-access-hub
        tab="tasks"
        onportico-open-worklist={(event) => console.log(event.detail.taskIds)}
      />
    </portico-root>
  );
}

export type HubInVue = GlobalComponents['portico-access-hub'];
