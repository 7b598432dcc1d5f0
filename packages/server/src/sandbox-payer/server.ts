import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildInterchange,
  buildTa1Interchange,
  CodeLists,
  GUIDE_270,
  GUIDE_276,
  GUIDE_835,
  GUIDE_999,
  hasErrors,
  interchangeAcknowledgementOf,
  isInterchangeError,
  readClaimStatusRequest,
  readEligibilityInquiry,
  readInterchange,
  writeAcknowledgement,
  writeClaimStatusResponse,
  writeEligibilityResponse,
  writeInterchangeAcknowledgement,
  writeRemittanceAdvice,
  envelopeStamps,
  type Delimiters,
  type OutboundSegment,
  type TransactionSet,
  type X12Diagnostic,
} from '@portico/core/x12';
import type { Clock } from '../services/clock.ts';
import { PAYLOAD_TYPES } from '../services/clearinghouse.ts';
import { answerInquiry } from './answer.ts';
import { answerClaimStatus } from './claims.ts';
import { findSandboxMember } from './members.ts';
import { sandboxRemittances } from './remittances.ts';

/** A running sandbox payer: where to reach it and the credentials it accepts. */
export interface SandboxPayer {
  url: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

/** One real-time transaction the sandbox answers: its guide, and the answer's functional group and set. */
interface RealtimeKind {
  guide: string;
  functionalId: string;
  answerId: string;
  answerType: string;
  /** Reads the request: its diagnostics, and when it reads, the member and how to write the answer. */
  read(
    transaction: TransactionSet,
    delimiters: Delimiters,
  ): {
    diagnostics: X12Diagnostic[];
    request: { memberId: string; answer(at: { date: string; time: string }): OutboundSegment[] } | null;
  };
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The embedded sandbox payer (README, "Sandbox payer"): a separate HTTP server on loopback that speaks CORE REST
 * connectivity (OAuth 2.0 client credentials, then JSON envelopes) and answers 270s with 271s and 276s with 277s
 * from its documented members and their claims, with a TA1 when a request's envelope is wrong, or with a 999 when it
 * does not pass its guide. `slowMs` is how long the slow test member waits.
 */
export async function startSandboxPayer(options: { clock: Clock; slowMs: number }): Promise<SandboxPayer> {
  const clientId = 'portico';
  const clientSecret = randomBytes(24).toString('base64url');
  // The sandbox's own tokens: one process's test double of a payer, not state another Portico instance needs.
  const tokens = new Set<string>();
  const pending = new Set<{ timer: NodeJS.Timeout; done: () => void }>();
  const lists = new CodeLists();
  const isCode = (list: string, code: string) => lists.has(list, code);
  let controlNumber = Math.floor(Math.random() * 900_000_000) + 1;

  const wait = (ms: number, req: IncomingMessage) =>
    new Promise<void>((resolve) => {
      const entry = { timer: setTimeout(() => finish(), ms), done: () => finish() };
      const finish = () => {
        clearTimeout(entry.timer);
        pending.delete(entry);
        resolve();
      };
      pending.add(entry);
      req.on('close', finish);
    });

  function envelopeFor(functionalId: string, guide: string) {
    controlNumber = (controlNumber % 999_999_999) + 1;
    return {
      senderQualifier: 'ZZ',
      senderId: 'SANDBOXPAYER',
      receiverQualifier: 'ZZ',
      receiverId: 'PORTICO',
      applicationSender: 'SANDBOXPAYER',
      applicationReceiver: 'PORTICO',
      controlNumber,
      at: options.clock.now(),
      usage: 'T' as const,
      functionalId,
      guide,
    };
  }

  /** What the sandbox answers, by CORE payload type: how it reads the request and writes the answer. */
  const kinds: Record<string, RealtimeKind> = {
    [PAYLOAD_TYPES.eligibilityRequest]: {
      guide: GUIDE_270,
      functionalId: 'HB',
      answerId: '271',
      answerType: PAYLOAD_TYPES.eligibilityResponse,
      read(transaction, delimiters) {
        const { inquiry, diagnostics } = readEligibilityInquiry(transaction, delimiters, isCode);
        return {
          diagnostics,
          request: inquiry && {
            memberId: inquiry.subscriber.memberId,
            answer: (at) => writeEligibilityResponse(answerInquiry(inquiry, at)),
          },
        };
      },
    },
    [PAYLOAD_TYPES.claimStatusRequest]: {
      guide: GUIDE_276,
      functionalId: 'HN',
      answerId: '277',
      answerType: PAYLOAD_TYPES.claimStatusResponse,
      read(transaction, delimiters) {
        const { request, diagnostics } = readClaimStatusRequest(transaction, delimiters, isCode);
        return {
          diagnostics,
          request: request && {
            memberId: request.subscriber.memberId,
            answer: (at) => writeClaimStatusResponse(answerClaimStatus(request, at)),
          },
        };
      },
    },
  };

  async function realtime(
    req: IncomingMessage,
    res: ServerResponse,
    kind: RealtimeKind,
    payloadId: string,
    payload: string,
  ) {
    const read = readInterchange(payload);
    const transaction = read.interchanges[0]?.groups[0]?.transactions[0];
    const group = read.interchanges[0]?.groups[0]?.gs;
    const diagnostics: X12Diagnostic[] = [...read.diagnostics];
    const parsed = transaction && read.delimiters ? kind.read(transaction, read.delimiters) : null;
    if (parsed) diagnostics.push(...parsed.diagnostics);
    const reply = (payloadType: string, x12: string) =>
      json(res, 200, {
        PayloadType: payloadType,
        ProcessingMode: 'RealTime',
        PayloadID: payloadId,
        TimeStamp: options.clock.now().toISOString(),
        SenderID: 'SANDBOXPAYER',
        ReceiverID: 'PORTICO',
        ErrorCode: 'Success',
        ErrorMessage: '',
        Payload: x12,
      });
    const isa = read.interchanges[0]?.isa;
    if (isa && read.diagnostics.some(isInterchangeError)) {
      // The envelope itself is wrong (control numbers, counts, a cut-off file): a TA1 says so.
      return reply(
        PAYLOAD_TYPES.interchangeAcknowledgement,
        buildTa1Interchange(envelopeFor('', ''), [
          writeInterchangeAcknowledgement(interchangeAcknowledgementOf(isa, read.diagnostics)),
        ]),
      );
    }
    if (!transaction || !group || !parsed?.request || hasErrors(diagnostics)) {
      if (!transaction || !group)
        return json(res, 400, {
          ErrorCode: 'PayloadMalformed',
          ErrorMessage: 'The payload is not an X12 interchange.',
        });
      const ack = writeAcknowledgement(
        { functionalId: group.elements[0] ?? '', controlNumber: group.elements[5] ?? '', guide: kind.guide },
        [{ transaction, diagnostics }],
      );
      return reply(
        PAYLOAD_TYPES.acknowledgement,
        buildInterchange(envelopeFor('FA', GUIDE_999), [{ id: '999', body: ack }]),
      );
    }
    const member = findSandboxMember(parsed.request.memberId);
    if (member?.trigger === 'SLOW') await wait(options.slowMs, req);
    if (res.destroyed) return;
    const stamps = envelopeStamps(options.clock.now());
    const body = parsed.request.answer({ date: stamps.gsDate, time: stamps.time });
    reply(
      kind.answerType,
      buildInterchange(envelopeFor(kind.functionalId, kind.guide), [{ id: kind.answerId, body }]),
    );
  }

  /** CORE batch retrieval of a payee's 835s: one interchange holding each payment the sandbox made to it. */
  function retrieval(res: ServerResponse, field: (name: string) => string) {
    if (field('ProcessingMode') !== 'Batch')
      return json(res, 400, {
        ErrorCode: 'ProcessingModeIncorrect',
        ErrorMessage: '835s are retrieved in Batch mode.',
      });
    const npi = field('SenderID');
    if (!/^\d{10}$/.test(npi) || field('PayloadID') === '')
      return json(res, 400, {
        ErrorCode: 'SenderIDIncorrect',
        ErrorMessage: 'The SenderID is the payee NPI, and a PayloadID is required.',
      });
    const advices = sandboxRemittances({ npi, payerId: field('ReceiverID') || 'SANDBOX' });
    json(res, 200, {
      PayloadType: PAYLOAD_TYPES.remittanceResponse,
      ProcessingMode: 'Batch',
      PayloadID: field('PayloadID'),
      TimeStamp: options.clock.now().toISOString(),
      SenderID: 'SANDBOXPAYER',
      ReceiverID: npi,
      ErrorCode: 'Success',
      ErrorMessage: '',
      Payload: buildInterchange(
        envelopeFor('HP', GUIDE_835),
        advices.map((advice) => ({ id: '835', body: writeRemittanceAdvice(advice) })),
      ),
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'POST') return json(res, 405, { error: 'method_not_allowed' });
    if (path === '/oauth/token') {
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const [id = '', secret = ''] = Buffer.from(basic, 'base64')
        .toString('utf8')
        .split(':')
        .map(decodeURIComponent);
      const body = new URLSearchParams((await readBody(req)) ?? '');
      if (body.get('grant_type') !== 'client_credentials')
        return json(res, 400, { error: 'unsupported_grant_type' });
      if (!same(id, clientId) || !same(secret, clientSecret))
        return json(res, 401, { error: 'invalid_client' });
      const token = randomUUID();
      tokens.add(token);
      return json(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
    }
    if (path !== '/core/realtime') return json(res, 404, { error: 'not_found' });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!tokens.has(bearer))
      return json(res, 401, { ErrorCode: 'Unauthorized', ErrorMessage: 'A valid access token is required.' });
    const text = await readBody(req);
    let envelope: unknown = null;
    try {
      envelope = text === null ? null : JSON.parse(text);
    } catch {
      envelope = null;
    }
    const field = (name: string) => {
      const value: unknown =
        typeof envelope === 'object' && envelope !== null ? Reflect.get(envelope, name) : undefined;
      return typeof value === 'string' ? value : '';
    };
    if (field('PayloadType') === PAYLOAD_TYPES.remittanceRequest) return retrieval(res, field);
    const kind = kinds[field('PayloadType')];
    if (!kind)
      return json(res, 400, {
        ErrorCode: 'PayloadTypeIncorrect',
        ErrorMessage: 'Only real-time 270s and 276s, and 835 retrievals, are answered.',
      });
    if (field('ProcessingMode') !== 'RealTime')
      return json(res, 400, {
        ErrorCode: 'ProcessingModeIncorrect',
        ErrorMessage: 'Only RealTime is supported.',
      });
    if (field('PayloadID') === '')
      return json(res, 400, { ErrorCode: 'PayloadIDRequired', ErrorMessage: 'PayloadID is required.' });
    await realtime(req, res, kind, field('PayloadID'), field('Payload'));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent)
        json(res, 500, { ErrorCode: 'ServerError', ErrorMessage: 'The sandbox payer failed.' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}/core/realtime`,
    tokenUrl: `${base}/oauth/token`,
    clientId,
    clientSecret,
    async close() {
      for (const entry of [...pending]) entry.done();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
