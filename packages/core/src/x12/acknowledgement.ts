import type { X12Diagnostic } from './diagnostics.ts';
import type { TransactionSet } from './interchange.ts';
import { elementOf } from './tokenizer.ts';
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
