import { z } from 'zod';
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

/**
 * A streamed file route: what does not fit a JSON procedure. Declared in its domain's contract beside the
 * procedures, with its permission and audit row, and run by the same server kernel (token, scope, permission,
 * audit) before any data moves. `input` parses the query string.
 */
export interface FileRouteContract<
  TKind extends 'download' | 'upload' = 'download' | 'upload',
  TInput extends z.ZodType = z.ZodType,
  TOutput extends z.ZodType = z.ZodType,
> {
  readonly kind: TKind;
  readonly method: TKind extends 'download' ? 'GET' : 'POST';
  readonly path: string;
  readonly summary: string;
  readonly permission: Requirement;
  readonly input: TInput;
  /** An upload's JSON answer; a download answers CSV. */
  readonly output: TOutput;
  /** The audit row written, in the caller's organization, before any data moves. */
  readonly audit: { readonly action: string; readonly entity: string };
}

type FileDefinition<TInput extends z.ZodType, TOutput extends z.ZodType> = Omit<
  FileRouteContract<'download' | 'upload', TInput, TOutput>,
  'kind' | 'method'
>;

/** Declares a CSV download (GET), streamed page by page. */
export function download<TInput extends z.ZodType>(
  definition: Omit<FileDefinition<TInput, z.ZodString>, 'output'>,
): FileRouteContract<'download', TInput, z.ZodString> {
  // What a download answers: CSV text (streamed; the schema documents it).
  return { kind: 'download', method: 'GET', output: z.string(), ...definition };
}

/** Declares a file upload (POST, the file as the request body) that answers JSON. */
export function upload<TInput extends z.ZodType, TOutput extends z.ZodType>(
  definition: FileDefinition<TInput, TOutput>,
): FileRouteContract<'upload', TInput, TOutput> {
  return { kind: 'upload', method: 'POST', ...definition };
}

/** Every file route of a record of domains' file routes. */
export type FileRoutes = Readonly<Record<string, FileRouteContract>>;
