import type { Readable } from 'node:stream';
import type {
  PorticoError,
  ContractTree,
  FileRouteContract,
  FileRoutes,
  PorticoEvent,
  ProcedureContract,
} from '@portico/core';
import type { z } from 'zod';
import type { AuditEntry, AuditTrail } from '../audit/audit-trail.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Principal } from '../auth/principal.ts';
import type { Clock } from '../services/clock.ts';
import type { Clearinghouse } from '../services/clearinghouse.ts';
import type { Logger } from '../logger.ts';
import type { MemberServicesSettings } from './context.ts';
import type { AccessPolicy } from './context.ts';
import type { EventBus } from '../services/event-bus.ts';
import type { PaymentGateway } from '../services/payment-gateway.ts';
import type { Sealer } from '../services/sealer.ts';
import type { OrgScope } from '../tenancy/org-scope.ts';

/** What a query or mutation handler gets: the caller, their organization's scope, the audit trail, the clock. */
export interface ProcedureContext {
  requestId: string;
  principal: Principal;
  scope: OrgScope;
  audit: AuditTrail;
  clock: Clock;
  /** Seals and opens secrets stored at rest. */
  sealer: Sealer;
  /** The caller's organization's calendar day, in its time zone. */
  today: string;
  /** The payment gateway (card tokens and charges). */
  gateway: PaymentGateway;
  /** The payer's access policy (self-attestation). */
  policy: AccessPolicy;
  /** How Portico addresses the payer in X12, and the code lists in force. */
  memberServices: MemberServicesSettings;
  /** Announces a change to open widgets once this request's transaction commits. */
  publish(event: Omit<PorticoEvent, 'at'>): Promise<void>;
  /**
   * Undoes an effect outside the database (a card tokenized at the gateway) if this request's transaction does
   * not commit, whatever fails after it: the insert, the audit row, the output check or the commit itself.
   */
  onRollback(undo: () => Promise<void>): void;
  /**
   * For payer staff procedures: the office named by the host portal's id, with its scope, an audit trail into
   * its log (the staff member as actor), its calendar day, and publishing to its widgets. NOT_FOUND when no
   * such office exists.
   */
  forOffice(officeId: string): Promise<OfficeContext>;
}

/** Another office, reached by a staff procedure. */
export interface OfficeContext {
  scope: OrgScope;
  audit: AuditTrail;
  today: string;
  /** The office's IANA time zone. */
  timeZone: string;
  publish(event: Omit<PorticoEvent, 'at'>): Promise<void>;
}

/** What a subscription handler gets: the caller, the event bus and the signal that ends the stream. */
export interface SubscriptionContext {
  requestId: string;
  principal: Principal;
  bus: EventBus;
  signal: AbortSignal;
}

/** What an exchange's middle step gets: no database, only what talking to the outside world needs. */
export interface ExchangeContext {
  requestId: string;
  clock: Clock;
  logger: Logger;
  clearinghouse: Clearinghouse;
  memberServices: MemberServicesSettings;
}

/**
 * A mutation that waits on the outside world (a payer, through the clearinghouse) in three steps, so no
 * transaction stays open while it waits: `prepare` (first transaction: checks, control numbers), `exchange` (no
 * database), `finish` (second transaction: the record, the audit row, the answer or a refusal to send). Build one
 * with `exchangeHandler`, which keeps the steps' own types.
 */
export interface ExchangeHandler<I, O> {
  readonly kind: 'exchange';
  prepare(input: I, context: ProcedureContext): Promise<unknown>;
  exchange(plan: unknown, context: ExchangeContext): Promise<unknown>;
  finish(answer: unknown, plan: unknown, context: ProcedureContext): Promise<O | PorticoError>;
}

/** Declares an exchange handler with typed steps: what `prepare` returns is what `exchange` and `finish` get. */
export function exchangeHandler<I, O, Plan, Answer>(steps: {
  prepare(input: I, context: ProcedureContext): Promise<Plan>;
  exchange(plan: Plan, context: ExchangeContext): Promise<Answer>;
  finish(answer: Answer, plan: Plan, context: ProcedureContext): Promise<O | PorticoError>;
}): ExchangeHandler<I, O> {
  // The kernel hands each step exactly what the step before it returned (methods compare bivariantly here).
  return { kind: 'exchange', ...steps };
}

/** True for a handler built by `exchangeHandler`. */
export function isExchangeHandler(value: unknown): value is ExchangeHandler<unknown, unknown> {
  return typeof value === 'object' && value !== null && Reflect.get(value, 'kind') === 'exchange';
}

/** The server side of one procedure, typed from its contract: input as parsed, output as the contract accepts. */
export type ProcedureHandler<P> =
  P extends ProcedureContract<'query' | 'mutation', infer I, infer O>
    ? | ((input: z.output<I>, context: ProcedureContext) => Promise<z.input<O>>)
      | ExchangeHandler<z.output<I>, z.input<O>>
    : P extends ProcedureContract<'subscription', infer I, infer O>
      ? (input: z.output<I>, context: SubscriptionContext) => AsyncIterable<z.input<O>>
      : never;

/**
 * One handler for every procedure of a contract tree, no more and no fewer. A handler that is missing, extra
 * or of the wrong type fails the type check: the router cannot drift from the contract.
 */
export type Handlers<T extends ContractTree> = {
  readonly [K in keyof T]: T[K] extends ProcedureContract
    ? ProcedureHandler<T[K]>
    : T[K] extends ContractTree
      ? Handlers<T[K]>
      : never;
};

/** What a file route's handler gets: the caller, and short transactions of its own scoped to their office. */
export interface FileContext {
  requestId: string;
  principal: Principal;
  clock: Clock;
  /** The database handle (an upload takes the cluster-wide lock its import needs). */
  database: DatabaseHandle;
  /** Runs `work` in its own short transaction, scoped to the caller's organization: a download reads page by page. */
  read<T>(work: (scope: OrgScope) => Promise<T>): Promise<T>;
  /** Records an audit row in the caller's organization, in its own transaction (an upload's outcome). */
  record(entry: AuditEntry): Promise<void>;
}

/** A CSV download: its file name, header row, and rows a page at a time (only one page in memory). */
export interface CsvFile {
  fileName: string;
  header: readonly string[];
  pages: AsyncIterable<string[][]>;
}

/** A file request whose query string has been parsed, ready to run once the caller is let in. */
export type PreparedFileRequest =
  | { kind: 'download'; download(context: FileContext): CsvFile }
  | { kind: 'upload'; upload(body: Readable, context: FileContext): Promise<unknown> };

/** The server side of one file route: its contract, and how a request to it is parsed and run. */
export interface ServedFileRoute<R extends FileRouteContract = FileRouteContract> {
  readonly route: R;
  /** Parses the query string with the route's input schema (BAD_REQUEST naming the field when it does not fit). */
  prepare(query: Record<string, string>, requestId: string): PreparedFileRequest;
}

/** One served route for every file route of the contract, no more and no fewer. */
export type FileHandlers<T extends FileRoutes> = { readonly [K in keyof T]: ServedFileRoute<T[K]> };
