import type { EventTopic, LiveSubscription, PorticoClient, PorticoEvent } from '@portico/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

interface SharedStream {
  listeners: Set<(event: PorticoEvent) => void>;
  live: LiveSubscription;
}

/** One event stream per client, whatever the number of elements listening: one server connection per page. */
const streams = new WeakMap<PorticoClient, SharedStream>();

function listen(client: PorticoClient, listener: (event: PorticoEvent) => void): () => void {
  let stream = streams.get(client);
  if (!stream) {
    const listeners = new Set<(event: PorticoEvent) => void>();
    const live = client.events.stream.subscribe(undefined, {
      onData: (event) => {
        for (const each of [...listeners]) each(event);
      },
    });
    stream = { listeners, live };
    streams.set(client, stream);
  }
  const shared = stream;
  shared.listeners.add(listener);
  return () => {
    shared.listeners.delete(listener);
    if (shared.listeners.size === 0 && streams.get(client) === shared) {
      shared.live.unsubscribe();
      streams.delete(client);
    }
  };
}

/**
 * Keeps a widget current: while the host is connected, listens to its organization's live events through the
 * client it has now, and calls `reload` when one of `topics` arrives. Resubscribes when the client changes.
 * Elements under one `<portico-root>` share a single stream.
 */
export class LiveReloadController implements ReactiveController {
  private stop: (() => void) | undefined;
  private client: PorticoClient | undefined;
  /** Only a connected host listens: a late update after removal must not open a stream nobody closes. */
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly currentClient: () => PorticoClient | undefined,
    private readonly topics: readonly EventTopic[],
    private readonly reload: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
  }

  hostUpdated(): void {
    if (this.connected && this.currentClient() !== this.client) this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop?.();
    this.stop = undefined;
    this.client = undefined;
  }

  private subscribe(): void {
    this.stop?.();
    this.client = this.currentClient();
    this.stop = this.client
      ? listen(this.client, (event) => {
          // Events may have been missed while the server reconnected to the database: everything reloads.
          if (event.topic === 'stream.missed' || this.topics.includes(event.topic)) this.reload();
        })
      : undefined;
  }
}
