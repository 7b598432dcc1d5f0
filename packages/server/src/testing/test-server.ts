import { Writable } from 'node:stream';
import { createPorticoClient, porticoContract, type PorticoClient } from '@portico/core';
import { EventSource } from 'eventsource';
import { mintToken } from '../auth/tokens.ts';
import { SandboxGateway } from '../billing/sandbox-gateway.ts';
import { PinnedClock } from '../services/clock.ts';
import { loadConfig, type ServerConfig } from '../config.ts';
import { openPostgres, type DatabaseHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { startPorticoServer, type PorticoServer } from '../http/server.ts';
import { createLogger } from '../logger.ts';
import { demoTokenClaims, seedDemo, type DemoUserKey } from '../demo/demo-office.ts';
import { openTestDatabase } from './test-database.ts';

export const TEST_SECRET = 'portico-test-secret-0123456789abcdef-0123456789';
export const TEST_ISSUER = 'https://host-portal.test';
export const TEST_AUDIENCE = 'portico';

/** A real Portico server on a fresh database, seeded with the demo offices, for one test file. */
export interface TestServer {
  url: string;
  clock: PinnedClock;
  database: DatabaseHandle;
  /** What another instance would set as DATABASE_URL (PostgreSQL), or the PGlite data directory. */
  databaseUrl: string;
  server: PorticoServer;
  /** The sandbox payment gateway the server charges (its own storage, as an outside gateway has). */
  gateway: SandboxGateway;
  /** Every line the server logged, for checks that secrets never reach the log. */
  logLines: string[];
  /** A token for a demo user, minted now by the test clock. */
  tokenFor(user: DemoUserKey, overrides?: Partial<Parameters<typeof mintToken>[0]>): Promise<string>;
  /** The real SDK client, signed in as a demo user. */
  clientFor(user: DemoUserKey): PorticoClient;
  /** The real SDK client with a given token. */
  clientWithToken(token: string | null): PorticoClient;
  close(): Promise<void>;
}

/** Starts a test server at a pinned instant (default 2026-11-23 15:00 UTC). */
export async function startTestServer(
  options: {
    now?: string;
    config?: Partial<ServerConfig>;
    /** A second instance: serve this database (PostgreSQL) too, instead of a fresh one. */
    database?: DatabaseHandle & { url: string };
  } = {},
): Promise<TestServer> {
  const clock = new PinnedClock(options.now ?? '2026-11-23T15:00:00Z');
  const database = options.database ?? (await openTestDatabase());
  await migrateToLatest(database.db);
  await seedDemo(database.db, { issuer: TEST_ISSUER, now: clock.now() });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  // The production defaults from loadConfig, with the test's own secrets, so the two never drift apart.
  const config: ServerConfig = {
    ...loadConfig({
      PORT: '0',
      PORTICO_DATA_DIR: 'memory://',
      PORTICO_JWT_SECRET: TEST_SECRET,
      PORTICO_ENCRYPTION_KEYS: `test1:${Buffer.alloc(32, 7).toString('base64')}`,
      PORTICO_JWT_ISSUER: TEST_ISSUER,
      PORTICO_JWT_AUDIENCE: TEST_AUDIENCE,
      PORTICO_DEMO: 'true',
    }),
    ...options.config,
  };
  const gateway = await SandboxGateway.open({
    databaseUrl: database.kind === 'postgres' ? database.url : null,
    dataDir: 'memory://',
  });
  const server = await startPorticoServer({
    config,
    database,
    clock,
    gateway,
    logger: createLogger('info', sink),
  });
  const tokenFor: TestServer['tokenFor'] = (key, overrides = {}) => {
    return mintToken({
      secret: TEST_SECRET,
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      ...demoTokenClaims(key),
      now: clock.now(),
      ...overrides,
    });
  };
  const clientWithToken = (token: string | null) =>
    createPorticoClient({ url: server.url, getToken: () => token, EventSource, contract: porticoContract });
  return {
    url: server.url,
    clock,
    database,
    databaseUrl: database.url,
    server,
    logLines,
    tokenFor,
    clientFor: (key) =>
      createPorticoClient({
        url: server.url,
        getToken: () => tokenFor(key),
        EventSource,
        contract: porticoContract,
      }),
    clientWithToken,
    gateway,
    async close() {
      await server.close();
      await gateway.close();
      await database.close();
    },
  };
}

/**
 * Another server instance on `first`'s PostgreSQL database, as a second node of a deployment would be. Close it
 * before `first`: its close ends only its own pool, and `first` drops the database.
 */
export function startSecondInstance(first: TestServer): Promise<TestServer> {
  return startTestServer({
    database: Object.assign(openPostgres(first.databaseUrl, 3), { url: first.databaseUrl }),
  });
}
