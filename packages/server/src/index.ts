/**
 * @portico/server: the Portico reference server. Start it with `startApp(loadConfig(), logger)`, or from the
 * command line with `portico-server start`. Plug in a production payment gateway through `options.gateway`.
 */
export { startApp, type PorticoApp } from './app.ts';
export { loadConfig, type ServerConfig, type TokenKeyConfig } from './config.ts';
export { createLogger, type Logger } from './logger.ts';
export { PinnedClock, systemClock, type Clock } from './services/clock.ts';
export type {
  CardDetails,
  ChargeOutcome,
  ChargeRequest,
  PaymentGateway,
  TokenizedCard,
} from './services/payment-gateway.ts';
export type { PorticoServer } from './http/server.ts';
