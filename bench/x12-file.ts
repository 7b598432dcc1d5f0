import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { answerInquiry } from '../packages/server/src/sandbox-payer/answer.ts';
import {
  buildInterchange,
  GUIDE_271,
  writeEligibilityResponse,
  type EligibilityInquiry,
} from '@portico/core/x12';

/**
 * Writes an X12 file of about `megabytes` MB: interchanges of 500 271s each, every 271 the sandbox payer's answer
 * for an HMO member asked for 30 (the CORE base set, about 170 segments), each member with its own id and trace.
 * The same file is kept between runs (bench/.data/x12).
 */
export async function x12BenchFile(megabytes: number): Promise<string> {
  const file = `bench/.data/x12/271-${megabytes}mb.x12`;
  if (existsSync(file) && statSync(file).size >= megabytes * 1_000_000) return file;
  const out = createWriteStream(file);
  const inquiry = (n: number): EligibilityInquiry => ({
    reference: String(n),
    createdDate: '20261203',
    createdTime: '1000',
    payer: { name: 'PORTICO SANDBOX HEALTH PLAN', id: 'PORTICO01' },
    provider: { name: 'ADA QUINN', id: '1234567893' },
    subscriber: {
      trace: { type: '1', number: `T${n}`, originator: '9PORTICO00' },
      memberId: 'PSB10001',
      lastName: 'SMITH',
      firstName: 'ROBERT',
      dateOfBirth: '19630519',
      dateOfService: { qualifier: '291', format: 'D8', value: '20261203' },
      serviceTypes: ['30'],
    },
  });
  let written = 0;
  for (let interchange = 1; written < megabytes * 1_000_000; interchange += 1) {
    const transactions = Array.from({ length: 500 }, (_, i) => {
      const n = interchange * 1000 + i;
      const response = answerInquiry(inquiry(n), { date: '20261203', time: '1000' });
      return {
        id: '271',
        body: writeEligibilityResponse({
          ...response,
          subscriber: response.subscriber && { ...response.subscriber, memberId: `PSB${n}` },
        }),
      };
    });
    const text = buildInterchange(
      {
        senderQualifier: 'ZZ',
        senderId: 'SANDBOXPAYER',
        receiverQualifier: 'ZZ',
        receiverId: 'PORTICO',
        applicationSender: 'SANDBOXPAYER',
        applicationReceiver: 'PORTICO',
        controlNumber: interchange,
        at: new Date('2026-12-03T10:00:00Z'),
        usage: 'T',
        functionalId: 'HB',
        guide: GUIDE_271,
      },
      transactions,
    );
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}
