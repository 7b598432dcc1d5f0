import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  interchangeAcknowledgementOf,
  readInterchangeAcknowledgement,
  writeInterchangeAcknowledgement,
} from './acknowledgement.ts';
import { buildTa1Interchange } from './envelope.ts';
import { readInterchange } from './interchange.ts';
import { elementOf } from './tokenizer.ts';
import { writeInterchange } from './writer.ts';

const example = readFileSync(new URL('../../test-data/x12/270-example.x12', import.meta.url), 'utf8');
const partners = { senderQualifier: 'ZZ', senderId: 'PAYER', receiverQualifier: 'ZZ', receiverId: 'PORTICO' };

/** The TA1 a receiver sends for `text`: read it, acknowledge its envelope. */
function ta1Of(text: string) {
  const read = readInterchange(text);
  const isa = read.interchanges[0]?.isa;
  assert.ok(isa, 'the ISA reads');
  return interchangeAcknowledgementOf(isa, read.diagnostics);
}

describe('TA1 interchange acknowledgements', () => {
  it('accepts a sound interchange with note 000, naming its control number, date and time', () => {
    const isa = readInterchange(example).interchanges[0]?.isa;
    assert.ok(isa);
    const ack = ta1Of(example);
    assert.equal(ack.status, 'A');
    assert.equal(ack.note, '000');
    assert.equal(ack.controlNumber, elementOf(isa, 13));
    assert.equal(ack.date, elementOf(isa, 9));
    assert.equal(ack.time, elementOf(isa, 10));
  });

  it('rejects each envelope error with its note code: control numbers, group count, a cut-off file', () => {
    const iea = /IEA\*(\d+)\*(\d{9})~/;
    assert.ok(iea.test(example), 'the example ends with an IEA');
    const mismatch = example.replace(iea, (_all, groups: string) => `IEA*${groups}*999999999~`);
    assert.deepEqual([ta1Of(mismatch).status, ta1Of(mismatch).note], ['R', '001']);
    const groups = example.replace(iea, (_all, _groups: string, control: string) => `IEA*7*${control}~`);
    assert.deepEqual([ta1Of(groups).status, ta1Of(groups).note], ['R', '021']);
    const cut = example.slice(0, example.indexOf('IEA'));
    assert.deepEqual([ta1Of(cut).status, ta1Of(cut).note], ['R', '023']);
  });

  it('writes a TA1-only interchange that reads back without a diagnostic and byte for byte', () => {
    const ack = ta1Of(example.replace(/IEA\*1\*(\d{9})~/, 'IEA*1*000000001~'));
    const text = buildTa1Interchange(
      { ...partners, controlNumber: 42, at: new Date('2026-12-04T10:30:00Z'), usage: 'T' },
      [writeInterchangeAcknowledgement(ack)],
    );
    const read = readInterchange(text);
    assert.deepEqual(read.diagnostics, []);
    const interchange = read.interchanges[0];
    assert.ok(interchange && read.delimiters);
    assert.equal(interchange.groups.length, 0);
    const [ta1] = interchange.ta1;
    assert.ok(ta1);
    assert.deepEqual(readInterchangeAcknowledgement(ta1), ack);
    assert.equal(writeInterchange(interchange, read.delimiters, read.layout), text);
  });

  it('reports a TA1 inside a functional group as out of order', () => {
    const misplaced = example.replace(/(ST\*270)/, 'TA1*000000001*261204*1030*A*000~$1');
    const read = readInterchange(misplaced);
    assert.ok(read.diagnostics.some((d) => d.code === 'envelope.order' && d.segmentId === 'TA1'));
  });
});
