import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isValidNpi, npiCheckDigit } from '@portico/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connect.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { parsePpefRecord } from './format.ts';
import { npiIsValidSql, ppefRowProblemSql } from './sql-checks.ts';

describe("the enrollment file's row rules in SQL agree with the TypeScript rules", () => {
  let database: DatabaseHandle;
  before(async () => {
    database = await openTestDatabase();
  });
  after(async () => {
    await database.close();
  });

  it('judges NPIs exactly as core does', async () => {
    const valid = Array.from({ length: 300 }, (_, i) => {
      const firstNine = String(100000000 + i * 3_333_331).slice(0, 9);
      return firstNine + npiCheckDigit(firstNine);
    });
    const random = fc.sample(fc.stringMatching(/^[0-9]{10}$/), 700);
    const odd = [
      '',
      'abcdefghij',
      '123456789',
      '12345678931',
      '1234567893',
      '1234567890',
      '3234567893',
      ' 1234567893',
    ];
    const values = [...valid, ...random, ...odd];
    const rows = await sql<{ npi: string; ok: boolean }>`
      select npi, ${sql.raw(npiIsValidSql('npi'))} as ok
      from unnest(${values}::text[]) as v(npi)`.execute(database.db);
    assert.equal(rows.rows.length, values.length);
    for (const row of rows.rows) assert.equal(row.ok, isValidNpi(row.npi), `NPI "${row.npi}"`);
  });

  it('gives the same reason as parsePpefRecord for each broken field', async () => {
    const good = [
      '1234567893',
      'N',
      '1234567890',
      'I20170405000123',
      '14-08',
      'PRACTITIONER - FAMILY PRACTICE',
      'NY',
    ];
    const cases: [number, string][] = [
      [0, '1234567890'],
      [2, '12345'],
      [3, 'X123'],
      [4, ''],
      [6, 'New York'],
    ];
    for (const [field, value] of [[-1, ''] as [number, string], ...cases]) {
      const fields = [...good];
      if (field >= 0) fields[field] = value;
      const [npi, , pacId, enrollmentId, typeCode, typeDescription, state] = fields as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const expected = parsePpefRecord([...fields, '', '', 'REYES', '']);
      const result = await sql<{ reason: string | null }>`
        select ${sql.raw(ppefRowProblemSql)} as reason from (select
          ${npi}::text as npi, ${pacId}::text as pac_id, ${enrollmentId}::text as enrollment_id,
          ${typeCode}::text as provider_type_code, ${typeDescription}::text as provider_type_description,
          ${state}::text as state_code) r`.execute(database.db);
      assert.equal(result.rows[0]?.reason ?? null, expected.ok ? null : expected.reason, `field ${field}`);
    }
  });
});
