import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isValidNpi, npiCheckDigit } from '@portico/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/connect.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { parsePpefRecord } from './format.ts';
import { npiIsValidSql, ppefRowIsCleanSql } from './sql-checks.ts';

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
      select npi, ${sql.raw(npiIsValidSql('npi'))} as ok from unnest(${values}::text[]) as v(npi)`.execute(
      database.db,
    );
    assert.equal(rows.rows.length, values.length);
    for (const row of rows.rows) assert.equal(row.ok, isValidNpi(row.npi), `NPI "${row.npi}"`);
  });

  it('passes as clean exactly the rows parsePpefRecord takes unchanged', async () => {
    const good = [
      '1234567893',
      'N',
      '1234567890',
      'I20170405000123',
      '14-08',
      'PRACTITIONER - FAMILY PRACTICE',
      'NY',
      'JORDAN',
      '',
      'REYES',
      '',
    ];
    const changes: [number, string][] = [
      [0, '1234567890'],
      [0, ' 1234567893'],
      [2, '12345'],
      [3, 'X123'],
      [4, ''],
      [4, '12345678901'],
      [4, ' 14-08'],
      [5, 'TRAILING '],
      [5, ''],
      [6, 'New York'],
      [7, ' JORDAN'],
      [9, 'REYES\t'],
      [9, '\u00a0REYES'],
      [9, 'RÉYES'],
      [6, 'Ny'],
      [3, 'i20170405000123'],
      [2, '１２３４５６７８９０'],
      [10, 'A & B, P.C.'],
    ];
    for (const [field, value] of [[-1, ''] as [number, string], ...changes]) {
      const fields = [...good];
      if (field >= 0) fields[field] = value;
      const parsed = parsePpefRecord(fields);
      // parsePpefRecord changes a value only by trimming it (an empty name becomes NULL, as it is staged here).
      const unchanged = parsed.ok && fields.every((value) => value === value.trim());
      const at = (index: number) => fields[index] ?? '';
      const orNull = (index: number) => (at(index) === '' ? null : at(index));
      const result = await sql<{ clean: boolean }>`
        select ${sql.raw(ppefRowIsCleanSql)} as clean from (select
          ${at(0)}::text as npi, ${at(2)}::text as pac_id, ${at(3)}::text as enrollment_id,
          ${at(4)}::text as provider_type_code, ${at(5)}::text as provider_type_description,
          ${at(6)}::text as state_code, ${orNull(7)}::text as first_name, ${orNull(8)}::text as middle_name,
          ${orNull(9)}::text as last_name, ${orNull(10)}::text as organization_name) r`.execute(database.db);
      assert.equal(result.rows[0]?.clean, unchanged, `field ${field} = ${JSON.stringify(value)}`);
    }
  });
});
