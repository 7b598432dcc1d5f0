// An outside project's plain Node script: only the installed @portico/core, no TypeScript, no repo settings.
import { createPorticoClient } from '@portico/core';

const portico = createPorticoClient({ url: process.env.PORTICO_URL, token: process.env.PORTICO_TOKEN });
const subscriptions = await portico.storefront.listSubscriptions.query();
for (const subscription of subscriptions)
  process.stdout.write(`${subscription.planName} ${subscription.status}\n`);
