import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { generateEncryptionKey, parseEncryptionKeys, type EncryptionKey } from './services/sealer.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** An X12 interchange id: up to 15 capital letters, digits or spaces (ISA06, ISA08). */
const x12Id = z.string().regex(/^[A-Z0-9 ]{2,15}$/, 'two to fifteen capital letters, digits or spaces');

/** Every environment variable the server reads. README.md, "Configuration", documents each one. */
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PORTICO_HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  PORTICO_DATA_DIR: z.string().default('.portico/data'),
  PORTICO_JWT_SECRET: z.string().min(32, 'PORTICO_JWT_SECRET must be at least 32 characters').optional(),
  PORTICO_JWKS_URL: z.url().optional(),
  PORTICO_ENCRYPTION_KEYS: z.string().min(1).optional(),
  PORTICO_JWT_ISSUER: z.string().min(1).default('portico-demo'),
  PORTICO_JWT_AUDIENCE: z.string().min(1).default('portico'),
  PORTICO_DEMO: booleanFlag.optional(),
  PORTICO_CORS_ORIGINS: z.string().default('*'),
  PORTICO_CLOCK: z.iso.datetime({ offset: true }).optional(),
  PORTICO_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  PORTICO_MAX_BATCH: z.coerce.number().int().min(1).max(100).default(16),
  PORTICO_STATIC_DIR: z.string().optional(),
  PORTICO_BILLING_JOBS: booleanFlag.optional(),
  PORTICO_BILLING_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  PORTICO_SANDBOX_GATEWAY_DIR: z.string().optional(),
  PORTICO_SELF_ATTESTATION: booleanFlag.optional(),
  PORTICO_LIFECYCLE_JOBS: booleanFlag.optional(),
  PORTICO_LIFECYCLE_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(3600),
  PORTICO_REMITTANCE_JOBS: booleanFlag.optional(),
  PORTICO_REMITTANCE_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(3600),
  PORTICO_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL')
    .optional(),
  PORTICO_MAIL_FROM: z.string().min(3).max(320).default('Portico <no-reply@portico.invalid>'),
  PORTICO_EMAIL_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  PORTICO_CLEARINGHOUSE_URL: z.url().optional(),
  PORTICO_CLEARINGHOUSE_TOKEN_URL: z.url().optional(),
  PORTICO_CLEARINGHOUSE_CLIENT_ID: z.string().min(1).optional(),
  PORTICO_CLEARINGHOUSE_CLIENT_SECRET: z.string().min(1).optional(),
  PORTICO_CLEARINGHOUSE_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(120).default(20),
  PORTICO_SANDBOX_PAYER_SLOW_SECONDS: z.coerce.number().min(0).max(600).default(25),
  PORTICO_X12_SENDER_ID: x12Id.default('PORTICO'),
  PORTICO_X12_USAGE: z.enum(['T', 'P']).default('T'),
  PORTICO_PAYER_NAME: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[^*:^~]+$/, 'no * : ^ ~')
    .default('PORTICO SANDBOX HEALTH PLAN'),
  PORTICO_PAYER_ID: x12Id.default('PORTICO01'),
  PORTICO_PAYER_REFRESH_TIMES: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d(,([01]\d|2[0-3]):[0-5]\d)*$/, 'comma-separated HH:MM times (UTC)')
    .default('06:00,12:00,18:00'),
  PORTICO_X12_CODE_LISTS_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** How tokens minted by the host portal are checked. */
export type TokenKeyConfig = { kind: 'secret'; secret: string } | { kind: 'jwks'; url: string };

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL when set; embedded PGlite in `dataDir` otherwise. */
  databaseUrl: string | null;
  databasePoolSize: number;
  /** How long a new PostgreSQL connection may take to be ready; start-up fails after it. */
  databaseConnectTimeoutMs: number;
  dataDir: string;
  tokenKey: TokenKeyConfig;
  /** Keys that seal secrets at rest (SSNs, portal passwords); the first seals, all open. */
  encryptionKeys: EncryptionKey[];
  issuer: string;
  audience: string;
  /** Seeds the demo offices and serves `/demo/token`. Never on in production. */
  demo: boolean;
  corsOrigins: '*' | string[];
  /** A pinned "now" for demos; null means the system clock. */
  pinnedNow: Date | null;
  maxBodyBytes: number;
  /** The most calls one batched HTTP request may carry; more is refused with BAD_REQUEST before any runs. */
  maxBatch: number;
  staticDir: string | null;
  /** Runs the invoice run and autopay on this instance (safe on several at once). */
  billingJobs: boolean;
  billingIntervalSeconds: number;
  /** Where the embedded sandbox gateway keeps its PGlite data (without DATABASE_URL). */
  sandboxGatewayDir: string;
  /** Users may renew their own access by attesting they still need it. */
  selfAttestation: boolean;
  /** Runs the access lifecycle job (renewal reminders, suspension, inactivity termination) on this instance. */
  lifecycleJobs: boolean;
  lifecycleIntervalSeconds: number;
  /** Retrieves the 835s of every active EFT/ERA enrollment through the clearinghouse on this instance. */
  remittanceJobs: boolean;
  remittanceIntervalSeconds: number;
  /** Where mail leaves; null keeps it queued in the outbox, undelivered. */
  smtpUrl: string | null;
  mailFrom: string;
  emailIntervalSeconds: number;
  /** Where X12 goes: the embedded sandbox payer on loopback, or a clearinghouse over CORE REST connectivity. */
  clearinghouse:
    | { kind: 'sandbox'; slowSeconds: number }
    | { kind: 'core-rest'; url: string; tokenUrl: string; clientId: string; clientSecret: string };
  clearinghouseTimeoutMs: number;
  x12: {
    senderId: string;
    usage: 'T' | 'P';
    payerName: string;
    payerId: string;
    refreshTimesUtc: string[];
    /** A directory of replacement code lists (`*.json`), or null for the built-in ones. */
    codeListsDir: string | null;
  };
  logLevel: string;
}

/**
 * The embedded default keeps generated secrets beside the data directory (`.portico/`), readable by the owner
 * only, so demo tokens and sealed values survive a restart. Production passes them in the environment.
 */
function embeddedSecret(dataDir: string, name: string, generate: () => string): string {
  // An in-memory database keeps nothing, so its secrets need not outlive the process either.
  if (dataDir.startsWith('memory://')) return generate();
  const file = join(dataDir, '..', name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = generate();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * Reads the configuration from environment variables. Throws with every problem listed when it is invalid,
 * so a misconfigured server refuses to start instead of running half-configured.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const databaseUrl = e.DATABASE_URL ?? null;
  const dataDir = e.PORTICO_DATA_DIR.startsWith('memory://')
    ? e.PORTICO_DATA_DIR
    : resolve(e.PORTICO_DATA_DIR);
  let tokenKey: TokenKeyConfig;
  if (e.PORTICO_JWKS_URL) tokenKey = { kind: 'jwks', url: e.PORTICO_JWKS_URL };
  else if (e.PORTICO_JWT_SECRET) tokenKey = { kind: 'secret', secret: e.PORTICO_JWT_SECRET };
  else if (databaseUrl === null) {
    tokenKey = {
      kind: 'secret',
      secret: embeddedSecret(dataDir, 'jwt-secret', () => randomBytes(32).toString('base64url')),
    };
  } else {
    throw new Error(
      'Invalid configuration: with DATABASE_URL set, PORTICO_JWT_SECRET or PORTICO_JWKS_URL is required.',
    );
  }
  let encryptionKeys: EncryptionKey[];
  try {
    const written =
      e.PORTICO_ENCRYPTION_KEYS ??
      (databaseUrl === null
        ? embeddedSecret(dataDir, 'encryption-keys', () => generateEncryptionKey('local1'))
        : undefined);
    if (written === undefined) throw new Error('with DATABASE_URL set, PORTICO_ENCRYPTION_KEYS is required');
    encryptionKeys = parseEncryptionKeys(written);
  } catch (error) {
    throw new Error(
      `Invalid configuration: PORTICO_ENCRYPTION_KEYS: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    port: e.PORT,
    host: e.PORTICO_HOST,
    databaseUrl,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseConnectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000,
    dataDir,
    tokenKey,
    encryptionKeys,
    issuer: e.PORTICO_JWT_ISSUER,
    audience: e.PORTICO_JWT_AUDIENCE,
    demo: e.PORTICO_DEMO ?? databaseUrl === null,
    corsOrigins:
      e.PORTICO_CORS_ORIGINS.trim() === '*'
        ? '*'
        : e.PORTICO_CORS_ORIGINS.split(',')
            .map((origin) => origin.trim())
            .filter((origin) => origin !== ''),
    pinnedNow: e.PORTICO_CLOCK ? new Date(e.PORTICO_CLOCK) : null,
    maxBodyBytes: e.PORTICO_MAX_BODY_BYTES,
    maxBatch: e.PORTICO_MAX_BATCH,
    staticDir: e.PORTICO_STATIC_DIR ?? null,
    billingJobs: e.PORTICO_BILLING_JOBS ?? true,
    billingIntervalSeconds: e.PORTICO_BILLING_INTERVAL_SECONDS,
    sandboxGatewayDir:
      e.PORTICO_SANDBOX_GATEWAY_DIR !== undefined
        ? resolve(e.PORTICO_SANDBOX_GATEWAY_DIR)
        : dataDir.startsWith('memory://')
          ? 'memory://'
          : join(dataDir, '..', 'sandbox-gateway'),
    selfAttestation: e.PORTICO_SELF_ATTESTATION ?? false,
    lifecycleJobs: e.PORTICO_LIFECYCLE_JOBS ?? true,
    lifecycleIntervalSeconds: e.PORTICO_LIFECYCLE_INTERVAL_SECONDS,
    remittanceJobs: e.PORTICO_REMITTANCE_JOBS ?? true,
    remittanceIntervalSeconds: e.PORTICO_REMITTANCE_INTERVAL_SECONDS,
    smtpUrl: e.PORTICO_SMTP_URL ?? null,
    mailFrom: e.PORTICO_MAIL_FROM,
    emailIntervalSeconds: e.PORTICO_EMAIL_INTERVAL_SECONDS,
    clearinghouse: clearinghouseOf(e),
    clearinghouseTimeoutMs: Math.round(e.PORTICO_CLEARINGHOUSE_TIMEOUT_SECONDS * 1000),
    x12: {
      senderId: e.PORTICO_X12_SENDER_ID,
      usage: e.PORTICO_X12_USAGE,
      payerName: e.PORTICO_PAYER_NAME,
      payerId: e.PORTICO_PAYER_ID,
      refreshTimesUtc: e.PORTICO_PAYER_REFRESH_TIMES.split(','),
      codeListsDir: e.PORTICO_X12_CODE_LISTS_DIR === undefined ? null : resolve(e.PORTICO_X12_CODE_LISTS_DIR),
    },
    logLevel: e.LOG_LEVEL,
  };
}

/** A clearinghouse URL needs its token endpoint and credentials; without one, the sandbox payer answers. */
function clearinghouseOf(e: z.infer<typeof environmentSchema>): ServerConfig['clearinghouse'] {
  if (e.PORTICO_CLEARINGHOUSE_URL === undefined)
    return { kind: 'sandbox', slowSeconds: e.PORTICO_SANDBOX_PAYER_SLOW_SECONDS };
  const {
    PORTICO_CLEARINGHOUSE_TOKEN_URL: tokenUrl,
    PORTICO_CLEARINGHOUSE_CLIENT_ID: clientId,
    PORTICO_CLEARINGHOUSE_CLIENT_SECRET: clientSecret,
  } = e;
  if (!tokenUrl || !clientId || !clientSecret)
    throw new Error(
      'Invalid configuration: PORTICO_CLEARINGHOUSE_URL needs PORTICO_CLEARINGHOUSE_TOKEN_URL, PORTICO_CLEARINGHOUSE_CLIENT_ID and PORTICO_CLEARINGHOUSE_CLIENT_SECRET.',
    );
  return { kind: 'core-rest', url: e.PORTICO_CLEARINGHOUSE_URL, tokenUrl, clientId, clientSecret };
}
