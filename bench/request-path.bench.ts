import { createServer, type Server } from 'node:http';
import autocannon from 'autocannon';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { mintToken } from '../packages/server/src/auth/tokens.ts';
import { seedAccessHubDemo } from '../packages/server/src/demo/access-hub-demo.ts';
import { demoUsers } from '../packages/server/src/demo/demo-office.ts';
import { BENCH_ISSUER, BENCH_SECRET, withBenchApp } from './support.ts';

const CONNECTIONS = 50;
const ROUND_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? '5');
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? '3');

/**
 * The limit: a bare `node:http` + `pg` + `jose` handler doing what `organizations.me` does and nothing else:
 * verify the token, one transaction, resolve the caller (the same one-query join Portico runs), answer JSON.
 * The same pool size as Portico's.
 */
async function startBareHandler(databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(BENCH_SECRET),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  const server: Server = createServer((req, res) => {
    void (async () => {
      const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      try {
        if (!token) throw new Error('no token');
        const { payload } = await jwtVerify(token, key, {
          issuer: BENCH_ISSUER,
          audience: 'portico',
          currentDate: new Date('2026-11-23T15:00:00Z'),
        });
        const client = await pool.connect();
        try {
          await client.query('begin');
          const { rows } = await client.query(
            `select o.id, o.name, o.kind, o.time_zone, u.id as user_id, u.display_name, m.roles,
               (select array_agg(ms.site_id::text order by ms.site_id) from membership_sites ms
                where ms.organization_id = o.id and ms.user_id = u.id) as site_ids
             from organizations o
             left join users u on u.issuer = $1 and u.subject = $2
             left join memberships m on m.organization_id = o.id and m.user_id = u.id
             where o.external_id = $3`,
            [payload.iss, payload.sub, payload['org']],
          );
          await client.query('commit');
          const row = rows[0];
          res.setHeader('content-type', 'application/json');
          res.end(
            JSON.stringify({
              result: {
                data: {
                  user: { id: row.user_id, displayName: row.display_name },
                  organization: { id: row.id, name: row.name, kind: row.kind, timeZone: row.time_zone },
                  roles: row.roles,
                  sites: row.site_ids ?? [],
                },
              },
            }),
          );
        } finally {
          client.release();
        }
      } catch {
        res.statusCode = 401;
        res.end('{"error":"unauthorized"}');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

interface Round {
  requests: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, token: string): Promise<Round> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: ROUND_SECONDS,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    requests: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function summary(rounds: Round[]): { rps: number; p50: number; p99: number; errors: number } {
  return {
    rps: median(rounds.map((r) => r.requests)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
  };
}

/**
 * Portico's request path against the bare handler, side by side in one run at 50 connections (autocannon, in
 * this process: the load generator shares the cores), in alternating rounds; medians of the rounds, and each
 * Portico procedure's throughput and p99 as a ratio to the bare handler's.
 */
export async function benchRequestPath(serverUrl: string): Promise<Record<string, string>> {
  return withBenchApp(serverUrl, 'portico_bench_request_path', async (app) => {
    await seedAccessHubDemo(app.database.db, app.clock.now());
    const portico = (await app.serve()).url;
    const bare = await startBareHandler(app.url);
    const user = demoUsers['billing-manager'];
    const token = await mintToken({
      secret: BENCH_SECRET,
      issuer: BENCH_ISSUER,
      audience: 'portico',
      subject: user.subject,
      organization: user.organization,
      name: user.name,
      now: app.clock.now(),
    });
    const targets: Record<string, string> = {
      'bare node:http + pg + jose': bare.url,
      'organizations.me': `${portico}/trpc/organizations.me`,
      'providers.list': `${portico}/trpc/providers.list`,
      'accessHub.tasks': `${portico}/trpc/accessHub.tasks?input=${encodeURIComponent('{}')}`,
    };
    const rounds = new Map<string, Round[]>(Object.keys(targets).map((name) => [name, []]));
    try {
      // Warm both up, then alternate, so a slow moment of the machine falls on every target alike.
      for (const url of Object.values(targets)) await load(url, token);
      for (let round = 0; round < ROUNDS; round += 1)
        for (const [name, url] of Object.entries(targets)) rounds.get(name)?.push(await load(url, token));
    } finally {
      await bare.close();
    }
    const base = summary(rounds.get('bare node:http + pg + jose') ?? []);
    const results: Record<string, string> = {};
    for (const [name, list] of rounds) {
      const s = summary(list);
      const ratio = name.startsWith('bare')
        ? ''
        : `  ${(s.rps / base.rps).toFixed(2)}× throughput, p99 ${(s.p99 / base.p99).toFixed(2)}×`;
      results[name] =
        `${s.rps.toFixed(0)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms${s.errors ? `, ${s.errors} errors` : ''}${ratio}`;
    }
    return results;
  });
}
