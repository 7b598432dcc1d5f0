import { EventEmitter, on } from 'node:events';
import { porticoEventSchema, streamEvent, type PorticoEvent } from '@portico/core';
import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Listener, ListenerState } from '../db/listener.ts';
import type { Clock } from './clock.ts';
import type { Logger } from '../logger.ts';
import type { Database } from '../db/database.ts';

/** The PostgreSQL channel every instance listens on. */
export const EVENTS_CHANNEL = 'portico_events';

const notificationSchema = z.object({ organizationId: z.uuid(), event: porticoEventSchema });

/**
 * Announces a change to every server instance. NOTIFY is transactional: listeners hear it only when the
 * request's transaction commits, and never when it rolls back.
 */
export async function publishEvent(
  scope: { organizationId: string; transaction: Transaction<Database> },
  event: PorticoEvent,
): Promise<void> {
  const payload = JSON.stringify({ organizationId: scope.organizationId, event });
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${payload})`.execute(scope.transaction);
}

/**
 * Fans PostgreSQL notifications out to this instance's open subscriptions, by organization. It holds no
 * state another instance would need: every instance hears every commit through LISTEN.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  private listener: Listener | null = null;

  private constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** Starts listening on the database. */
  static async start(database: DatabaseHandle, logger: Logger, clock: Clock): Promise<EventBus> {
    const bus = new EventBus(logger, clock);
    bus.listener = await database.listen(
      EVENTS_CHANNEL,
      (payload) => bus.dispatch(payload),
      () => bus.missed(),
    );
    return bus;
  }

  /** Whether this instance hears the database's notifications now (`/readyz`). */
  listenerState(): ListenerState {
    return this.listener?.state() ?? 'reconnecting';
  }

  /** After the LISTEN connection came back: every open stream is told it may have missed events. */
  private missed(): void {
    this.logger.warn({ channel: EVENTS_CHANNEL }, 'listening again after losing the connection');
    const event = streamEvent('stream.missed', this.clock.now());
    // Only organizations' names: `events.on` also listens for `error`, which must never be emitted here.
    for (const name of this.emitter.eventNames())
      if (typeof name === 'string' && name !== 'error') this.emitter.emit(name, event);
  }

  private dispatch(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      parsed = undefined;
    }
    const notification = notificationSchema.safeParse(parsed);
    if (!notification.success) {
      this.logger.warn({ channel: EVENTS_CHANNEL }, 'ignored a malformed event notification');
      return;
    }
    this.emitter.emit(notification.data.organizationId, notification.data.event);
  }

  /** The events of one organization, until the signal aborts. */
  async *stream(organizationId: string, signal: AbortSignal): AsyncGenerator<PorticoEvent> {
    try {
      for await (const args of on(this.emitter, organizationId, { signal })) {
        // The emitter is private and only ever emits events `dispatch` has already parsed.
        const event: PorticoEvent = args[0];
        yield event;
      }
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AbortError')) throw error;
    }
  }

  /** Stops listening. */
  async close(): Promise<void> {
    await this.listener?.stop();
    this.listener = null;
    this.emitter.removeAllListeners();
  }
}
