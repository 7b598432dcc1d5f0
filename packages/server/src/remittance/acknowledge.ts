import {
  buildInterchange,
  buildTa1Interchange,
  elementOf,
  GUIDE_999,
  interchangeAcknowledgementOf,
  isInterchangeError,
  writeAcknowledgement,
  writeInterchangeAcknowledgement,
  type ReadResult,
  type TransactionSet,
  type X12Diagnostic,
} from '@portico/core/x12';

/** Portico's side of an acknowledgement: its id with the payer, test or production, a fresh control number. */
export interface AcknowledgementSender {
  senderId: string;
  usage: 'T' | 'P';
  controlNumber: number;
}

/** A transaction set of the interchange as the guide reading judged it. */
export interface CheckedTransaction {
  transaction: TransactionSet;
  diagnostics: readonly X12Diagnostic[];
}

/**
 * What Portico answers a payer-side system that posted an interchange, in X12: a TA1 rejecting the interchange
 * when its envelope is wrong (control numbers, group count, a cut-off file), else a 999 for its functional group
 * (each 835 accepted or rejected by its guide, with the segments and elements in error). Null when not even the ISA
 * reads: there is nothing to address an answer to.
 */
export function acknowledgementOf(
  read: ReadResult,
  checked: readonly CheckedTransaction[],
  sender: AcknowledgementSender & { at: Date },
): string | null {
  const interchange = read.interchanges[0];
  if (!interchange) return null;
  const { isa } = interchange;
  const partners = {
    senderQualifier: 'ZZ',
    senderId: sender.senderId,
    receiverQualifier: elementOf(isa, 5).trim() || 'ZZ',
    receiverId: elementOf(isa, 6).trim(),
    controlNumber: sender.controlNumber,
    at: sender.at,
    usage: sender.usage,
  };
  if (read.diagnostics.some(isInterchangeError) || interchange.groups.length === 0)
    return buildTa1Interchange(partners, [
      writeInterchangeAcknowledgement(interchangeAcknowledgementOf(isa, read.diagnostics)),
    ]);
  return buildInterchange(
    {
      ...partners,
      applicationSender: sender.senderId,
      applicationReceiver: elementOf(interchange.groups[0]?.gs ?? isa, 2).trim(),
      functionalId: 'FA',
      guide: GUIDE_999,
    },
    interchange.groups.map((group) => ({
      id: '999',
      body: writeAcknowledgement(
        {
          functionalId: elementOf(group.gs, 1),
          controlNumber: elementOf(group.gs, 6),
          guide: elementOf(group.gs, 8),
        },
        checked.filter((entry) => group.transactions.includes(entry.transaction)),
      ),
    })),
  );
}
