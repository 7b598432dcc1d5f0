import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.ts';
import { generateEncryptionKey } from './services/sealer.ts';

describe('configuration from the environment', () => {
  it('runs embedded with generated secrets and demo mode when nothing is set', () => {
    const config = loadConfig({ PORTICO_DATA_DIR: 'memory://' });
    assert.equal(config.databaseUrl, null);
    assert.equal(config.demo, true);
    assert.equal(config.tokenKey.kind, 'secret');
    assert.equal(config.encryptionKeys.length, 1);
    assert.equal(config.port, 3000);
  });

  it('refuses PostgreSQL without a token key or encryption keys, and leaves demo mode off', () => {
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'postgres://db/portico' }),
      /PORTICO_JWT_SECRET or PORTICO_JWKS_URL/,
    );
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'postgres://db/portico', PORTICO_JWT_SECRET: 's'.repeat(32) }),
      /PORTICO_ENCRYPTION_KEYS/,
    );
    const config = loadConfig({
      DATABASE_URL: 'postgres://db/portico',
      PORTICO_JWT_SECRET: 's'.repeat(32),
      PORTICO_ENCRYPTION_KEYS: `${generateEncryptionKey('k2')},${generateEncryptionKey('k1')}`,
    });
    assert.equal(config.demo, false);
    assert.deepEqual(
      config.encryptionKeys.map((key) => key.id),
      ['k2', 'k1'],
    );
  });

  it('lists every invalid variable at once', () => {
    assert.throws(
      () =>
        loadConfig({
          PORT: 'eighty',
          PORTICO_JWT_SECRET: 'short',
          LOG_LEVEL: 'loud',
          PORTICO_DATA_DIR: 'memory://',
        }),
      (error: Error) =>
        /PORT/.test(error.message) &&
        /PORTICO_JWT_SECRET/.test(error.message) &&
        /LOG_LEVEL/.test(error.message),
    );
  });

  it('reads a CORS allow-list and a pinned clock', () => {
    const config = loadConfig({
      PORTICO_DATA_DIR: 'memory://',
      PORTICO_CORS_ORIGINS: 'https://a.example, https://b.example',
      PORTICO_CLOCK: '2026-11-23T15:00:00Z',
    });
    assert.deepEqual(config.corsOrigins, ['https://a.example', 'https://b.example']);
    assert.equal(config.pinnedNow?.toISOString(), '2026-11-23T15:00:00.000Z');
  });
});
