import type { z } from 'zod';
import type { ContractTree, ProcedureContract } from '../contract/define.ts';
import type { PorticoError } from '../errors/portico-error.ts';

/** Per-call options. */
export interface CallOptions {
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** Handlers of a live subscription. */
export interface SubscriptionHandlers<TEvent> {
  onData: (event: TEvent) => void;
  onError?: (error: PorticoError) => void;
  onStarted?: () => void;
}

/** A running subscription. */
export interface LiveSubscription {
  unsubscribe: () => void;
}

type Caller<TInput extends z.ZodType, TResult> =
  undefined extends z.input<TInput>
    ? (input?: z.input<TInput>, options?: CallOptions) => Promise<TResult>
    : (input: z.input<TInput>, options?: CallOptions) => Promise<TResult>;

type Subscriber<TInput extends z.ZodType, TEvent> =
  undefined extends z.input<TInput>
    ? (input: z.input<TInput> | undefined, handlers: SubscriptionHandlers<TEvent>) => LiveSubscription
    : (input: z.input<TInput>, handlers: SubscriptionHandlers<TEvent>) => LiveSubscription;

/** The client side of one procedure. */
export type ProcedureClient<P> =
  P extends ProcedureContract<'query', infer I, infer O>
    ? { query: Caller<I, z.output<O>> }
    : P extends ProcedureContract<'mutation', infer I, infer O>
      ? { mutate: Caller<I, z.output<O>> }
      : P extends ProcedureContract<'subscription', infer I, infer O>
        ? { subscribe: Subscriber<I, z.output<O>> }
        : never;

/** The typed client of a contract tree: `client.storefront.listPlans.query()`. */
export type ContractClient<T extends ContractTree> = {
  readonly [K in keyof T]: T[K] extends ProcedureContract
    ? ProcedureClient<T[K]>
    : T[K] extends ContractTree
      ? ContractClient<T[K]>
      : never;
};

/** Every procedure's dotted path in a contract tree: `'providers.add'`. */
export type ProcedurePath<T extends ContractTree, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends ProcedureContract
    ? `${Prefix}${K}`
    : T[K] extends ContractTree
      ? ProcedurePath<T[K], `${Prefix}${K}.`>
      : never;
}[keyof T & string];
