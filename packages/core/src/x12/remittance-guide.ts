import type { ElementRule, SegmentRule, TransactionGuide } from './guide.ts';

/** The 835 guide's version (ST03, GS08). */
export const GUIDE_835 = '005010X221A1';

const amount = (position: number, name: string, required = false): ElementRule => ({
  position,
  name,
  required,
  format: 'decimal',
  maxLength: 18,
});

/** CAS: a group code and up to six reason, amount and quantity triples. */
const adjustmentRule = (name: string): SegmentRule => ({
  id: 'CAS',
  name,
  max: 99,
  elements: [
    {
      position: 1,
      name: 'Claim Adjustment Group Code',
      required: true,
      codes: { list: 'adjustment-groups' },
    },
    { position: 2, name: 'Claim Adjustment Reason Code', required: true, maxLength: 5 },
    amount(3, 'Monetary Amount', true),
    ...[5, 8, 11, 14, 17].map((position) => ({
      position,
      name: 'Claim Adjustment Reason Code',
      maxLength: 5,
    })),
    ...[6, 9, 12, 15, 18].map((position) => amount(position, 'Monetary Amount')),
  ],
});

const name = (entity: string, label: string, required = false): SegmentRule => ({
  id: 'NM1',
  name: label,
  required,
  max: 1,
  match: { position: 1, values: [entity] },
  elements: [
    { position: 2, name: 'Entity Type Qualifier', required: true, codes: ['1', '2'] },
    { position: 3, name: 'Name Last or Organization Name', maxLength: 60 },
    { position: 9, name: 'Identification Code', maxLength: 80 },
  ],
});

const date = (qualifiers: readonly string[], label: string, max = 1): SegmentRule => ({
  id: 'DTM',
  name: label,
  max,
  match: { position: 1, values: qualifiers },
  elements: [{ position: 2, name: 'Date', required: true, format: 'date' }],
});

/**
 * The 835 (005010X221A1) as Portico reads and writes it: the payment (BPR, TRN), the payer and payee, claims in
 * header-number groups with their adjustments, patients, remarks and service lines, and provider-level adjustments.
 */
export const remittanceAdviceGuide: TransactionGuide = {
  id: '835',
  version: GUIDE_835,
  header: [
    { id: 'ST', name: 'Transaction Set Header', required: true, max: 1 },
    {
      id: 'BPR',
      name: 'Financial Information',
      required: true,
      max: 1,
      elements: [
        {
          position: 1,
          name: 'Transaction Handling Code',
          required: true,
          codes: ['C', 'D', 'H', 'I', 'P', 'U', 'X'],
        },
        amount(2, 'Total Actual Provider Payment Amount', true),
        { position: 3, name: 'Credit or Debit Flag Code', required: true, codes: ['C', 'D'] },
        {
          position: 4,
          name: 'Payment Method Code',
          required: true,
          codes: ['ACH', 'BOP', 'CHK', 'FWT', 'NON'],
        },
        { position: 16, name: 'Check Issue or EFT Effective Date', required: true, format: 'date' },
      ],
    },
    {
      id: 'TRN',
      name: 'Reassociation Trace Number',
      required: true,
      max: 1,
      elements: [
        { position: 1, name: 'Trace Type Code', required: true, codes: ['1'] },
        { position: 2, name: 'Check or EFT Trace Number', required: true, maxLength: 50 },
        { position: 3, name: 'Payer Identifier', required: true, minLength: 10, maxLength: 10 },
      ],
    },
    { id: 'CUR', name: 'Foreign Currency Information', max: 1 },
    { id: 'REF', name: 'Receiver or Version Identification', max: 2 },
    date(['405'], 'Production Date'),
  ],
  loops: [
    {
      id: '1000A',
      name: 'Payer Identification',
      required: true,
      max: 1,
      segments: [
        {
          id: 'N1',
          name: 'Payer Identification',
          required: true,
          max: 1,
          match: { position: 1, values: ['PR'] },
        },
        { id: 'N3', name: 'Payer Address', required: true, max: 1 },
        { id: 'N4', name: 'Payer City, State, ZIP Code', required: true, max: 1 },
        { id: 'REF', name: 'Additional Payer Identification', max: 4 },
        {
          id: 'PER',
          name: 'Payer Contact Information',
          required: true,
          max: 3,
          elements: [
            { position: 1, name: 'Contact Function Code', required: true, codes: ['BL', 'CX', 'IC'] },
          ],
        },
      ],
    },
    {
      id: '1000B',
      name: 'Payee Identification',
      required: true,
      max: 1,
      segments: [
        {
          id: 'N1',
          name: 'Payee Identification',
          required: true,
          max: 1,
          match: { position: 1, values: ['PE'] },
          elements: [
            { position: 2, name: 'Name', required: true, maxLength: 60 },
            { position: 3, name: 'Identification Code Qualifier', required: true, codes: ['FI', 'XV', 'XX'] },
            { position: 4, name: 'Identification Code', required: true, maxLength: 80 },
          ],
        },
        { id: 'N3', name: 'Payee Address', max: 1 },
        { id: 'N4', name: 'Payee City, State, ZIP Code', max: 1 },
        { id: 'REF', name: 'Payee Additional Identification', max: 99 },
        { id: 'RDM', name: 'Remittance Delivery Method', max: 1 },
      ],
    },
    {
      id: '2000',
      name: 'Header Number',
      max: 99_999,
      segments: [
        { id: 'LX', name: 'Header Number', required: true, max: 1 },
        { id: 'TS3', name: 'Provider Summary Information', max: 1 },
        { id: 'TS2', name: 'Provider Supplemental Summary Information', max: 1 },
      ],
      loops: [
        {
          id: '2100',
          name: 'Claim Payment Information',
          max: 99_999,
          segments: [
            {
              id: 'CLP',
              name: 'Claim Payment Information',
              required: true,
              max: 1,
              elements: [
                { position: 1, name: 'Patient Control Number', required: true, maxLength: 38 },
                {
                  position: 2,
                  name: 'Claim Status Code',
                  required: true,
                  codes: { list: 'remittance-claim-statuses' },
                },
                amount(3, 'Total Claim Charge Amount', true),
                amount(4, 'Claim Payment Amount', true),
                amount(5, 'Patient Responsibility Amount'),
                { position: 6, name: 'Claim Filing Indicator Code', required: true, maxLength: 2 },
                { position: 7, name: 'Payer Claim Control Number', required: true, maxLength: 50 },
              ],
            },
            adjustmentRule('Claim Adjustment'),
            name('QC', 'Patient Name', true),
            name('IL', 'Insured Name'),
            name('74', 'Corrected Patient/Insured Name'),
            name('82', 'Service Provider Name'),
            name('TT', 'Crossover Carrier Name'),
            name('PR', 'Corrected Priority Payer Name'),
            name('GB', 'Other Subscriber Name'),
            { id: 'MIA', name: 'Inpatient Adjudication Information', max: 1 },
            { id: 'MOA', name: 'Outpatient Adjudication Information', max: 1 },
            { id: 'REF', name: 'Other Claim Related Identification', max: 15 },
            date(['232', '233'], 'Statement From or To Date', 2),
            date(['036'], 'Coverage Expiration Date'),
            date(['050'], 'Claim Received Date'),
            { id: 'PER', name: 'Claim Contact Information', max: 2 },
            { id: 'AMT', name: 'Claim Supplemental Information', max: 13 },
            { id: 'QTY', name: 'Claim Supplemental Information Quantity', max: 14 },
          ],
          loops: [
            {
              id: '2110',
              name: 'Service Payment Information',
              max: 999,
              segments: [
                {
                  id: 'SVC',
                  name: 'Service Payment Information',
                  required: true,
                  max: 1,
                  elements: [
                    {
                      position: 1,
                      name: 'Composite Medical Procedure Identifier',
                      required: true,
                      composite: true,
                    },
                    amount(2, 'Line Item Charge Amount', true),
                    amount(3, 'Line Item Provider Payment Amount', true),
                    { position: 5, name: 'Units of Service Paid Count', format: 'decimal', maxLength: 15 },
                  ],
                },
                date(['150', '151', '472'], 'Service Date', 2),
                adjustmentRule('Service Adjustment'),
                { id: 'REF', name: 'Service Identification', max: 15 },
                { id: 'AMT', name: 'Service Supplemental Amount', max: 9 },
                { id: 'QTY', name: 'Service Supplemental Quantity', max: 6 },
                {
                  id: 'LQ',
                  name: 'Health Care Remark Codes',
                  max: 99,
                  elements: [
                    { position: 1, name: 'Code List Qualifier Code', required: true, codes: ['HE', 'RX'] },
                    { position: 2, name: 'Remark Code', required: true, maxLength: 30 },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
  trailer: [
    {
      id: 'PLB',
      name: 'Provider Adjustment',
      max: 999,
      elements: [
        { position: 1, name: 'Provider Identifier', required: true, maxLength: 50 },
        { position: 2, name: 'Fiscal Period Date', required: true, format: 'date' },
        {
          position: 3,
          name: 'Adjustment Identifier',
          required: true,
          composite: true,
          codes: { list: 'provider-adjustment-reasons' },
        },
        amount(4, 'Provider Adjustment Amount', true),
      ],
    },
  ],
};
