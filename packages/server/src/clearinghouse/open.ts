import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeLists, parseCodeList } from '@portico/core/x12';
import type { ServerConfig } from '../config.ts';
import type { Clock } from '../services/clock.ts';
import type { Clearinghouse } from '../services/clearinghouse.ts';
import { startSandboxPayer } from '../sandbox-payer/server.ts';
import type { MemberServicesSettings } from '../trpc/context.ts';
import { coreRestClearinghouse } from './core-rest-client.ts';

/**
 * The clearinghouse a configuration names: CORE REST to a real one, or the embedded sandbox payer started on
 * loopback and reached over real HTTP the same way. `close` stops what was started here.
 */
export async function openClearinghouse(
  config: ServerConfig,
  clock: Clock,
): Promise<{ clearinghouse: Clearinghouse; close(): Promise<void> }> {
  if (config.clearinghouse.kind === 'core-rest') {
    const clearinghouse = coreRestClearinghouse(config.clearinghouse);
    return { clearinghouse, close: () => clearinghouse.close() };
  }
  const sandbox = await startSandboxPayer({ clock, slowMs: config.clearinghouse.slowSeconds * 1000 });
  const clearinghouse = coreRestClearinghouse(sandbox);
  return {
    clearinghouse,
    async close() {
      await clearinghouse.close();
      await sandbox.close();
    },
  };
}

/** Replacement code lists from a directory: every `*.json` file is one list (README, "X12 code lists"). */
function loadCodeLists(dir: string | null): CodeLists {
  if (dir === null) return new CodeLists();
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return new CodeLists(
    files.map((name) => {
      try {
        return parseCodeList(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      } catch (error) {
        throw new Error(
          `Invalid configuration: PORTICO_X12_CODE_LISTS_DIR: ${name}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }),
  );
}

/** The member services settings a configuration names. */
export function memberServicesSettings(config: ServerConfig): MemberServicesSettings {
  return {
    senderId: config.x12.senderId,
    payerName: config.x12.payerName,
    payerId: config.x12.payerId,
    usage: config.x12.usage,
    timeoutMs: config.clearinghouseTimeoutMs,
    refreshTimesUtc: config.x12.refreshTimesUtc,
    codeLists: loadCodeLists(config.x12.codeListsDir),
  };
}
