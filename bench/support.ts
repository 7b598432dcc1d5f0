import { createPorticoClient, type PorticoClient } from '@portico/core';
import pg from 'pg';
import { mintToken } from '../packages/server/src/auth/tokens.ts';
import type { Clearinghouse } from '../packages/server/src/services/clearinghouse.ts';
import { SandboxGateway } from '../packages/server/src/billing/sandbox-gateway.ts';
import { PinnedClock } from '../packages/server/src/services/clock.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { openPostgres, type DatabaseHandle } from '../packages/server/src/db/connect.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { startPorticoServer, type PorticoServer } from '../packages/server/src/http/server.ts';
import { createLogger } from '../packages/server/src/logger.ts';
import { seedDemo } from '../packages/server/src/demo/demo-office.ts';

/** Percentile of a sorted list of numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** p50 and p95 of `samples` runs of `run`, after `warmUp` runs that are not counted. */
export async function latency(
  run: () => Promise<unknown>,
  samples: number,
  warmUp = 20,
): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < warmUp; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** A latency as the benchmarks print it. */
export const ms = ({ p50, p95 }: { p50: number; p95: number }) =>
  `p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`;

/** Runs `use` on a fresh database on the server, dropped afterwards. */
export async function withDatabase<T>(
  serverUrl: string,
  name: string,
  use: (url: string) => Promise<T>,
): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await use(url.toString());
  } finally {
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  }
}

/** The HS256 secret every benchmark's tokens are signed with. */
export const BENCH_SECRET = 'portico-bench-secret-0123456789abcdef-0123456789';
/** The token issuer of every benchmark's users (the demo seed's users too). */
export const BENCH_ISSUER = 'portico-bench';

/** Who a benchmark's SDK client signs in as: the claims a host portal's token carries. */
export interface BenchUser {
  subject: string;
  organization: string;
  name?: string;
  email?: string;
}

/** A migrated, demo-seeded PostgreSQL database for one benchmark, and the real server on it when asked. */
export interface BenchApp {
  url: string;
  database: DatabaseHandle;
  clock: PinnedClock;
  /**
   * Starts the real HTTP server on this database (closed with the app); its clients sign in as `user`. Without a
   * clearinghouse, the server opens its own sandbox payer.
   */
  serve(options?: {
    clearinghouse?: Clearinghouse;
  }): Promise<{ url: string; clientFor(user: BenchUser): PorticoClient }>;
}

/** Runs `use` with a fresh bench database and, once `serve` is called, the server; everything is closed after. */
export async function withBenchApp<T>(
  serverUrl: string,
  name: string,
  use: (app: BenchApp) => Promise<T>,
): Promise<T> {
  return withDatabase(serverUrl, name, async (url) => {
    const database = openPostgres(url, 10);
    const clock = new PinnedClock('2026-11-23T15:00:00Z');
    const gateway = await SandboxGateway.open({ databaseUrl: url, dataDir: 'memory://' });
    let server: PorticoServer | null = null;
    try {
      await migrateToLatest(database.db);
      await seedDemo(database.db, { issuer: BENCH_ISSUER, now: clock.now() });
      return await use({
        url,
        database,
        clock,
        async serve(options = {}) {
          const config = loadConfig({
            PORT: '0',
            DATABASE_URL: url,
            PORTICO_JWT_SECRET: BENCH_SECRET,
            PORTICO_JWT_ISSUER: BENCH_ISSUER,
            PORTICO_ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 3).toString('base64')}`,
          });
          const started = await startPorticoServer({
            config,
            database,
            clock,
            gateway,
            logger: createLogger('silent'),
            ...(options.clearinghouse ? { clearinghouse: options.clearinghouse } : {}),
          });
          server = started;
          return {
            url: started.url,
            clientFor: (user) =>
              createPorticoClient({
                url: started.url,
                getToken: () =>
                  mintToken({
                    secret: BENCH_SECRET,
                    issuer: BENCH_ISSUER,
                    audience: 'portico',
                    ...user,
                    now: clock.now(),
                  }),
              }),
          };
        },
      });
    } finally {
      await (server as PorticoServer | null)?.close();
      await gateway.close();
      await database.close();
    }
  });
}
