/**
 * Lists an office's subscriptions through the Portico SDK, as a payer's own TypeScript service would.
 *
 *   PORTICO_URL=http://127.0.0.1:3000 PORTICO_TOKEN=$(npm run -s token) npm start -w @portico/example-sdk-node
 *
 * Without PORTICO_TOKEN it asks a demo-mode server for a demo token.
 */
import { createPorticoClient, formatCents, formatPlainDate, PorticoError } from '@portico/core';

async function demoToken(url: string): Promise<string> {
  const response = await fetch(`${url}/demo/token?as=billing-manager`);
  if (!response.ok) throw new Error('Set PORTICO_TOKEN: this server does not hand out demo tokens.');
  const body: { token: string } = await response.json();
  return body.token;
}

export async function listSubscriptions(url: string, token: string): Promise<string[]> {
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
