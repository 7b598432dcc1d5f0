import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { PinnedClock, systemClock, type Clock } from './services/clock.ts';
import type { ServerConfig } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { startPorticoServer, type PorticoServer } from './http/server.ts';
import type { Logger } from './logger.ts';
import { seedAccessHubDemo } from './demo/access-hub-demo.ts';
import { seedRemittanceDemo } from './demo/remittance-demo.ts';
import { seedDemo } from './demo/demo-office.ts';
import type { PaymentGateway } from './services/payment-gateway.ts';
import { SandboxGateway } from './billing/sandbox-gateway.ts';
import { startBillingJobs } from './billing/jobs.ts';
import { deliverDueEmail } from './email/delivery.ts';
import { smtpMailer } from './email/mailer.ts';
import { startIntervalJob } from './services/interval-job.ts';
import { runAccessLifecycle } from './users/jobs.ts';
import { retrieveRemittances } from './remittance/retrieval.ts';
import { createSealer } from './services/sealer.ts';

/** Where `npm run build:example` writes the example host portal. */
export const EXAMPLE_PORTAL_DIR = fileURLToPath(
  new URL('../../../examples/host-portal/dist', import.meta.url),
);

/** A running Portico: the database (migrated, and seeded in demo mode) and the HTTP server on top of it. */
export interface PorticoApp {
  server: PorticoServer;
  database: DatabaseHandle;
  clock: Clock;
  gateway: PaymentGateway;
  close(): Promise<void>;
}

/**
 * Opens the database, migrates it, seeds the demo in demo mode, starts the server and, unless switched off, the
 * billing jobs, the access lifecycle job, the remittance retrieval job and (with an SMTP server configured) email delivery. `gateway` plugs in a production payment gateway; the embedded sandbox gateway is the default.
 */
export async function startApp(
  config: ServerConfig,
  logger: Logger,
  options: { clock?: Clock; gateway?: PaymentGateway } = {},
): Promise<PorticoApp> {
  const appClock = options.clock ?? (config.pinnedNow ? new PinnedClock(config.pinnedNow) : systemClock);
  const database = await openDatabase(config);
  let gateway: PaymentGateway | null = options.gateway ?? null;
  try {
    gateway ??= await SandboxGateway.open({
      databaseUrl: config.databaseUrl,
      dataDir: config.sandboxGatewayDir,
    });
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ applied }, 'migrated the database');
    if (config.demo) {
      await seedDemo(database.db, { issuer: config.issuer, now: appClock.now() });
      await seedAccessHubDemo(database.db, appClock.now());
      await seedRemittanceDemo(database.db, createSealer(config.encryptionKeys), appClock.now());
    }
    const staticDir = config.staticDir ?? (existsSync(EXAMPLE_PORTAL_DIR) ? EXAMPLE_PORTAL_DIR : null);
    const server = await startPorticoServer({
      config: { ...config, staticDir },
      database,
      clock: appClock,
      logger,
      gateway,
    });
    const stopBilling = config.billingJobs
      ? startBillingJobs({
          db: database.db,
          gateway,
          clock: appClock,
          logger,
          intervalSeconds: config.billingIntervalSeconds,
        })
      : async () => undefined;
    const stopLifecycle = config.lifecycleJobs
      ? startIntervalJob({
          name: 'access lifecycle',
          intervalSeconds: config.lifecycleIntervalSeconds,
          logger,
          async work() {
            const report = await runAccessLifecycle(database.db, { clock: appClock });
            return report.reminded + report.suspended + report.terminated > 0 ? report : null;
          },
        })
      : async () => undefined;
    const stopRemittance = config.remittanceJobs
      ? startIntervalJob({
          name: 'remittance retrieval',
          intervalSeconds: config.remittanceIntervalSeconds,
          logger,
          async work() {
            const report = await retrieveRemittances(server.services);
            return report.loaded + report.rejected + report.failed > 0 ? report : null;
          },
        })
      : async () => undefined;
    const mailer = config.smtpUrl === null ? null : smtpMailer(config.smtpUrl);
    if (!mailer) logger.info('PORTICO_SMTP_URL is unset: mail stays queued in the outbox, undelivered');
    const stopMail = mailer
      ? startIntervalJob({
          name: 'email delivery',
          intervalSeconds: config.emailIntervalSeconds,
          logger,
          async work() {
            const report = await deliverDueEmail(database.db, mailer, {
              clock: appClock,
              from: config.mailFrom,
            });
            return report.sent + report.failed > 0 ? report : null;
          },
        })
      : async () => undefined;
    const openGateway = gateway;
    return {
      server,
      database,
      clock: appClock,
      gateway: openGateway,
      async close() {
        await Promise.all([stopBilling(), stopLifecycle(), stopRemittance(), stopMail()]);
        mailer?.close();
        await server.close();
        if (!options.gateway) await openGateway.close();
        await database.close();
      },
    };
  } catch (error) {
    if (gateway && !options.gateway) await gateway.close();
    await database.close();
    throw error;
  }
}
