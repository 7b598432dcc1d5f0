import {
  isProcedure,
  PorticoError,
  streamEvent,
  plainDateInZone,
  type PorticoEvent,
  type ContractTree,
  type ProcedureContract,
} from '@portico/core';
import type { AnyRouter, TRPCRouterRecord } from '@trpc/server';
import type { Principal } from '../auth/principal.ts';
import type { TokenClaims } from '../auth/tokens.ts';
import { publishEvent } from '../services/event-bus.ts';
import { forOffice } from '../tenancy/for-office.ts';
import type { OrgScope } from '../tenancy/org-scope.ts';
import type { VerifiedContext } from './context.ts';
import { toTrpcError } from './error-shape.ts';
import {
  isExchangeHandler,
  type ExchangeHandler,
  type Handlers,
  type ProcedureContext,
  type SubscriptionContext,
} from './handlers.ts';
import { t } from './init.ts';
import { admit } from './kernel.ts';

type QueryHandler = (input: unknown, context: ProcedureContext) => Promise<unknown>;
type StreamHandler = (input: unknown, context: SubscriptionContext) => AsyncIterable<unknown>;

/** What one transaction's work gives back: a value to check against the contract, or a refusal to commit and send. */
type StepResult = { value: unknown } | { refusal: PorticoError };

/**
 * One transaction of a procedure: let the caller in (`admit`: resolve, scope, permission), run the step against
 * the caller's scope, insist on an audit row where one is due, and check the output against the contract before
 * committing. A step may end in a refusal that still commits (an exchange's record of a payer's rejection). Any
 * failure rolls everything back and runs the compensations.
 */
async function inTransaction(
  ctx: VerifiedContext,
  path: string,
  procedure: ProcedureContract,
  step: (context: ProcedureContext) => Promise<StepResult>,
  options: { mustAudit: boolean; checkOutput: boolean },
): Promise<unknown> {
  const { services, claims } = ctx;
  const compensations: (() => Promise<void>)[] = [];
  let outcome: StepResult;
  try {
    outcome = await services.db.transaction().execute(async (trx) => {
      const { principal, scope, audit } = await admit(trx, services, claims, ctx.requestId, {
        permission: procedure.permission,
      });
      const auditedBefore = audit.count;
      const publishIn = (target: OrgScope) => (event: Omit<PorticoEvent, 'at'>) =>
        publishEvent(target, { ...event, at: services.clock.now().toISOString() });
      const result = await step({
        requestId: ctx.requestId,
        principal,
        scope,
        audit,
        clock: services.clock,
        sealer: services.sealer,
        // Worked out when a handler reads it (the organizations, access hub and events handlers never do).
        get today() {
          return plainDateInZone(services.clock.now(), principal.organization.timeZone);
        },
        gateway: services.gateway,
        policy: services.policy,
        memberServices: services.memberServices,
        publish: publishIn(scope),
        onRollback: (undo) => compensations.push(undo),
        async forOffice(officeId) {
          const office = await forOffice(trx, officeId);
          return {
            scope: office.scope,
            audit: audit.within(office.scope),
            today: plainDateInZone(services.clock.now(), office.timeZone),
            timeZone: office.timeZone,
            publish: publishIn(office.scope),
          };
        },
      });
      if (options.mustAudit && audit.count === auditedBefore) {
        throw new Error(`${path} must write an audit row and wrote none`);
      }
      if (!options.checkOutput || 'refusal' in result) return result;
      const output = procedure.output.safeParse(result.value);
      if (!output.success)
        throw new Error(`${path} returned output outside its contract: ${output.error.message}`);
      return { value: output.data };
    });
  } catch (error) {
    // Newest first, each on its own: one failing undo does not keep the others from running.
    for (const undo of compensations.reverse()) {
      await undo().catch((undoError: unknown) =>
        services.logger.error(
          { requestId: ctx.requestId, path, err: undoError },
          'rollback compensation failed',
        ),
      );
    }
    throw toTrpcError(error);
  }
  if ('refusal' in outcome) throw toTrpcError(outcome.refusal);
  return outcome.value;
}

const mustAuditOf = (procedure: ProcedureContract) =>
  procedure.kind === 'mutation' || procedure.auditRead !== undefined;

/** Runs one query or mutation in one transaction (see `inTransaction`). */
function runProcedure(
  ctx: VerifiedContext,
  path: string,
  procedure: ProcedureContract,
  handler: QueryHandler,
  input: unknown,
): Promise<unknown> {
  return inTransaction(ctx, path, procedure, async (context) => ({ value: await handler(input, context) }), {
    mustAudit: mustAuditOf(procedure),
    checkOutput: true,
  });
}

/**
 * Runs a procedure that waits on the outside world (a payer through the clearinghouse) without holding a
 * transaction open meanwhile: `prepare` in a first short transaction, `exchange` with no database at all, and
 * `finish` in a second transaction that lets the caller in again, records the outcome, audits it and checks the
 * output. A refusal `finish` returns (the payer's rejection, a timeout) is committed with its record, then sent.
 */
async function runExchange(
  ctx: VerifiedContext,
  path: string,
  procedure: ProcedureContract,
  handler: ExchangeHandler<unknown, unknown>,
  input: unknown,
): Promise<unknown> {
  const plan = await inTransaction(
    ctx,
    path,
    procedure,
    async (context) => ({ value: await handler.prepare(input, context) }),
    {
      mustAudit: false,
      checkOutput: false,
    },
  );
  let answer: unknown;
  try {
    answer = await handler.exchange(plan, {
      requestId: ctx.requestId,
      clock: ctx.services.clock,
      logger: ctx.services.logger,
      clearinghouse: ctx.services.clearinghouse,
      memberServices: ctx.services.memberServices,
    });
  } catch (error) {
    throw toTrpcError(error);
  }
  return inTransaction(
    ctx,
    path,
    procedure,
    async (context) => {
      const result = await handler.finish(answer, plan, context);
      return result instanceof PorticoError ? { refusal: result } : { value: result };
    },
    { mustAudit: mustAuditOf(procedure), checkOutput: true },
  );
}

function isMembershipChangeOf(event: unknown, userId: string): boolean {
  return (
    typeof event === 'object' &&
    event !== null &&
    Reflect.get(event, 'topic') === 'membership.changed' &&
    Reflect.get(event, 'entityId') === userId
  );
}

/** Runs one subscription: verify and authorize once, then stream the handler's events, each checked. */
async function* runSubscription(
  ctx: VerifiedContext,
  path: string,
  procedure: ProcedureContract,
  handler: StreamHandler,
  input: unknown,
  signal: AbortSignal,
): AsyncGenerator<unknown> {
  const { services, claims } = ctx;
  let principal: Principal;
  try {
    principal = await services.db.transaction().execute(async (trx) => {
      const admitted = await admit(trx, services, claims, ctx.requestId, {
        permission: procedure.permission,
      });
      return admitted.principal;
    });
  } catch (error) {
    throw toTrpcError(error);
  }
  // A stream lives no longer than its token: at the token's expiry it says so and ends, and the client reopens it
  // with a fresh token, so a stream can never outlive the sign-in that opened it.
  const expiry = new AbortController();
  const timer = setTimeout(() => expiry.abort(), claims.exp * 1000 - services.clock.now().getTime());
  timer.unref();
  try {
    for await (const event of handler(input, {
      requestId: ctx.requestId,
      principal,
      bus: services.bus,
      signal: AbortSignal.any([signal, expiry.signal]),
    })) {
      const output = procedure.output.safeParse(event);
      if (!output.success) throw toTrpcError(new Error(`${path} yielded an event outside its contract`));
      // A change to the caller's own membership (removed, terminated, a permission taken away) is checked again
      // at once: a stream the caller may no longer hold ends with the refusal a new request would get.
      if (isMembershipChangeOf(output.data, principal.userId)) {
        try {
          await services.db
            .transaction()
            .execute((trx) =>
              admit(trx, services, claims, ctx.requestId, { permission: procedure.permission }),
            );
        } catch (error) {
          throw toTrpcError(error);
        }
      }
      yield output.data;
    }
    if (expiry.signal.aborted && !signal.aborted) yield streamEvent('stream.expired', services.clock.now());
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The first step of every procedure: the bearer token is verified before the input is read or parsed, so an
 * anonymous or forged caller learns nothing about the input's fields and costs the server no parsing.
 */
const verified = t.procedure.use(async ({ ctx, next }) => {
  let claims: TokenClaims;
  try {
    claims = await ctx.services.verifier.verify(ctx.token);
  } catch (error) {
    throw toTrpcError(error);
  }
  return next({ ctx: { ...ctx, claims } });
});

function isQueryHandler(value: unknown): value is QueryHandler & StreamHandler {
  return typeof value === 'function';
}

function buildRecord(contract: ContractTree, handlers: object, prefix: string): TRPCRouterRecord {
  const record: TRPCRouterRecord = {};
  for (const [key, node] of Object.entries(contract)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const handler: unknown = Reflect.get(handlers, key);
    if (isProcedure(node)) {
      if (isExchangeHandler(handler)) {
        if (node.kind !== 'mutation')
          throw new Error(`${path}: only a mutation may wait on the outside world`);
        record[key] = verified
          .input(node.input)
          .mutation(({ ctx, input }) => runExchange(ctx, path, node, handler, input));
        continue;
      }
      if (!isQueryHandler(handler)) throw new Error(`No handler for ${path}`);
      const base = verified.input(node.input);
      record[key] =
        node.kind === 'query'
          ? base.query(({ ctx, input }) => runProcedure(ctx, path, node, handler, input))
          : node.kind === 'mutation'
            ? base.mutation(({ ctx, input }) => runProcedure(ctx, path, node, handler, input))
            : base.subscription(({ ctx, input, signal }) =>
                runSubscription(ctx, path, node, handler, input, signal ?? new AbortController().signal),
              );
    } else {
      if (typeof handler !== 'object' || handler === null) throw new Error(`No handlers for ${path}`);
      record[key] = buildRecord(node, handler, path);
    }
  }
  return record;
}

/**
 * Builds the tRPC router from the contract and one handler per procedure. Deny by default: the permission
 * comes from the contract, never from the handler, and every procedure is checked before its handler runs.
 */
export function buildRouter<T extends ContractTree>(contract: T, handlers: Handlers<T>): AnyRouter {
  return t.router(buildRecord(contract, handlers, ''));
}
