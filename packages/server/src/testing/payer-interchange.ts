import { buildInterchange, GUIDE_835, writeRemittanceAdvice, type RemittanceAdvice } from '@portico/core/x12';

/** An interchange of 835s as a payer-side system posts it to Portico. */
export function payerInterchange(
  advices: readonly RemittanceAdvice[],
  controlNumber: number,
  at: Date,
): string {
  return buildInterchange(
    {
      senderQualifier: 'ZZ',
      senderId: 'NORTHWIND',
      receiverQualifier: 'ZZ',
      receiverId: 'PORTICO',
      applicationSender: 'NORTHWIND',
      applicationReceiver: 'PORTICO',
      controlNumber,
      at,
      usage: 'T',
      functionalId: 'HP',
      guide: GUIDE_835,
    },
    advices.map((advice) => ({ id: '835', body: writeRemittanceAdvice(advice) })),
  );
}
