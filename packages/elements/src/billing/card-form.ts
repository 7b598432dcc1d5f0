import {
  addPaymentMethodInputSchema,
  type AddPaymentMethodInput,
  type PaymentMethodRole,
} from '@portico/core';

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

/** The API input for a draft (numbers parsed; anything unparsable stays invalid for the schema to name). */
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

/**
 * Core's own input schema run on the draft, so people see problems before sending; the server checks again
 * (and the gateway after it) and their answer wins. One message per field: the first.
 */
export function cardProblems(draft: CardDraft): Partial<Record<CardField, string>> {
  const parsed = addPaymentMethodInputSchema.safeParse(cardInputOf(draft));
  const problems: Partial<Record<CardField, string>> = {};
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const field = issue.path[1];
    if (typeof field === 'string' && field in draft && problems[field as CardField] === undefined) {
      problems[field as CardField] =
        field === 'expMonth' || field === 'expYear'
          ? 'Enter the expiry month (1–12) and year (2030).'
          : issue.message;
    }
  }
  return problems;
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
