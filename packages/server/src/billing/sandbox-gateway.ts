import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { cardBrand, PorticoError } from '@portico/core';
import pg from 'pg';
import { DEFAULT_CONNECT_TIMEOUT_MS } from '../db/connect.ts';
import type {
  ChargeOutcome,
  ChargeRequest,
  PaymentGateway,
  TokenizedCard,
  CardDetails,
} from '../services/payment-gateway.ts';

/**
 * Test card numbers of the sandbox gateway (README, "Payments"). Any other number that passes the Luhn check
 * is approved.
 */
export const SANDBOX_CARDS = {
  approve: '4242424242424242',
  decline: '4000000000000002',
  insufficientFunds: '4000000000009995',
  expired: '4000000000000069',
} as const;

type Behaviour = 'approve' | 'decline' | 'insufficient_funds';

interface Store {
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

const SCHEMA = `
  create schema if not exists portico_sandbox_gateway;
  create table if not exists portico_sandbox_gateway.cards (
    token text primary key, behaviour text not null, last4 text not null, created_at timestamptz not null default now());
  create table if not exists portico_sandbox_gateway.charges (
    idempotency_key text primary key, charge_id text not null, token text not null, amount_cents integer not null,
    status text not null, reason text, created_at timestamptz not null default now());`;

/**
 * The embedded payment gateway: tokenizes cards and charges them, idempotently by key, with its own storage
 * (a schema of the PostgreSQL database, or its own PGlite directory), as an outside gateway would have. It
 * keeps the card's behaviour and last four digits, never the number or the CVC.
 */
export class SandboxGateway implements PaymentGateway {
  private constructor(private readonly store: Store) {}

  /** On PostgreSQL (shared by every server instance) when `databaseUrl` is set, else on PGlite in `dataDir`. */
  static async open(options: { databaseUrl: string | null; dataDir: string }): Promise<SandboxGateway> {
    let store: Store;
    if (options.databaseUrl) {
      const pool = new pg.Pool({
        connectionString: options.databaseUrl,
        max: 4,
        connectionTimeoutMillis: DEFAULT_CONNECT_TIMEOUT_MS,
      });
      pool.on('error', () => undefined);
      store = {
        query: async <R>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as R[],
        close: () => pool.end(),
      };
    } else {
      if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
      const lite = await PGlite.create(options.dataDir);
      store = {
        query: async <R>(text: string, params?: unknown[]) => (await lite.query<R>(text, params)).rows,
        close: () => lite.close(),
      };
    }
    for (const statement of SCHEMA.split(';').filter((part) => part.trim() !== '')) {
      try {
        await store.query(statement);
      } catch (error) {
        // Two instances creating the schema at once: the loser sees a unique violation; the schema exists.
        if ((error as { code?: string }).code !== '23505') throw error;
      }
    }
    return new SandboxGateway(store);
  }

  async tokenizeCard(card: CardDetails): Promise<TokenizedCard> {
    if (card.number === SANDBOX_CARDS.expired) {
      throw new PorticoError(
        'CARD_EXPIRED',
        'The card issuer reports this card as expired. Use another card.',
        {
          fieldPath: 'card.number',
        },
      );
    }
    const behaviour: Behaviour =
      card.number === SANDBOX_CARDS.decline
        ? 'decline'
        : card.number === SANDBOX_CARDS.insufficientFunds
          ? 'insufficient_funds'
          : 'approve';
    const token = `tok_sandbox_${randomUUID()}`;
    const last4 = card.number.slice(-4);
    await this.store.query(
      'insert into portico_sandbox_gateway.cards (token, behaviour, last4) values ($1, $2, $3)',
      [token, behaviour, last4],
    );
    return { token, brand: cardBrand(card.number), last4, expMonth: card.expMonth, expYear: card.expYear };
  }

  async detachCard(token: string): Promise<void> {
    await this.store.query('delete from portico_sandbox_gateway.cards where token = $1', [token]);
  }

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    const cards = await this.store.query<{ behaviour: Behaviour }>(
      'select behaviour from portico_sandbox_gateway.cards where token = $1',
      [request.token],
    );
    const behaviour = cards[0]?.behaviour;
    if (!behaviour) throw new Error('The sandbox gateway does not know this card token.');
    const status = behaviour === 'approve' ? 'SUCCEEDED' : 'DECLINED';
    const reason =
      behaviour === 'decline'
        ? 'The card was declined.'
        : behaviour === 'insufficient_funds'
          ? 'The card was declined for insufficient funds.'
          : null;
    await this.store.query(
      `insert into portico_sandbox_gateway.charges (idempotency_key, charge_id, token, amount_cents, status, reason)
       values ($1, $2, $3, $4, $5, $6) on conflict (idempotency_key) do nothing`,
      [
        request.idempotencyKey,
        `ch_sandbox_${randomUUID()}`,
        request.token,
        request.amountCents,
        status,
        reason,
      ],
    );
    const [first] = await this.store.query<{
      charge_id: string;
      token: string;
      amount_cents: number;
      status: 'SUCCEEDED' | 'DECLINED';
      reason: string | null;
    }>(
      'select charge_id, token, amount_cents, status, reason from portico_sandbox_gateway.charges where idempotency_key = $1',
      [request.idempotencyKey],
    );
    if (!first) throw new Error('The sandbox gateway lost a charge it just recorded.');
    if (first.token !== request.token || first.amount_cents !== request.amountCents) {
      throw new Error('The idempotency key was used before for another charge.');
    }
    return first.status === 'SUCCEEDED'
      ? { status: 'SUCCEEDED', chargeId: first.charge_id }
      : { status: 'DECLINED', chargeId: first.charge_id, reason: first.reason ?? 'The card was declined.' };
  }

  /** Every successful charge, oldest first: for tests and the benchmark's cross-check. */
  /** How many cards the sandbox holds tokens for (tests: nothing is left behind by a refused card). */
  async storedCards(): Promise<number> {
    const rows = await this.store.query<{ n: number }>(
      'select count(*)::int as n from portico_sandbox_gateway.cards',
    );
    return rows[0]?.n ?? 0;
  }

  async succeededCharges(): Promise<{ idempotencyKey: string; amountCents: number }[]> {
    const rows = await this.store.query<{ idempotency_key: string; amount_cents: number }>(
      `select idempotency_key, amount_cents from portico_sandbox_gateway.charges
       where status = 'SUCCEEDED' order by created_at, idempotency_key`,
    );
    return rows.map((row) => ({ idempotencyKey: row.idempotency_key, amountCents: row.amount_cents }));
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}
