import type { Kysely } from 'kysely';
import type { Clock } from '../services/clock.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
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
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const runOnce = async () => {
    try {
      const issued = await issueDueInvoices(options.db, { clock: options.clock });
      const autopay = await collectAutopay(options.db, options.gateway, { clock: options.clock });
      if (issued.invoices > 0 || autopay.attempted > 0)
        options.logger.info({ issued, autopay }, 'billing run');
    } catch (error) {
      options.logger.error({ err: error }, 'billing run failed; it runs again at the next interval');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().then(schedule);
    }, options.intervalSeconds * 1000);
    timer.unref();
  };
  running = runOnce().then(schedule);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
