import { isValidNpi } from '@portico/core';

/** The columns of CMS's Medicare Fee-For-Service Public Provider Enrollment file, in order (docs/domain.md). */
export const PPEF_COLUMNS = [
  'NPI',
  'MULTIPLE_NPI_FLAG',
  'PECOS_ASCT_CNTL_ID',
  'ENRLMT_ID',
  'PROVIDER_TYPE_CD',
  'PROVIDER_TYPE_DESC',
  'STATE_CD',
  'FIRST_NAME',
  'MDL_NAME',
  'LAST_NAME',
  'ORG_NAME',
] as const;

/** One valid enrollment row, in the column order of the `ppef_enrollments` table. */
export interface PpefRow {
  npi: string;
  multipleNpi: boolean;
  pacId: string;
  enrollmentId: string;
  providerTypeCode: string;
  providerTypeDescription: string;
  stateCode: string;
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  organizationName: string | null;
}

/** Why the header is not the PPEF header, or null when it is (names compared trimmed, case-insensitively). */
export function headerProblem(fields: readonly string[]): string | null {
  const found = fields.map((field) => field.trim().toUpperCase());
  const matches =
    found.length === PPEF_COLUMNS.length && PPEF_COLUMNS.every((column, i) => found[i] === column);
  return matches
    ? null
    : `The first line is not the enrollment file header. Expected ${PPEF_COLUMNS.join(',')}; found ${fields.slice(0, 12).join(',').slice(0, 300)}.`;
}

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

const optional = (value: string): string | null => {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/** Validates one data record of the file: the row, or the reason it is malformed. */
export function parsePpefRecord(
  fields: readonly string[],
): { ok: true; row: PpefRow } | { ok: false; reason: string } {
  if (fields.length !== PPEF_COLUMNS.length) {
    return { ok: false, reason: `has ${fields.length} fields instead of ${PPEF_COLUMNS.length}` };
  }
  const trimmed = fields.map((f) => f.trim());
  // A control character (a line break inside quotes, a NUL) belongs in no value, and PostgreSQL refuses NUL.
  if (trimmed.some((value) => CONTROL_CHARACTER.test(value)))
    return { ok: false, reason: 'has a control character in a field' };
  const [npi, flag, pacId, enrollmentId, typeCode, typeDescription, state, first, middle, last, org] =
    trimmed as [string, string, string, string, string, string, string, string, string, string, string];
  if (!isValidNpi(npi)) return { ok: false, reason: `NPI "${npi.slice(0, 20)}" is not a valid NPI` };
  if (flag !== 'Y' && flag !== 'N') return { ok: false, reason: 'MULTIPLE_NPI_FLAG is not Y or N' };
  if (!/^\d{10}$/.test(pacId)) return { ok: false, reason: 'PECOS_ASCT_CNTL_ID is not 10 digits' };
  if (!/^[A-Z]\d{14}$/.test(enrollmentId))
    return { ok: false, reason: 'ENRLMT_ID is not a letter and 14 digits' };
  if (typeCode === '' || typeCode.length > 10) return { ok: false, reason: 'PROVIDER_TYPE_CD is missing' };
  if (!/^[A-Z]{2}$/.test(state)) return { ok: false, reason: 'STATE_CD is not a two-letter code' };
  return {
    ok: true,
    row: {
      npi,
      multipleNpi: flag === 'Y',
      pacId,
      enrollmentId,
      providerTypeCode: typeCode,
      providerTypeDescription: typeDescription,
      stateCode: state,
      firstName: optional(first),
      middleName: optional(middle),
      lastName: optional(last),
      organizationName: optional(org),
    },
  };
}
