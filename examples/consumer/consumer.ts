// A TypeScript consumer of the installed packages: strict, exactOptionalPropertyTypes, its own tsconfig.
import { createPorticoClient, formatCents, isValidNpi, PorticoError, type Subscription } from '@portico/core';
import type { PorticoStorefront } from '@portico/elements/storefront';
import { loadConfig, type ServerConfig } from '@portico/server';

const portico = createPorticoClient({ url: 'https://portico.payer.example', token: 'token' });

export async function monthly(): Promise<string[]> {
  const subscriptions: Subscription[] = await portico.storefront.listSubscriptions.query();
  return subscriptions.map((s) => `${s.planName}: ${formatCents(s.monthlyPriceCents)}`);
}

export function problem(error: unknown): string | null {
  return error instanceof PorticoError ? `${error.code} at ${error.fieldPath ?? 'the request'}` : null;
}

export const valid: boolean = isValidNpi('1234567893');
export const config: ServerConfig = loadConfig({});
export const tag: keyof HTMLElementTagNameMap = 'portico-storefront';
export type Storefront = PorticoStorefront;
