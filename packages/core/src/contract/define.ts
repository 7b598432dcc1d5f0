import type { z } from 'zod';
import type { Requirement } from '../organizations/permissions.ts';

export type ProcedureKind = 'query' | 'mutation' | 'subscription';

/**
 * One procedure of the API: its kind, input and output schemas, and the permission it requires.
 * For a subscription, `output` is the schema of each event it yields.
 * `auditRead` names the entity whose reads must be audited (provider and member data).
 */
export interface ProcedureContract<
  TKind extends ProcedureKind = ProcedureKind,
  TInput extends z.ZodType = z.ZodType,
  TOutput extends z.ZodType = z.ZodType,
> {
  readonly kind: TKind;
  readonly summary: string;
  readonly permission: Requirement;
  readonly input: TInput;
  readonly output: TOutput;
  readonly auditRead?: string;
}

/** A tree of procedures: one level per domain. */
export interface ContractTree {
  readonly [key: string]: ProcedureContract | ContractTree;
}

type Definition<TInput extends z.ZodType, TOutput extends z.ZodType> = Omit<
  ProcedureContract<ProcedureKind, TInput, TOutput>,
  'kind'
>;

/** Declares a query: reads, never changes anything. */
export function query<TInput extends z.ZodType, TOutput extends z.ZodType>(
  definition: Definition<TInput, TOutput>,
): ProcedureContract<'query', TInput, TOutput> {
  return { kind: 'query', ...definition };
}

/** Declares a mutation: changes data, runs in one transaction and writes an audit row. */
export function mutation<TInput extends z.ZodType, TOutput extends z.ZodType>(
  definition: Definition<TInput, TOutput>,
): ProcedureContract<'mutation', TInput, TOutput> {
  return { kind: 'mutation', ...definition };
}

/** Declares a subscription: a stream of events over server-sent events. */
export function subscription<TInput extends z.ZodType, TOutput extends z.ZodType>(
  definition: Definition<TInput, TOutput>,
): ProcedureContract<'subscription', TInput, TOutput> {
  return { kind: 'subscription', ...definition };
}

/** True when the node is a procedure rather than a sub-tree. */
export function isProcedure(node: ProcedureContract | ContractTree): node is ProcedureContract {
  return typeof node.kind === 'string' && 'input' in node && 'output' in node;
}

/** Every procedure of a tree with its dotted path (`storefront.listPlans`), depth first. */
export function listProcedures(
  tree: ContractTree,
  prefix = '',
): { path: string; procedure: ProcedureContract }[] {
  return Object.entries(tree).flatMap(([key, node]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return isProcedure(node) ? [{ path, procedure: node }] : listProcedures(node, path);
  });
}

/** The arguments a caller passes for a schema: optional when the schema accepts `undefined`. */
export type InputArgs<TInput extends z.ZodType> =
  undefined extends z.input<TInput> ? [input?: z.input<TInput>] : [input: z.input<TInput>];
