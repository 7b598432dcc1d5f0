import { providerInputSchema, ROSTER_COLUMNS, type RejectedRow } from '@portico/core';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';

type ProviderFields = z.output<typeof providerInputSchema>;

/** A roster checked row by row: the rows that may go in (with their lines) and the refused ones. */
export interface CheckedRoster {
  rowsRead: number;
  valid: { line: number; fields: ProviderFields }[];
  rejected: RejectedRow[];
}

interface InfoRecord {
  record: string[];
  info: { lines: number };
}

function asInfoRecord(value: unknown): InfoRecord {
  if (
    typeof value === 'object' &&
    value !== null &&
    'record' in value &&
    Array.isArray(value.record) &&
    value.record.every((cell: unknown) => typeof cell === 'string') &&
    'info' in value &&
    typeof value.info === 'object' &&
    value.info !== null &&
    'lines' in value.info &&
    typeof value.info.lines === 'number'
  ) {
    return { record: value.record, info: { lines: value.info.lines } };
  }
  throw new Error('unexpected record shape from csv-parse');
}

const fieldOfColumn: Record<(typeof ROSTER_COLUMNS)[number], keyof ProviderFields> = {
  NPI: 'npi',
  FIRST_NAME: 'firstName',
  LAST_NAME: 'lastName',
  ORGANIZATION_NAME: 'organizationName',
  TIN: 'tin',
  SPECIALTY: 'specialty',
};

/**
 * Reads a roster CSV (csv-parse) and checks every row with the same schema as a single add, plus duplicates
 * inside the file and against NPIs the office already lists. A wrong header refuses the whole file.
 */
export function checkRoster(
  csv: string,
  listedNpis: ReadonlySet<string>,
): CheckedRoster | { headerProblem: string } {
  let records: InfoRecord[];
  try {
    // csv-parse's types do not model `info: true`; each entry is checked as it is read.
    const parsed: unknown[] = parse(csv, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    });
    records = parsed.map(asInfoRecord);
  } catch (error) {
    return {
      headerProblem: `The roster cannot be read as CSV: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const [header, ...rows] = records;
  const columns = (header?.record ?? []).map((name) => name.trim().toUpperCase());
  const missing = ROSTER_COLUMNS.filter((column) => !columns.includes(column));
  if (!header || missing.length > 0) {
    return {
      headerProblem: `The roster's first line must name the columns ${ROSTER_COLUMNS.join(', ')}; missing: ${missing.join(', ')}.`,
    };
  }
  const index = Object.fromEntries(ROSTER_COLUMNS.map((column) => [column, columns.indexOf(column)]));
  const firstLineOfNpi = new Map<string, number>();
  const result: CheckedRoster = { rowsRead: rows.length, valid: [], rejected: [] };
  for (const { record, info } of rows) {
    const line = info.lines;
    const cell = (column: (typeof ROSTER_COLUMNS)[number]) => {
      const value = (record[index[column] ?? -1] ?? '').trim();
      return value === '' ? undefined : value;
    };
    const candidate = Object.fromEntries(
      ROSTER_COLUMNS.map((column) => [fieldOfColumn[column], cell(column)]),
    );
    const parsed = providerInputSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      result.rejected.push({
        line,
        field: typeof issue?.path[0] === 'string' ? issue.path[0] : null,
        message: parsed.error.issues.map((i) => i.message).join('; '),
      });
      continue;
    }
    const earlier = firstLineOfNpi.get(parsed.data.npi);
    if (earlier !== undefined) {
      result.rejected.push({
        line,
        field: 'npi',
        message: `NPI ${parsed.data.npi} is also on line ${earlier}.`,
      });
      continue;
    }
    firstLineOfNpi.set(parsed.data.npi, line);
    if (listedNpis.has(parsed.data.npi)) {
      result.rejected.push({
        line,
        field: 'npi',
        message: `NPI ${parsed.data.npi} is already on your provider list.`,
      });
      continue;
    }
    result.valid.push({ line, fields: parsed.data });
  }
  return result;
}
