import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase } from './connect.ts';

const BIN = fileURLToPath(new URL('../cli/portico-server.ts', import.meta.url));

/** A TCP server that accepts connections and never says a word: a database that hangs. */
function silentServer(): Promise<{ server: Server; port: number; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, sockets, port: typeof address === 'object' && address ? address.port : 0 });
    }),
  );
}

function runStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BIN, 'start'], {
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr, ms: Date.now() - started }));
  });
}

describe('opening PostgreSQL: a database that cannot be reached ends start-up in words, never hangs', () => {
  let silent: Awaited<ReturnType<typeof silentServer>>;
  before(async () => {
    silent = await silentServer();
  });
  after(() => {
    for (const socket of silent.sockets) socket.destroy();
    silent.server.close();
  });

  it('times out on a database that accepts TCP and never answers, naming DATABASE_URL and the host', async () => {
    const url = `postgres://portico:secret-password@127.0.0.1:${silent.port}/portico`;
    const started = Date.now();
    await assert.rejects(
      openDatabase({ databaseUrl: url, dataDir: 'unused', databaseConnectTimeoutMs: 1000 }),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : '';
        assert.match(message, new RegExp(`PostgreSQL at 127\\.0\\.0\\.1:${silent.port} \\(DATABASE_URL\\)`));
        assert.match(message, /did not answer within 1 s/);
        assert.ok(!message.includes('secret-password'), 'never the password');
        return true;
      },
    );
    assert.ok(Date.now() - started < 5000);
  });

  it('exits non-zero from `portico-server start` with one sentence for a closed port and for a bad URL', async () => {
    const refused = await runStart({
      DATABASE_URL: 'postgres://portico@127.0.0.1:1/portico',
      PORTICO_JWT_SECRET: 'x'.repeat(40),
      PORTICO_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
      DATABASE_CONNECT_TIMEOUT_SECONDS: '2',
    });
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(
      refused.stderr,
      /Cannot connect to PostgreSQL at 127\.0\.0\.1:1 \(DATABASE_URL\): the connection was refused/,
    );
    assert.ok(!/\n\s+at /.test(refused.stderr), 'no stack');

    const bad = await runStart({
      DATABASE_URL: 'mysql://nowhere',
      PORTICO_JWT_SECRET: 'x'.repeat(40),
      PORTICO_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    });
    assert.equal(bad.code, 1, bad.stderr);
    assert.match(bad.stderr, /DATABASE_URL is not a PostgreSQL URL/);
  });
});
