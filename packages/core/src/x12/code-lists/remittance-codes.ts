import type { CodeList } from './code-list.ts';

// The code lists an 835 carries. CAS01 groups are the guide's own list; claim adjustment reason codes (CARC) and
// remittance advice remark codes (RARC) are external lists maintained by X12 and CMS, updated several times a
// year: Portico ships the codes below and a deployment loads the full, current lists from files (README, "X12
// code lists"); a code missing here still reads, shown as "Code N".

/** CAS01, Claim Adjustment Group Code. */
export const adjustmentGroups: CodeList = {
  name: 'adjustment-groups',
  version: '005010X221A1',
  codes: {
    CO: 'Contractual Obligations',
    CR: 'Corrections and Reversals',
    OA: 'Other adjustments',
    PI: 'Payor Initiated Reductions',
    PR: 'Patient Responsibility',
  },
};

/** CAS02 and the following reasons, Claim Adjustment Reason Codes (CARC). */
export const adjustmentReasons: CodeList = {
  name: 'adjustment-reasons',
  version: 'CARC (Portico subset, 2026-12)',
  codes: {
    '1': 'Deductible Amount',
    '2': 'Coinsurance Amount',
    '3': 'Co-payment Amount',
    '16': 'Claim/service lacks information or has submission/billing error(s).',
    '18': 'Exact duplicate claim/service.',
    '22': 'This care may be covered by another payer per coordination of benefits.',
    '23': 'The impact of prior payer(s) adjudication including payments and/or adjustments.',
    '27': 'Expenses incurred after coverage terminated.',
    '29': 'The time limit for filing has expired.',
    '45': 'Charge exceeds fee schedule/maximum allowable or contracted/legislated fee arrangement.',
    '50': "These are non-covered services because this is not deemed a 'medical necessity' by the payer.",
    '96': 'Non-covered charge(s).',
    '97': 'The benefit for this service is included in the payment/allowance for another service/procedure that has already been adjudicated.',
    '109': 'Claim/service not covered by this payer/contractor.',
    '197': 'Precertification/authorization/notification/pre-treatment absent.',
    '204': "This service/equipment/drug is not covered under the patient's current benefit plan.",
    '242': 'Services not provided by network/primary care providers.',
    '253': 'Sequestration - reduction in federal payment.',
  },
};

/** MOA and LQ*HE, Remittance Advice Remark Codes (RARC). */
export const remarkCodes: CodeList = {
  name: 'remark-codes',
  version: 'RARC (Portico subset, 2026-12)',
  codes: {
    M15: 'Separately billed services/tests have been bundled as they are considered components of the same procedure. Separate payment is not allowed.',
    M127: 'Missing patient medical record for this service.',
    MA130:
      'Your claim contains incomplete and/or invalid information, and no appeal rights are afforded because the claim is unprocessable. Please submit a new claim with the complete/correct information.',
    N54: 'Claim information is inconsistent with pre-certified/authorized services.',
    N130: 'Consult plan benefit documents/guidelines for information about restrictions for this service.',
    N381: 'Alert: Consult our contractual agreement for restrictions/billing/payment information related to these charges.',
  },
};

/** CLP02, Claim Status Code (of the payment). */
export const remittanceClaimStatuses: CodeList = {
  name: 'remittance-claim-statuses',
  version: '005010X221A1',
  codes: {
    '1': 'Processed as Primary',
    '2': 'Processed as Secondary',
    '3': 'Processed as Tertiary',
    '4': 'Denied',
    '19': 'Processed as Primary, Forwarded to Additional Payer(s)',
    '20': 'Processed as Secondary, Forwarded to Additional Payer(s)',
    '21': 'Processed as Tertiary, Forwarded to Additional Payer(s)',
    '22': 'Reversal of Previous Payment',
    '23': 'Not Our Claim, Forwarded to Additional Payer(s)',
    '25': 'Predetermination Pricing Only - No Payment',
  },
};

/** PLB03-1 and the following, Provider Adjustment Reason Code. */
export const providerAdjustmentReasons: CodeList = {
  name: 'provider-adjustment-reasons',
  version: '005010X221A1 (Portico subset)',
  codes: {
    '72': 'Authorized Return',
    CS: 'Adjustment',
    FB: 'Forwarding Balance',
    IR: 'Internal Revenue Service Withholding',
    J1: 'Nonreimbursable',
    L3: 'Penalty',
    L6: 'Interest Owed',
    WO: 'Overpayment Recovery',
  },
};
