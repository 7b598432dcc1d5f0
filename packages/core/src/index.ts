/**
 * @portico/core: the Portico SDK. Zod schemas and types for every entity, pure domain rules, the API contract
 * and the typed client. It depends on nothing of the server.
 */
export * from './errors/portico-error.ts';
export * from './errors/schemas.ts';
export * from './contract/define.ts';
export * from './contract/allowed.ts';
export * from './contract/file-paths.ts';
export * from './contract/portico-contract.ts';
export * from './contract/openapi.ts';
export * from './organizations/permissions.ts';
export * from './organizations/schemas.ts';
export * from './organizations/contract.ts';
export * from './inputs/rules.ts';
export * from './checksums/luhn.ts';
export * from './providers/rules.ts';
export * from './providers/schemas.ts';
export * from './providers/contract.ts';
export * from './providers/roster.ts';
export * from './storefront/schemas.ts';
export * from './storefront/contract.ts';
export * from './storefront/rules.ts';
export * from './events/schemas.ts';
export * from './events/contract.ts';
export * from './money/format-cents.ts';
export * from './money/totals.ts';
export * from './calendar/plain-date.ts';
export * from './calendar/business-days.ts';
export * from './billing/proration.ts';
export * from './billing/invoice-spans.ts';
export * from './billing/cards.ts';
export * from './billing/schemas.ts';
export * from './billing/contract.ts';
export * from './access-hub/schemas.ts';
export * from './access-hub/rules.ts';
export * from './access-hub/task-cursor.ts';
export * from './access-hub/contract.ts';
export * from './ppef/schemas.ts';
export * from './ppef/contract.ts';
export * from './client/client-types.ts';
export * from './client/create-client.ts';
