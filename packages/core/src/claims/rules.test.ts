import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readClaimStatusResponse } from '../x12/claim-status-response.ts';
import { CodeLists } from '../x12/code-lists.ts';
import { readInterchange } from '../x12/interchange.ts';
import { claimPhaseOf, claimStatusProblemOf, summarizeClaimStatus } from './rules.ts';
import { claimStatusInputSchema } from './schemas.ts';

const lists = new CodeLists();
const example = readFileSync(new URL('../../test-data/x12/277-example.x12', import.meta.url), 'utf8');

function response(text: string) {
  const read = readInterchange(text);
  const transaction = read.interchanges[0]?.groups[0]?.transactions[0];
  assert.ok(transaction && read.delimiters);
  const parsed = readClaimStatusResponse(transaction, read.delimiters, (list, code) => lists.has(list, code));
  assert.ok(parsed.response);
  return parsed.response;
}

describe('claim status rules', () => {
  it('places every status category in a phase, and none for the E categories', () => {
    const table: [string, string | null][] = [
      ['A1', 'RECEIVED'],
      ['A2', 'RECEIVED'],
      ['A3', 'RETURNED'],
      ['A7', 'RETURNED'],
      ['A4', 'NOT_FOUND'],
      ['D0', 'NOT_FOUND'],
      ['P1', 'PENDING'],
      ['P5', 'PENDING'],
      ['R3', 'INFORMATION_REQUESTED'],
      ['R16', 'INFORMATION_REQUESTED'],
      ['F1', 'PAID'],
      ['F3F', 'PAID'],
      ['F2', 'DENIED'],
      ['F4', 'FINALIZED'],
      ['E0', null],
      ['E1', null],
      ['ZZ', null],
    ];
    for (const [category, phase] of table) assert.equal(claimPhaseOf(category), phase, category);
  });

  it('reads the 277 example as a paid claim in cents, with the check and each line beside its labels', () => {
    const summary = summarizeClaimStatus(response(example), lists);
    const claim = summary.claims[0];
    assert.equal(claim?.phase, 'PAID');
    assert.equal(claim?.finalized, true);
    assert.equal(claim?.chargedCents, 851_388);
    assert.equal(claim?.paidCents, 791_503);
    assert.deepEqual(claim?.payment, {
      method: { code: 'CHK', label: 'Check' },
      date: '2026-10-28',
      trace: '0012345678',
    });
    assert.deepEqual([claim?.serviceFrom, claim?.serviceTo], ['2026-10-01', '2026-10-15']);
    assert.deepEqual(claim?.statuses[0]?.status, { code: '65', label: 'Claim/line has been paid.' });
    assert.deepEqual(
      claim?.lines.map((line) => [
        line.procedureCode,
        line.chargedCents,
        line.paidCents,
        line.statuses[0]?.category.code,
      ]),
      [
        ['99213', 15_000, 10_000, 'F1'],
        ['85025', 3_550, 0, 'F2'],
      ],
    );
    assert.equal(claimStatusProblemOf(response(example), lists), null);
  });

  it('turns an E category into a rejection at its field, or unavailability', () => {
    const rejected = response(example.replace('STC*F1:65*20261028**', 'STC*E0:158:IL*20261028**'));
    assert.deepEqual(claimStatusProblemOf(rejected, lists), {
      kind: 'REJECTED',
      message:
        "The payer answered: Response not possible - error on submitted request data (E0). Entity's date of birth. (158)",
      fieldPath: 'dateOfBirth',
    });
    const down = response(example.replace('STC*F1:65*20261028**', 'STC*E1:0*20261028**'));
    assert.equal(claimStatusProblemOf(down, lists)?.kind, 'UNAVAILABLE');
    assert.equal(claimStatusProblemOf(down, lists)?.fieldPath, null);
  });

  it('refuses dates of service that end before they begin, at serviceTo', () => {
    const result = claimStatusInputSchema.safeParse({
      memberId: 'PSB10001',
      firstName: 'Ana',
      lastName: 'Lopez',
      dateOfBirth: '1984-03-09',
      providerNpi: '1234567893',
      serviceFrom: '2026-11-10',
      serviceTo: '2026-11-01',
    });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, ['serviceTo']);
  });
});
