/**
 * Lists an office's subscriptions through the Portico SDK, as a payer's own TypeScript service would.
 *
 *   npm run build   # once: the SDK as an outside project installs it (dist/)
 *   PORTICO_URL=http://127.0.0.1:3000 node examples/sdk-node/list-subscriptions.mjs
 *
 * Plain JavaScript for plain `node` (20+): no TypeScript loader. Without PORTICO_TOKEN it asks a demo-mode server
 * for a demo token.
 */
import { createPorticoClient, formatCents, formatPlainDate, PorticoError } from '@portico/core';

/** @param {string} url */
async function demoToken(url) {
  const response = await fetch(`${url}/demo/token?as=billing-manager`);
  if (!response.ok) throw new Error('Set PORTICO_TOKEN: this server does not hand out demo tokens.');
  /** @type {{ token: string }} */
  const body = await response.json();
  return body.token;
}

/**
 * The office's subscriptions as lines of text.
 * @param {string} url
 * @param {string} token
 * @returns {Promise<string[]>}
 */
export async function listSubscriptions(url, token) {
  const portico = createPorticoClient({ url, token });
  const session = await portico.organizations.me.query();
  const subscriptions = await portico.storefront.listSubscriptions.query();
  const lines = [`${session.organization.name}: ${subscriptions.length} subscription(s)`];
  for (const subscription of subscriptions) {
    lines.push(
      `  ${subscription.planName.padEnd(20)} ${subscription.status.padEnd(22)} ${formatCents(subscription.monthlyPriceCents)}/month since ${formatPlainDate(subscription.startedOn)}`,
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.PORTICO_URL ?? 'http://127.0.0.1:3000';
  try {
    const token = process.env.PORTICO_TOKEN ?? (await demoToken(url));
    for (const line of await listSubscriptions(url, token)) process.stdout.write(`${line}\n`);
  } catch (error) {
    const message = error instanceof PorticoError ? `${error.code}: ${error.message}` : String(error);
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
  }
}
