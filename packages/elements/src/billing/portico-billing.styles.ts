import { baseStyles } from '../shared/base.styles.ts';
import { tableStyles } from '../shared/table.styles.ts';
import { storefrontStyles } from '../storefront/portico-storefront.styles.ts';

/** Billing shares the storefront's card, form and notice styles: the two sit together on one page. */
export const billingStyles = [baseStyles, tableStyles, storefrontStyles];
