import type { Kysely } from 'kysely';
import type { Clock } from '../services/clock.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { startIntervalJob } from '../services/interval-job.ts';
import { collectAutopay, issueDueInvoices } from './invoice-run.ts';
import type { PaymentGateway } from '../services/payment-gateway.ts';

/**
 * Runs the invoice run and autopay now and then every `intervalSeconds`. Every instance may run it: the
 * work is coordinated in PostgreSQL (advisory locks, unique keys), so nothing is billed or charged twice.
 * Returns what stops it (waiting for a run in progress).
 */
export function startBillingJobs(options: {
  db: Kysely<Database>;
  gateway: PaymentGateway;
  clock: Clock;
  logger: Logger;
  intervalSeconds: number;
}): () => Promise<void> {
  return startIntervalJob({
    name: 'billing run',
    intervalSeconds: options.intervalSeconds,
    logger: options.logger,
    async work() {
      const issued = await issueDueInvoices(options.db, { clock: options.clock });
      const autopay = await collectAutopay(options.db, options.gateway, { clock: options.clock });
      return issued.invoices > 0 || autopay.attempted > 0 ? { issued, autopay } : null;
    },
  });
}
