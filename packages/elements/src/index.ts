/**
 * @portico/elements: Portico's web components. Importing this module registers every element.
 */
export { porticoClientContext } from './root/client-context.ts';
export { PorticoRoot, type SignedOutDetail } from './root/portico-root.ts';
export { PorticoStorefront, type SubscriptionChangedDetail } from './storefront/portico-storefront.ts';
export { PorticoBilling, type PaymentMethodChangedDetail } from './billing/portico-billing.ts';
export {
  PorticoProviderManager,
  type ProvidersChangedDetail,
} from './provider-manager/portico-provider-manager.ts';
export {
  PorticoAccessHub,
  type AccessHubTab,
  type AccessResponseSubmittedDetail,
  type OpenWorklistDetail,
} from './access-hub/portico-access-hub.ts';
export { PorticoUserAdmin, type UserChangedDetail } from './users/portico-user-admin.ts';
export { PorticoAuditLog } from './audit-log/portico-audit-log.ts';
export { PorticoEligibility, type EligibilityCheckedDetail } from './eligibility/portico-eligibility.ts';
export { PorticoClaimStatus, type ClaimStatusCheckedDetail } from './claims/portico-claim-status.ts';
export { PorticoRemittance, type RemittanceEnrolledDetail } from './remittance/portico-remittance.ts';
