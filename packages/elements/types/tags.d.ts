// The Portico tags as a framework's templates see them: each tag's public properties and its events' details.
// Shared by react.d.ts and vue.d.ts; HTMLElementTagNameMap itself comes with each element's module.
import type {
  AccessHubTab,
  AccessResponseSubmittedDetail,
  ClaimStatusCheckedDetail,
  EligibilityCheckedDetail,
  OpenWorklistDetail,
  PaymentMethodChangedDetail,
  ProvidersChangedDetail,
  RemittanceEnrolledDetail,
  SignedOutDetail,
  SubscriptionChangedDetail,
  UserChangedDetail,
} from '../dist/index.js';

/** The properties each tag takes, beyond any HTML element's. */
export interface PorticoTagProperties {
  'portico-root': {
    url?: string;
    token?: string;
    getToken?: () => string | null | undefined | Promise<string | null | undefined>;
    idleMinutes?: number;
  };
  'portico-storefront': Record<never, never>;
  'portico-billing': Record<never, never>;
  'portico-provider-manager': Record<never, never>;
  'portico-access-hub': { tab?: AccessHubTab };
  'portico-user-admin': Record<never, never>;
  'portico-audit-log': Record<never, never>;
  'portico-eligibility': Record<never, never>;
  'portico-claim-status': Record<never, never>;
  'portico-remittance': Record<never, never>;
}

/** The events each tag fires, by name, with their details. */
export interface PorticoTagEvents {
  'portico-root': { 'portico-signed-out': SignedOutDetail };
  'portico-storefront': {
    'portico-subscription-changed': SubscriptionChangedDetail;
    'portico-payment-method-changed': PaymentMethodChangedDetail;
  };
  'portico-billing': { 'portico-payment-method-changed': PaymentMethodChangedDetail };
  'portico-provider-manager': { 'portico-providers-changed': ProvidersChangedDetail };
  'portico-access-hub': {
    'portico-open-worklist': OpenWorklistDetail;
    'portico-access-response-submitted': AccessResponseSubmittedDetail;
  };
  'portico-user-admin': { 'portico-user-changed': UserChangedDetail };
  'portico-audit-log': Record<never, never>;
  'portico-eligibility': { 'portico-eligibility-checked': EligibilityCheckedDetail };
  'portico-claim-status': { 'portico-claim-status-checked': ClaimStatusCheckedDetail };
  'portico-remittance': { 'portico-remittance-enrolled': RemittanceEnrolledDetail };
}

export type PorticoTag = keyof PorticoTagProperties;
