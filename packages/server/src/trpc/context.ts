import type { Kysely } from 'kysely';
import type { TokenClaims, TokenVerifier } from '../auth/tokens.ts';
import type { Clock } from '../services/clock.ts';
import type { Database } from '../db/database.ts';
import type { EventBus } from '../services/event-bus.ts';
import type { Logger } from '../logger.ts';
import type { PaymentGateway } from '../services/payment-gateway.ts';
import type { Sealer } from '../services/sealer.ts';
import type { Clearinghouse } from '../services/clearinghouse.ts';
import type { CodeLists } from '@portico/core/x12';

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
  clearinghouse: Clearinghouse;
  memberServices: MemberServicesSettings;
}

/** How Portico addresses the payer in X12 and how long it waits (README, "Configuration": PORTICO_X12_*). */
export interface MemberServicesSettings {
  /** ISA06/GS02: Portico's id with the clearinghouse. */
  senderId: string;
  /** The payer: its name (NM103 of 2100A) and id (NM109, ISA08, GS03). */
  payerName: string;
  payerId: string;
  /** ISA15: `T` test or `P` production. */
  usage: 'T' | 'P';
  /** End to end, from the request to the answer (CAQH CORE: 20 seconds). */
  timeoutMs: number;
  /** When the payer refreshes its eligibility data, `HH:MM` UTC. */
  refreshTimesUtc: readonly string[];
  /** The code lists in force (the built-in ones, or newer ones from PORTICO_X12_CODE_LISTS_DIR). */
  codeLists: CodeLists;
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
