/**
 * The enrollment file's row rules (`parsePpefRecord` in format.ts) written as SQL, for the fast path that lets
 * PostgreSQL parse the CSV. Same rules, same reasons; a test runs both on the same values.
 */

const digit = (column: string, position: number) => `(ascii(substr(${column}, ${position}, 1)) - 48)`;
const doubled = (column: string, position: number) =>
  `(2 * ${digit(column, position)} - case when ${digit(column, position)} >= 5 then 9 else 0 end)`;

/**
 * True when `column` holds a valid NPI: 10 digits starting with 1 or 2, whose Luhn check over the prefix 80840
 * and the first nine digits holds (the prefix contributes 24). Plain arithmetic: no function, no subquery.
 */
export function npiIsValidSql(column: string): string {
  const parts = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((position) =>
    position % 2 === 1 && position < 10 ? doubled(column, position) : digit(column, position),
  );
  return `(${column} ~ '^[12][0-9]{9}$' and (24 + ${parts.join(' + ')}) % 10 = 0)`;
}

/** Why a staged row is malformed (trimmed values), or NULL when it is valid; the reasons of `parsePpefRecord`. */
export const ppefRowProblemSql = `case
  when not ${npiIsValidSql('btrim(npi)')} then 'NPI "' || left(btrim(npi), 20) || '" is not a valid NPI'
  when btrim(pac_id) !~ '^[0-9]{10}$' then 'PECOS_ASCT_CNTL_ID is not 10 digits'
  when btrim(enrollment_id) !~ '^[A-Z][0-9]{14}$' then 'ENRLMT_ID is not a letter and 14 digits'
  when btrim(provider_type_code) = '' or length(btrim(provider_type_code)) > 10 then 'PROVIDER_TYPE_CD is missing'
  when btrim(state_code) !~ '^[A-Z]{2}$' then 'STATE_CD is not a two-letter code'
end`;
