import type { Logger } from '../logger.ts';

/**
 * Runs `work` now and then every `intervalSeconds` after the previous run ends, logging what it reports and any
 * failure (the next run tries again). The work coordinates in PostgreSQL, so every instance may run it. Returns
 * what stops it, waiting for a run in progress.
 */
export function startIntervalJob(options: {
  name: string;
  intervalSeconds: number;
  logger: Logger;
  /** One run; a report worth logging, or null when it did nothing. */
  work: () => Promise<object | null>;
}): () => Promise<void> {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const runOnce = async () => {
    try {
      const report = await options.work();
      if (report) options.logger.info(report, options.name);
    } catch (error) {
      options.logger.error({ err: error }, `${options.name} failed; it runs again at the next interval`);
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
