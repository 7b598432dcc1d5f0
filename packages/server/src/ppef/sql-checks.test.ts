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
      const unchanged =
        parsed.ok &&
        JSON.stringify(fields) ===
          JSON.stringify([
            parsed.row.npi,
            parsed.row.multipleNpi ? 'Y' : 'N',
            parsed.row.pacId,
            parsed.row.enrollmentId,
            parsed.row.providerTypeCode,
            parsed.row.providerTypeDescription,
            parsed.row.stateCode,
            parsed.row.firstName ?? '',
            parsed.row.middleName ?? '',
            parsed.row.lastName ?? '',
            parsed.row.organizationName ?? '',
          ]);
      const nullIfEmpty = (text: string) => (text === '' ? null : text);
      const [npi, , pacId, enrollmentId, code, description, state, first, middle, last, org] = fields as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const result = await sql<{ clean: boolean }>`
        select ${sql.raw(ppefRowIsCleanSql)} as clean from (select
          ${npi}::text as npi, ${pacId}::text as pac_id, ${enrollmentId}::text as enrollment_id,
          ${code}::text as provider_type_code, ${description}::text as provider_type_description,
          ${state}::text as state_code, ${nullIfEmpty(first)}::text as first_name,
          ${nullIfEmpty(middle)}::text as middle_name, ${nullIfEmpty(last)}::text as last_name,
          ${nullIfEmpty(org)}::text as organization_name) r`.execute(database.db);
      assert.equal(result.rows[0]?.clean, unchanged, `field ${field} = ${JSON.stringify(value)}`);
    }
  });
});
