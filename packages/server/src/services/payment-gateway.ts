import type { CardBrand } from '@portico/core';

/** A card as the office typed it, already checked by core's `cardInputSchema`. Handed to the gateway only. */
export interface CardDetails {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  holderName: string;
}

/** What the gateway keeps for us: a token to charge later, and what may be shown. */
export interface TokenizedCard {
  token: string;
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface ChargeRequest {
  token: string;
  amountCents: number;
  /** The same key always yields the first outcome and never a second charge. */
  idempotencyKey: string;
  description: string;
}

export type ChargeOutcome =
  { status: 'SUCCEEDED'; chargeId: string } | { status: 'DECLINED'; chargeId: string; reason: string };

/**
 * The payment-gateway port. Card numbers and CVCs go to `tokenizeCard` and nowhere else; Portico stores the
 * token. `tokenizeCard` refuses a card with a PorticoError (CARD_EXPIRED, CARD_DECLINED).
 * `charge` must be idempotent by key across processes: the invoice run and Pay balance rely on it.
 * The built-in `SandboxGateway` implements it; a production gateway (Stripe, Authorize.net, ...) is an adapter
 * passed to `startApp` (README, "Payments").
 */
export interface PaymentGateway {
  tokenizeCard(card: CardDetails): Promise<TokenizedCard>;
  /** Forgets a token that Portico will not keep (its card was never stored): no orphaned card at the gateway. */
  detachCard(token: string): Promise<void>;
  charge(request: ChargeRequest): Promise<ChargeOutcome>;
  close(): Promise<void>;
}
