import type { X12Diagnostic } from './diagnostics.ts';
import type { Delimiters } from './delimiters.ts';
import { procedureComponents, readProcedure, type Procedure } from './claim-status-parts.ts';
import { optional } from './eligibility-parts.ts';
import { readWithGuide } from './guide-reader.ts';
import { loopsWithId, segmentIn, type CodeLookup, type LoopNode } from './guide.ts';
import type { TransactionSet } from './interchange.ts';
import { remittanceAdviceGuide } from './remittance-guide.ts';
import { componentsOf, elementOf, type Segment } from './tokenizer.ts';
import type { OutboundSegment } from './writer.ts';

/** One adjustment (a CAS triple): its group, reason (CARC), amount (an X12 decimal) and quantity. */
export interface Adjustment {
  group: string;
  reason: string;
  amount: string;
  quantity: string | null;
}

export interface RemittanceLine {
  procedure: Procedure;
  charge: string;
  payment: string;
  unitsPaid: string | null;
  /** DTM*472, CCYYMMDD. */
  serviceDate: string | null;
  adjustments: Adjustment[];
  /** REF*6R: the provider's line item control number. */
  lineItemNumber: string | null;
  /** AMT*B6: the allowed amount. */
  allowed: string | null;
  /** LQ*HE: remark codes (RARC). */
  remarks: string[];
}

export interface RemittanceClaim {
  patientControlNumber: string;
  /** CLP02: processed as primary, denied, reversal… */
  status: string;
  charge: string;
  payment: string;
  patientResponsibility: string | null;
  filingIndicator: string;
  payerClaimNumber: string;
  adjustments: Adjustment[];
  patient: { lastName: string; firstName: string; memberId: string };
  /** NM1*82: the rendering provider, by NPI. */
  renderingProvider: { name: string; npi: string } | null;
  /** MOA03–MOA07: outpatient remark codes (RARC). */
  remarks: string[];
  /** DTM*232 and DTM*233, CCYYMMDD. */
  statementFrom: string | null;
  statementTo: string | null;
  lines: RemittanceLine[];
}

/** A PLB: the provider-level adjustments of one fiscal period (a positive amount is taken from the payment). */
export interface ProviderAdjustment {
  providerId: string;
  fiscalPeriodDate: string;
  items: { reason: string; reference: string | null; amount: string }[];
}

/** An 835: one payment (check or EFT) to one payee and what it pays, claim by claim. */
export interface RemittanceAdvice {
  payment: {
    /** BPR01: `I` remittance only, `C` payment and remittance together, `H` notification only… */
    handling: string;
    amount: string;
    creditDebit: 'C' | 'D';
    method: string;
    /** BPR16, CCYYMMDD. */
    date: string;
  };
  /** TRN02 (the check or EFT trace number) and TRN03 (the payer's identifier). */
  trace: { number: string; payerId: string };
  productionDate: string | null;
  payer: {
    name: string;
    id: string | null;
    address: { line: string; city: string; state: string; postalCode: string };
    /** PER*BL: the payer's technical contact. */
    contact: { name: string; phone: string | null };
  };
  payee: { name: string; idQualifier: string; id: string };
  /** LX groups, each with its claims. */
  groups: { number: string; claims: RemittanceClaim[] }[];
  providerAdjustments: ProviderAdjustment[];
}

/** CAS segments for a list of adjustments: consecutive ones of a group share a segment, six at most. */
function writeAdjustments(adjustments: readonly Adjustment[]): OutboundSegment[] {
  const segments: OutboundSegment[] = [];
  let current: { group: string; items: Adjustment[] } | null = null;
  for (const adjustment of adjustments) {
    if (!current || current.group !== adjustment.group || current.items.length === 6) {
      current = { group: adjustment.group, items: [] };
      segments.push({ id: 'CAS', elements: [] });
    }
    current.items.push(adjustment);
    const segment = segments.at(-1);
    if (segment)
      segment.elements = [
        current.group,
        ...current.items.flatMap((item) => [item.reason, item.amount, item.quantity ?? '']),
      ];
  }
  return segments;
}

function readAdjustments(segments: readonly Segment[]): Adjustment[] {
  return segments
    .filter((segment) => segment.id === 'CAS')
    .flatMap((segment) => {
      const group = elementOf(segment, 1);
      const found: Adjustment[] = [];
      for (let at = 2; at <= 17; at += 3) {
        const reason = elementOf(segment, at);
        if (reason === '') continue;
        found.push({
          group,
          reason,
          amount: elementOf(segment, at + 1),
          quantity: optional(elementOf(segment, at + 2)),
        });
      }
      return found;
    });
}

const datesOf = (segments: readonly Segment[], qualifier: string) => {
  const found = segments.find((segment) => segment.id === 'DTM' && elementOf(segment, 1) === qualifier);
  return found ? elementOf(found, 2) : null;
};

function writeClaim(claim: RemittanceClaim): OutboundSegment[] {
  const { patient } = claim;
  return [
    {
      id: 'CLP',
      elements: [
        claim.patientControlNumber,
        claim.status,
        claim.charge,
        claim.payment,
        claim.patientResponsibility ?? '',
        claim.filingIndicator,
        claim.payerClaimNumber,
      ],
    },
    ...writeAdjustments(claim.adjustments),
    {
      id: 'NM1',
      elements: ['QC', '1', patient.lastName, patient.firstName, '', '', '', 'MI', patient.memberId],
    },
    ...(claim.renderingProvider
      ? [
          {
            id: 'NM1',
            elements: [
              '82',
              '1',
              claim.renderingProvider.name,
              '',
              '',
              '',
              '',
              'XX',
              claim.renderingProvider.npi,
            ],
          },
        ]
      : []),
    ...(claim.remarks.length > 0 ? [{ id: 'MOA', elements: ['', '', ...claim.remarks.slice(0, 5)] }] : []),
    ...(claim.statementFrom ? [{ id: 'DTM', elements: ['232', claim.statementFrom] }] : []),
    ...(claim.statementTo ? [{ id: 'DTM', elements: ['233', claim.statementTo] }] : []),
    ...claim.lines.flatMap((line): OutboundSegment[] => [
      {
        id: 'SVC',
        elements: [
          { components: procedureComponents(line.procedure) },
          line.charge,
          line.payment,
          '',
          line.unitsPaid ?? '',
        ],
      },
      ...(line.serviceDate ? [{ id: 'DTM', elements: ['472', line.serviceDate] }] : []),
      ...writeAdjustments(line.adjustments),
      ...(line.lineItemNumber ? [{ id: 'REF', elements: ['6R', line.lineItemNumber] }] : []),
      ...(line.allowed ? [{ id: 'AMT', elements: ['B6', line.allowed] }] : []),
      ...line.remarks.map((code) => ({ id: 'LQ', elements: ['HE', code] })),
    ]),
  ];
}

/** The segments of an 835 between ST and SE. */
export function writeRemittanceAdvice(advice: RemittanceAdvice): OutboundSegment[] {
  const { payment, payer, payee } = advice;
  return [
    {
      id: 'BPR',
      elements: [
        payment.handling,
        payment.amount,
        payment.creditDebit,
        payment.method,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        payment.date,
      ],
    },
    { id: 'TRN', elements: ['1', advice.trace.number, advice.trace.payerId] },
    ...(advice.productionDate ? [{ id: 'DTM', elements: ['405', advice.productionDate] }] : []),
    { id: 'N1', elements: ['PR', payer.name, ...(payer.id ? ['XV', payer.id] : [])] },
    { id: 'N3', elements: [payer.address.line] },
    { id: 'N4', elements: [payer.address.city, payer.address.state, payer.address.postalCode] },
    {
      id: 'PER',
      elements: ['BL', payer.contact.name, ...(payer.contact.phone ? ['TE', payer.contact.phone] : [])],
    },
    { id: 'N1', elements: ['PE', payee.name, payee.idQualifier, payee.id] },
    ...advice.groups.flatMap((group) => [
      { id: 'LX', elements: [group.number] },
      ...group.claims.flatMap(writeClaim),
    ]),
    ...advice.providerAdjustments.map((plb) => ({
      id: 'PLB',
      elements: [
        plb.providerId,
        plb.fiscalPeriodDate,
        ...plb.items.flatMap((item) => [
          { components: item.reference === null ? [item.reason] : [item.reason, item.reference] },
          item.amount,
        ]),
      ],
    })),
  ];
}

function readLine(node: LoopNode, delimiters: Delimiters): RemittanceLine | null {
  const svc = segmentIn(node, 'SVC');
  if (!svc) return null;
  const ref = segmentIn(node, 'REF', { position: 1, value: '6R' });
  const amt = segmentIn(node, 'AMT', { position: 1, value: 'B6' });
  return {
    procedure: readProcedure(elementOf(svc, 1), delimiters),
    charge: elementOf(svc, 2),
    payment: elementOf(svc, 3),
    unitsPaid: optional(elementOf(svc, 5)),
    serviceDate: datesOf(node.segments, '472'),
    adjustments: readAdjustments(node.segments),
    lineItemNumber: ref ? elementOf(ref, 2) : null,
    allowed: amt ? elementOf(amt, 2) : null,
    remarks: node.segments
      .filter((s) => s.id === 'LQ' && elementOf(s, 1) === 'HE')
      .map((s) => elementOf(s, 2)),
  };
}

function readClaim(node: LoopNode, delimiters: Delimiters): RemittanceClaim | null {
  const clp = segmentIn(node, 'CLP');
  if (!clp) return null;
  const patient = segmentIn(node, 'NM1', { position: 1, value: 'QC' });
  const rendering = segmentIn(node, 'NM1', { position: 1, value: '82' });
  const moa = segmentIn(node, 'MOA');
  return {
    patientControlNumber: elementOf(clp, 1),
    status: elementOf(clp, 2),
    charge: elementOf(clp, 3),
    payment: elementOf(clp, 4),
    patientResponsibility: optional(elementOf(clp, 5)),
    filingIndicator: elementOf(clp, 6),
    payerClaimNumber: elementOf(clp, 7),
    adjustments: readAdjustments(node.segments),
    patient: {
      lastName: patient ? elementOf(patient, 3) : '',
      firstName: patient ? elementOf(patient, 4) : '',
      memberId: patient ? elementOf(patient, 9) : '',
    },
    renderingProvider: rendering ? { name: elementOf(rendering, 3), npi: elementOf(rendering, 9) } : null,
    remarks: moa ? [3, 4, 5, 6, 7].map((at) => elementOf(moa, at)).filter((code) => code !== '') : [],
    statementFrom: datesOf(node.segments, '232'),
    statementTo: datesOf(node.segments, '233'),
    lines: loopsWithId(node.loops, '2110').flatMap((line) => readLine(line, delimiters) ?? []),
  };
}

/** Reads an 835 against its guide; `advice` is null when the guide's errors leave nothing to read. */
export function readRemittanceAdvice(
  transaction: TransactionSet,
  delimiters: Delimiters,
  isCode: CodeLookup,
): { advice: RemittanceAdvice | null; diagnostics: X12Diagnostic[] } {
  const { header, loops, trailer, diagnostics } = readWithGuide(
    transaction,
    remittanceAdviceGuide,
    delimiters,
    isCode,
  );
  const bpr = header.find((segment) => segment.id === 'BPR');
  const trn = header.find((segment) => segment.id === 'TRN');
  const payer = loopsWithId(loops, '1000A')[0];
  const payee = loopsWithId(loops, '1000B')[0];
  const payerName = payer ? segmentIn(payer, 'N1') : undefined;
  const payeeName = payee ? segmentIn(payee, 'N1') : undefined;
  if (!bpr || !trn || !payerName || !payeeName) return { advice: null, diagnostics };
  const contact = payer ? segmentIn(payer, 'PER', { position: 1, value: 'BL' }) : undefined;
  const n3 = payer ? segmentIn(payer, 'N3') : undefined;
  const n4 = payer ? segmentIn(payer, 'N4') : undefined;
  const advice: RemittanceAdvice = {
    payment: {
      handling: elementOf(bpr, 1),
      amount: elementOf(bpr, 2),
      creditDebit: elementOf(bpr, 3) === 'D' ? 'D' : 'C',
      method: elementOf(bpr, 4),
      date: elementOf(bpr, 16),
    },
    trace: { number: elementOf(trn, 2), payerId: elementOf(trn, 3) },
    productionDate: datesOf(header, '405'),
    payer: {
      name: elementOf(payerName, 2),
      id: optional(elementOf(payerName, 4)),
      address: {
        line: n3 ? elementOf(n3, 1) : '',
        city: n4 ? elementOf(n4, 1) : '',
        state: n4 ? elementOf(n4, 2) : '',
        postalCode: n4 ? elementOf(n4, 3) : '',
      },
      contact: {
        name: contact ? elementOf(contact, 2) : '',
        phone: contact && elementOf(contact, 3) === 'TE' ? elementOf(contact, 4) : null,
      },
    },
    payee: {
      name: elementOf(payeeName, 2),
      idQualifier: elementOf(payeeName, 3),
      id: elementOf(payeeName, 4),
    },
    groups: loopsWithId(loops, '2000').map((group) => ({
      number: group.segments[0] ? elementOf(group.segments[0], 1) : '',
      claims: loopsWithId(group.loops, '2100').flatMap((claim) => readClaim(claim, delimiters) ?? []),
    })),
    providerAdjustments: trailer
      .filter((segment) => segment.id === 'PLB')
      .map((plb) => {
        const items: ProviderAdjustment['items'] = [];
        for (let at = 3; at <= 13; at += 2) {
          const identifier = elementOf(plb, at);
          if (identifier === '') continue;
          const [reason = '', reference = ''] = componentsOf(identifier, delimiters);
          items.push({ reason, reference: optional(reference), amount: elementOf(plb, at + 1) });
        }
        return { providerId: elementOf(plb, 1), fiscalPeriodDate: elementOf(plb, 2), items };
      }),
  };
  return { advice, diagnostics };
}
