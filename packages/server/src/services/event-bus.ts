import { EventEmitter, on } from 'node:events';
import { porticoEventSchema, type PorticoEvent } from '@portico/core';
import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { DatabaseHandle } from '../db/connect.ts';
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
  private stopListening: (() => Promise<void>) | null = null;

  private constructor(private readonly logger: Logger) {
    this.emitter.setMaxListeners(0);
  }

  /** Starts listening on the database. */
  static async start(database: DatabaseHandle, logger: Logger): Promise<EventBus> {
    const bus = new EventBus(logger);
    bus.stopListening = await database.listen(EVENTS_CHANNEL, (payload) => bus.dispatch(payload));
    return bus;
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
    await this.stopListening?.();
    this.stopListening = null;
    this.emitter.removeAllListeners();
  }
}
