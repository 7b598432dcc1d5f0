import pg from 'pg';

/** A callback for a NOTIFY payload. */
export type NotificationHandler = (payload: string) => void;

/** Where a LISTEN connection stands: `listening`, or `reconnecting` after losing its connection. */
export type ListenerState = 'listening' | 'reconnecting';

/** A channel being listened to. */
export interface Listener {
  state(): ListenerState;
  stop(): Promise<void>;
}

/** How long to wait before the n-th attempt to listen again: 100 ms, doubling, at most 5 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(5000, 100 * 2 ** attempt);
}

/**
 * LISTEN on a PostgreSQL connection of its own that survives losing it: when the connection drops (a restart, a
 * failover, `pg_terminate_backend`), it connects again with back-off, listens again, and calls `onReconnect`,
 * since notifications sent in between were lost. The first connection must succeed (start-up fails otherwise).
 */
export async function listenPostgres(
  options: { connectionString: string; connectTimeoutMs: number; channel: string },
  onNotification: NotificationHandler,
  onReconnect: () => void,
): Promise<Listener> {
  let client: pg.Client | null = null;
  let state: ListenerState = 'listening';
  let stopped = false;
  let attempt = 0;
  const quoted = `"${options.channel.replaceAll('"', '""')}"`;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({
      connectionString: options.connectionString,
      connectionTimeoutMillis: options.connectTimeoutMs,
    });
    next.on('notification', (message) => {
      if (message.channel === options.channel && message.payload !== undefined)
        onNotification(message.payload);
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${quoted}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    client = next;
    state = 'listening';
    attempt = 0;
  };

  const retry = () => {
    const timer = setTimeout(() => {
      if (stopped) return;
      connect().then(
        () => onReconnect(),
        () => retry(),
      );
    }, reconnectDelayMs(attempt));
    attempt += 1;
    timer.unref();
  };

  function lost(which: pg.Client): void {
    if (stopped || which !== client) return;
    client = null;
    state = 'reconnecting';
    retry();
  }

  await connect();
  return {
    state: () => state,
    async stop() {
      stopped = true;
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
