import type { PaymentMethod, PaymentMethodRole } from '@portico/core';

/** Card brands as people name them. */
export const brandNames: Record<PaymentMethod['brand'], string> = {
  VISA: 'Visa',
  MASTERCARD: 'Mastercard',
  AMEX: 'American Express',
  DISCOVER: 'Discover',
  OTHER: 'Card',
};

/** A card as people name it: `Visa ending 4242`. */
export function cardName(method: PaymentMethod): string {
  return `${brandNames[method.brand]} ending ${method.last4}`;
}

/** What a card is used for, in words. */
export function roleLabel(role: PaymentMethodRole | null): string {
  return role === 'PRIMARY' ? 'Primary' : role === 'BACKUP' ? 'Backup' : 'Not used for autopay';
}
