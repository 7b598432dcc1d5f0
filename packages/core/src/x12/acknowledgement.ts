import type { X12Diagnostic } from './diagnostics.ts';
import type { TransactionSet } from './interchange.ts';
import { elementOf, type Segment } from './tokenizer.ts';
import type { OutboundSegment } from './writer.ts';

/** The 999's guide version (ST03, GS08). */
export const GUIDE_999 = '005010X231A1';

/**
 * The body of a 999 implementation acknowledgement for transaction sets of one functional group, from the
 * diagnostics the guide reading found: an IK3 per segment in error (id, position in the set, loop, IK304 code),
 * an IK4 per element in error (position, IK403 code, the bad value), IK5 accepted or rejected per set, AK9 for
 * the group. Warnings do not reject.
 */
export function writeAcknowledgement(
  group: { functionalId: string; controlNumber: string; guide: string },
  results: readonly { transaction: TransactionSet; diagnostics: readonly X12Diagnostic[] }[],
): OutboundSegment[] {
  const body: OutboundSegment[] = [
    { id: 'AK1', elements: [group.functionalId, group.controlNumber, group.guide] },
  ];
  let accepted = 0;
  for (const { transaction, diagnostics } of results) {
    body.push({ id: 'AK2', elements: [transaction.id, transaction.controlNumber, transaction.guide] });
    const errors = diagnostics.filter((entry) => entry.severity === 'error');
    for (const entry of errors.slice(0, 99)) {
      const segmentCode = entry.element === null ? (entry.ackCode ?? '8') : '8';
      body.push({
        id: 'IK3',
        elements: [
          entry.segmentId ?? '',
          String(entry.transactionPosition ?? 1),
          entry.loop ?? '',
          segmentCode,
        ],
      });
      if (entry.element !== null) {
        const segment = transaction.segments[(entry.transactionPosition ?? 1) - 1];
        const bad = segment ? elementOf(segment, entry.element).slice(0, 99) : '';
        body.push({
          id: 'IK4',
          elements: [
            String(entry.element),
            '',
            entry.ackCode ?? '1',
            ...(bad === '' ? [] : [bad.replace(/[*:^~]/g, ' ')]),
          ],
        });
      }
    }
    if (errors.length === 0) accepted += 1;
    body.push({ id: 'IK5', elements: errors.length === 0 ? ['A'] : ['R', '5'] });
  }
  const status = accepted === results.length ? 'A' : accepted === 0 ? 'R' : 'P';
  body.push({
    id: 'AK9',
    elements: [status, String(results.length), String(results.length), String(accepted)],
  });
  return body;
}

/** A TA1: how the receiver took one interchange's envelope. */
export interface InterchangeAcknowledgement {
  /** TA101, TA102, TA103: the acknowledged interchange's ISA13, ISA09 and ISA10. */
  controlNumber: string;
  date: string;
  time: string;
  /** TA104: `A` accepted, `E` accepted with errors, `R` rejected. */
  status: 'A' | 'E' | 'R';
  /** TA105: the interchange note code, `000` when there is no error. */
  note: string;
}

/** An envelope error a TA1 reports: an error whose code is an interchange note code (TA105, three digits). */
export const isInterchangeError = (entry: X12Diagnostic) =>
  entry.severity === 'error' && entry.ackCode !== null && /^\d{3}$/.test(entry.ackCode);

/**
 * The TA1 for an interchange from what reading it found: rejected with the first interchange-level error's note
 * code (control numbers, group count, the end of the file), or accepted with `000`.
 */
export function interchangeAcknowledgementOf(
  isa: Segment,
  diagnostics: readonly X12Diagnostic[],
): InterchangeAcknowledgement {
  const error = diagnostics.find(isInterchangeError);
  return {
    controlNumber: elementOf(isa, 13),
    date: elementOf(isa, 9),
    time: elementOf(isa, 10),
    status: error ? 'R' : 'A',
    note: error?.ackCode ?? '000',
  };
}

export function writeInterchangeAcknowledgement(ack: InterchangeAcknowledgement): OutboundSegment {
  return { id: 'TA1', elements: [ack.controlNumber, ack.date, ack.time, ack.status, ack.note] };
}

/** Reads a TA1 segment back. */
export function readInterchangeAcknowledgement(ta1: Segment): InterchangeAcknowledgement {
  const status = elementOf(ta1, 4);
  return {
    controlNumber: elementOf(ta1, 1),
    date: elementOf(ta1, 2),
    time: elementOf(ta1, 3),
    status: status === 'A' || status === 'E' ? status : 'R',
    note: elementOf(ta1, 5),
  };
}
