import type { AddPaymentMethodInput, PaymentMethodRole } from '@portico/core';

/** The add-card form's fields, as typed. */
export interface CardDraft {
  holderName: string;
  number: string;
  expMonth: string;
  expYear: string;
  cvc: string;
  role: '' | PaymentMethodRole;
}

export const emptyCardDraft: CardDraft = {
  holderName: '',
  number: '',
  expMonth: '',
  expYear: '',
  cvc: '',
  role: '',
};

export type CardField = Exclude<keyof CardDraft, 'role'>;

/** The API input for a draft (numbers parsed; anything unparsable is sent as NaN, which the server's schema names). */
export function cardInputOf(draft: CardDraft): AddPaymentMethodInput {
  const whole = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN);
  return {
    card: {
      holderName: draft.holderName,
      number: draft.number,
      expMonth: whole(draft.expMonth),
      expYear: whole(draft.expYear),
      cvc: draft.cvc.trim(),
    },
    role: draft.role === '' ? null : draft.role,
  };
}

/** The card form's fields, in the order they are shown. */
export const CARD_FIELDS: readonly CardField[] = ['holderName', 'number', 'expMonth', 'expYear', 'cvc'];

/** The card form's labels, by field. */
export const cardLabels: Record<CardField, string> = {
  holderName: 'Name on card',
  number: 'Card number',
  expMonth: 'Expiry month',
  expYear: 'Expiry year',
  cvc: 'Security code (CVC)',
};
