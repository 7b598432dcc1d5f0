// Deliberately wrong: a plan's price is integer cents (a number), so the checker must refuse this file.
import { createPorticoClient } from '@portico/core';

const portico = createPorticoClient({ url: 'https://portico.payer.example', token: 'token' });
const plans = await portico.storefront.listPlans.query();
export const price: string = plans[0]?.monthlyPriceCents ?? '';
