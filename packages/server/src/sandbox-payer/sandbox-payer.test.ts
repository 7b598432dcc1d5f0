import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  CodeLists,
  readEligibilityResponse,
  readInterchange,
  readInterchangeAcknowledgement,
  readRemittanceAdvice,
} from '@portico/core/x12';
import { remittanceImbalances } from '@portico/core';
import { coreRestClearinghouse } from '../clearinghouse/core-rest-client.ts';
import { memberServicesSettings } from '../clearinghouse/open.ts';
import { realtimeExchange } from '../clearinghouse/realtime.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { PAYLOAD_TYPES, type Clearinghouse } from '../services/clearinghouse.ts';
import { PinnedClock } from '../services/clock.ts';
import { startSandboxPayer, type SandboxPayer } from './server.ts';

const inquiry = readFileSync(new URL('../../../core/test-data/x12/270-example.x12', import.meta.url), 'utf8');
const lists = new CodeLists();

describe('the sandbox payer over CORE REST: TA1 for a broken envelope, 835s by batch retrieval', () => {
  const clock = new PinnedClock('2026-12-04T10:00:00Z');
  let sandbox: SandboxPayer;
  let clearinghouse: Clearinghouse;
  const send = (payloadType: string, payload: string, options: { mode?: 'Batch'; sender?: string } = {}) =>
    clearinghouse.exchange({
      payloadType,
      payloadId: crypto.randomUUID(),
      senderId: options.sender ?? 'PORTICO',
      receiverId: 'NORTHWIND',
      payload,
      ...(options.mode ? { processingMode: options.mode } : {}),
      signal: AbortSignal.timeout(5000),
    });

  before(async () => {
    sandbox = await startSandboxPayer({ clock, slowMs: 100 });
    clearinghouse = coreRestClearinghouse(sandbox);
  });
  after(async () => {
    await clearinghouse.close();
    await sandbox.close();
  });

  it('answers a sound 270 with a 271', async () => {
    const answer = await send(PAYLOAD_TYPES.eligibilityRequest, inquiry);
    assert.equal(answer.payloadType, PAYLOAD_TYPES.eligibilityResponse);
    const read = readInterchange(answer.payload);
    const transaction = read.interchanges[0]?.groups[0]?.transactions[0];
    assert.ok(transaction && read.delimiters);
    assert.ok(readEligibilityResponse(transaction, read.delimiters, (l, c) => lists.has(l, c)).response);
  });

  it('answers an interchange whose trailer does not match its header with a TA1 rejecting it (note 001)', async () => {
    const broken = inquiry.replace(/IEA\*1\*\d{9}~/, 'IEA*1*000000001~');
    const answer = await send(PAYLOAD_TYPES.eligibilityRequest, broken);
    assert.equal(answer.payloadType, PAYLOAD_TYPES.interchangeAcknowledgement);
    const read = readInterchange(answer.payload);
    assert.deepEqual(read.diagnostics, []);
    const ta1 = read.interchanges[0]?.ta1[0];
    assert.ok(ta1);
    assert.deepEqual(readInterchangeAcknowledgement(ta1), {
      controlNumber: '000000905',
      date: '260501',
      time: '1319',
      status: 'R',
      note: '001',
    });
  });

  it("turns a TA1 into the caller's PAYER_UNAVAILABLE with words, never a throw", async () => {
    const reply = await realtimeExchange(
      {
        transaction: '270',
        answerTransaction: '271',
        payloadType: PAYLOAD_TYPES.eligibilityRequest,
        payloadId: crypto.randomUUID(),
        payload: inquiry.slice(0, inquiry.indexOf('IEA')),
        controlNumber: 905,
        traceNumber: 'T1',
        limitSeconds: 20,
        read: () => ({ value: null, diagnostics: [] }),
        judge: () => null,
      },
      {
        requestId: 'test',
        clock,
        logger: createLogger('silent'),
        clearinghouse,
        memberServices: memberServicesSettings(
          loadConfig({ PORTICO_DATA_DIR: 'memory://', PORTICO_JWT_SECRET: 'x'.repeat(32) }),
        ),
      },
    );
    assert.equal(reply.problem?.code, 'PAYER_UNAVAILABLE');
    assert.match(reply.problem?.message ?? '', /envelope \(it sent a TA1\)/);
  });

  it("retrieves a payee's 835s in Batch mode, each balanced and paid to that NPI", async () => {
    const answer = await send(PAYLOAD_TYPES.remittanceRequest, '', { mode: 'Batch', sender: '1234567893' });
    assert.equal(answer.payloadType, PAYLOAD_TYPES.remittanceResponse);
    const read = readInterchange(answer.payload);
    assert.deepEqual(read.diagnostics, []);
    const transactions = read.interchanges[0]?.groups[0]?.transactions ?? [];
    assert.equal(transactions.length, 3);
    for (const transaction of transactions) {
      assert.ok(read.delimiters);
      const { advice, diagnostics } = readRemittanceAdvice(transaction, read.delimiters, (l, c) =>
        lists.has(l, c),
      );
      assert.deepEqual(diagnostics, []);
      assert.ok(advice);
      assert.equal(advice.payee.id, '1234567893');
      assert.deepEqual(remittanceImbalances(advice), []);
    }
  });

  it('refuses a retrieval in real time or without a payee NPI, saying why in its envelope', async () => {
    const basic = Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString('base64');
    const token = await fetch(sandbox.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const retrieve = async (mode: string, sender: string) => {
      const response = await fetch(sandbox.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          PayloadType: PAYLOAD_TYPES.remittanceRequest,
          ProcessingMode: mode,
          PayloadID: crypto.randomUUID(),
          SenderID: sender,
          ReceiverID: 'NORTHWIND',
          Payload: '',
        }),
      });
      return { status: response.status, body: (await response.json()) as { ErrorCode: string } };
    };
    assert.deepEqual(await retrieve('RealTime', '1234567893'), {
      status: 400,
      body: { ErrorCode: 'ProcessingModeIncorrect', ErrorMessage: '835s are retrieved in Batch mode.' },
    });
    assert.equal((await retrieve('Batch', 'PORTICO')).body.ErrorCode, 'SenderIDIncorrect');
  });
});
