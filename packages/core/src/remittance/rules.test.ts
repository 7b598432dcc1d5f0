import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { CodeLists } from '../x12/code-lists.ts';
import { readInterchange } from '../x12/interchange.ts';
import { readRemittanceAdvice } from '../x12/remittance-advice.ts';
import { decodeRemittanceCursor, encodeRemittanceCursor } from './cursor.ts';
import { accountLast4, eftDecisionConflict, isPaperless, routingNumberProblem } from './rules.ts';
import { eftEnrollmentInputSchema } from './schemas.ts';
import { remittanceBodyOf, remittanceHeaderOf } from './view.ts';

describe('remittance rules', () => {
  it('checks a routing number by its ABA check digit and Federal Reserve prefix', () => {
    for (const valid of ['011000015', '021000021', '121000358', '322271627'])
      assert.equal(routingNumberProblem(valid), null, valid);
    assert.match(routingNumberProblem('011000016') ?? '', /check digit/);
    assert.match(routingNumberProblem('501000015') ?? '', /first two digits/);
    assert.match(routingNumberProblem('01100001') ?? '', /9 digits/);
    assert.match(routingNumberProblem('01100001x') ?? '', /9 digits/);
  });

  it('shows an account only by its last four digits; the enrollment form checks every field', () => {
    assert.equal(accountLast4('000123456789'), '6789');
    const parsed = eftEnrollmentInputSchema.safeParse({
      payeeNpi: '1234567890',
      siteId: 'not-a-uuid',
      accountHolder: ' ',
      routingNumber: '011000016',
      accountNumber: '12',
      accountType: 'BROKERAGE',
    });
    assert.equal(parsed.success, false);
    const paths = new Set(parsed.error?.issues.map((issue) => issue.path.join('.')));
    for (const field of [
      'payeeNpi',
      'siteId',
      'accountHolder',
      'routingNumber',
      'accountNumber',
      'accountType',
    ])
      assert.ok(paths.has(field), field);
  });

  it('makes an office paperless once it has enrolled and every enrollment is active', () => {
    assert.equal(isPaperless([]), false);
    assert.equal(isPaperless(['ACTIVE']), true);
    assert.equal(isPaperless(['ACTIVE', 'PENDING']), false);
    assert.equal(isPaperless(['ACTIVE', 'REJECTED']), false);
  });

  it('lets the payer decide only a pending enrollment', () => {
    assert.equal(eftDecisionConflict('PENDING'), null);
    assert.match(eftDecisionConflict('ACTIVE') ?? '', /already active/);
    assert.match(eftDecisionConflict('REJECTED') ?? '', /rejected/);
  });

  it('reads back only cursors it wrote', () => {
    const key = { paymentDate: '2026-11-20', id: '0b9f3c1e-7d2a-4c55-9a61-2f4e8b7c6d5a' };
    assert.deepEqual(decodeRemittanceCursor(encodeRemittanceCursor(key)), key);
    for (const forged of [
      '',
      'x',
      Buffer.from('["2026-02-30","0b9f3c1e-7d2a-4c55-9a61-2f4e8b7c6d5a"]').toString('base64url'),
      Buffer.from('["0000-01-01","0b9f3c1e-7d2a-4c55-9a61-2f4e8b7c6d5a"]').toString('base64url'),
      Buffer.from('["2026-11-20","\\u0000"]').toString('base64url'),
      Buffer.from('["2026-11-20"]').toString('base64url'),
    ])
      assert.equal(decodeRemittanceCursor(forged), null, forged);
  });

  it('reads the guide’s example 835 into cents and labels, the payment equal to the claims less the PLB', () => {
    const text = readFileSync(new URL('../../test-data/x12/835-example.x12', import.meta.url), 'utf8');
    const read = readInterchange(text);
    const transaction = read.interchanges[0]?.groups[0]?.transactions[0];
    assert.ok(transaction && read.delimiters);
    const lists = new CodeLists();
    const { advice } = readRemittanceAdvice(transaction, read.delimiters, (l, c) => lists.has(l, c));
    assert.ok(advice);
    const header = remittanceHeaderOf(advice);
    const body = remittanceBodyOf(advice, lists);
    const paid = body.claims.reduce((sum, claim) => sum + claim.paidCents, 0);
    const adjusted = body.providerAdjustments.reduce((sum, item) => sum + item.amountCents, 0);
    assert.equal(header.paymentCents, paid - adjusted);
    for (const claim of body.claims)
      for (const adjustment of [...claim.adjustments, ...claim.lines.flatMap((line) => line.adjustments)]) {
        assert.notEqual(adjustment.group.label, `Code ${adjustment.group.code}`);
        assert.ok(Number.isInteger(adjustment.amountCents));
      }
    assert.equal(body.codeListVersions['adjustment-reasons'] !== undefined, true);
  });
});
