import {
  dateRule,
  demographicsRule,
  headerRules,
  levelRule,
  nameRule,
  receiverNameRule,
  sourceNameRule,
  subscriberNameRule,
  traceRule,
} from './eligibility-parts.ts';
import type { LoopRule, SegmentRule, TransactionGuide } from './guide.ts';

/** The 271 guide's version (ST03, GS08). */
export const GUIDE_271 = '005010X279A1';

const rejection = (name: string): SegmentRule => ({
  id: 'AAA',
  name,
  max: 9,
  elements: [
    { position: 1, name: 'Yes/No Condition or Response Code', required: true, codes: ['Y', 'N'] },
    { position: 3, name: 'Reject Reason Code', required: true, codes: { list: 'reject-reasons' } },
    { position: 4, name: 'Follow-up Action Code', required: true, codes: { list: 'follow-up-actions' } },
  ],
});

const benefit: LoopRule = {
  id: '2110C',
  name: 'Subscriber Eligibility or Benefit Information',
  max: 999,
  segments: [
    {
      id: 'EB',
      name: 'Subscriber Eligibility or Benefit Information',
      required: true,
      max: 1,
      elements: [
        {
          position: 1,
          name: 'Eligibility or Benefit Information Code',
          required: true,
          codes: { list: 'benefit-codes' },
        },
        { position: 2, name: 'Coverage Level Code', codes: { list: 'coverage-levels' } },
        { position: 3, name: 'Service Type Code', codes: { list: 'service-types' }, repeats: 99 },
        { position: 4, name: 'Insurance Type Code', codes: { list: 'insurance-types' } },
        { position: 5, name: 'Plan Coverage Description', maxLength: 50 },
        { position: 6, name: 'Time Period Qualifier', codes: { list: 'time-periods' } },
        { position: 7, name: 'Monetary Amount', format: 'decimal', maxLength: 18 },
        { position: 8, name: 'Percentage as Decimal', format: 'decimal', maxLength: 10 },
        { position: 11, name: 'Authorization or Certification Indicator', codes: ['N', 'U', 'Y'] },
        { position: 12, name: 'In Plan Network Indicator', codes: ['N', 'U', 'W', 'Y'] },
      ],
    },
    { id: 'HSD', name: 'Health Care Services Delivery', max: 9 },
    { id: 'REF', name: 'Subscriber Additional Identification', max: 9 },
    dateRule(20),
    rejection('Subscriber Request Validation'),
    {
      id: 'MSG',
      name: 'Message Text',
      max: 10,
      elements: [{ position: 1, name: 'Free-form Message Text', required: true, maxLength: 264 }],
    },
    { id: 'LS', name: 'Loop Header', max: 1 },
    { id: 'LE', name: 'Loop Trailer', max: 1 },
  ],
  loops: [
    {
      id: '2115C',
      name: 'Subscriber Eligibility or Benefit Additional Information',
      max: 10,
      segments: [
        {
          id: 'III',
          name: 'Subscriber Eligibility or Benefit Additional Information',
          required: true,
          max: 1,
        },
      ],
    },
    {
      id: '2120C',
      name: 'Subscriber Benefit Related Entity Name',
      max: 23,
      segments: [
        nameRule(
          [
            '13',
            '1I',
            '1P',
            '2B',
            '36',
            '73',
            '7W',
            '80',
            'FA',
            'GP',
            'GW',
            'I3',
            'IL',
            'LR',
            'OC',
            'P3',
            'P4',
            'P5',
            'PR',
            'PRP',
            'SEP',
            'TTP',
            'VER',
            'VN',
            'VY',
            'X3',
            'Y2',
          ],
          'Subscriber Benefit Related Entity Name',
        ),
        { id: 'N3', name: 'Subscriber Benefit Related Entity Address', max: 1 },
        { id: 'N4', name: 'Subscriber Benefit Related Entity City, State, ZIP Code', max: 1 },
        { id: 'PER', name: 'Subscriber Benefit Related Entity Contact Information', max: 3 },
        { id: 'PRV', name: 'Subscriber Benefit Related Provider Information', max: 1 },
      ],
    },
  ],
};

/** The 271 (005010X279A1) as Portico reads and writes it: rejections at every level, benefits per subscriber. */
export const eligibilityResponseGuide: TransactionGuide = {
  id: '271',
  version: GUIDE_271,
  header: headerRules,
  loops: [
    {
      id: '2000A',
      name: 'Information Source Level',
      required: true,
      max: 1,
      segments: [levelRule('20', 'Information Source Level'), rejection('Request Validation')],
      loops: [
        {
          id: '2100A',
          name: 'Information Source Name',
          required: true,
          max: 1,
          segments: [
            sourceNameRule,
            { id: 'PER', name: 'Information Source Contact Information', max: 3 },
            rejection('Information Source Request Validation'),
          ],
        },
        {
          id: '2000B',
          name: 'Information Receiver Level',
          max: 1,
          segments: [levelRule('21', 'Information Receiver Level')],
          loops: [
            {
              id: '2100B',
              name: 'Information Receiver Name',
              required: true,
              max: 1,
              segments: [
                receiverNameRule,
                { id: 'REF', name: 'Information Receiver Additional Identification', max: 9 },
                rejection('Information Receiver Request Validation'),
                { id: 'PRV', name: 'Information Receiver Provider Information', max: 1 },
              ],
            },
            {
              id: '2000C',
              name: 'Subscriber Level',
              max: 1,
              segments: [levelRule('22', 'Subscriber Level'), traceRule],
              loops: [
                {
                  id: '2100C',
                  name: 'Subscriber Name',
                  required: true,
                  max: 1,
                  segments: [
                    subscriberNameRule,
                    {
                      id: 'REF',
                      name: 'Subscriber Additional Identification',
                      max: 9,
                      elements: [
                        { position: 1, name: 'Reference Identification Qualifier', required: true },
                        { position: 2, name: 'Reference Identification', required: true, maxLength: 50 },
                      ],
                    },
                    { id: 'N3', name: 'Subscriber Address', max: 1 },
                    { id: 'N4', name: 'Subscriber City, State, ZIP Code', max: 1 },
                    rejection('Subscriber Request Validation'),
                    { id: 'PRV', name: 'Provider Information', max: 1 },
                    demographicsRule,
                    { id: 'INS', name: 'Subscriber Relationship', max: 1 },
                    { id: 'HI', name: 'Subscriber Health Care Diagnosis Code', max: 1 },
                    dateRule(9),
                    { id: 'MPI', name: 'Subscriber Military Personnel Information', max: 1 },
                  ],
                  loops: [benefit],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};
