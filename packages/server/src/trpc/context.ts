import type { Kysely } from 'kysely';
import type { TokenClaims, TokenVerifier } from '../auth/tokens.ts';
import type { Clock } from '../services/clock.ts';
import type { Database } from '../db/database.ts';
import type { EventBus } from '../services/event-bus.ts';
import type { Logger } from '../logger.ts';
import type { PaymentGateway } from '../services/payment-gateway.ts';
import type { Sealer } from '../services/sealer.ts';

/** What every request can reach. Created once per server instance. */
export interface Services {
  db: Kysely<Database>;
  clock: Clock;
  verifier: TokenVerifier;
  bus: EventBus;
  logger: Logger;
  sealer: Sealer;
  gateway: PaymentGateway;
  policy: AccessPolicy;
}

/** The payer's choices about access that procedures follow. */
export interface AccessPolicy {
  /** Users may renew their own access by attesting they still need it (`users.attest`). */
  selfAttestation: boolean;
}

/** The tRPC context of one HTTP request: its id, its bearer token (unverified yet), and the services. */
export interface RequestContext {
  requestId: string;
  token: string | null;
  services: Services;
}

/** The context once the token is verified: the first step of every procedure, before its input is read. */
export interface VerifiedContext extends RequestContext {
  claims: TokenClaims;
}
