import type { EventTopic, LiveSubscription, PorticoClient } from '@portico/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps a widget current: while the host is connected, listens to its organization's live events through the
 * client it has now, and calls `reload` when one of `topics` arrives. Resubscribes when the client changes.
 */
export class LiveReloadController implements ReactiveController {
  private live: LiveSubscription | undefined;
  private client: PorticoClient | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly currentClient: () => PorticoClient | undefined,
    private readonly topics: readonly EventTopic[],
    private readonly reload: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.subscribe();
  }

  hostUpdated(): void {
    if (this.currentClient() !== this.client) this.subscribe();
  }

  hostDisconnected(): void {
    this.live?.unsubscribe();
    this.live = undefined;
    this.client = undefined;
  }

  private subscribe(): void {
    this.live?.unsubscribe();
    this.client = this.currentClient();
    this.live = this.client?.events.stream.subscribe(undefined, {
      onData: (event) => {
        if (this.topics.includes(event.topic)) this.reload();
      },
    });
  }
}
