import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { PorticoError, type PpefImportReport } from '@portico/core';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Clock } from '../clock.ts';
import { startWaitingAcrossOffices } from '../storefront/start-subscriptions.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Database, PpefEnrollmentsTable } from '../db/database.ts';
import { headerProblem, parsePpefRecord, PPEF_TABLE_COLUMNS, toCopyLine } from './format.ts';
import { ppefRowIsCleanSql } from './sql-checks.ts';

/** A malformed line of the file: its 1-based line number and what is wrong with it. */
type MalformedLine = PpefImportReport['malformed'][number];

export type { PpefImportReport };

export const MALFORMED_SAMPLE = 100;
/** The name under which imports exclude each other (`DatabaseHandle.exclusive`), across every process. */
export const PPEF_IMPORT_LOCK = 'ppef-import';
const STAGING = 'ppef_enrollments_staging';
const UNIQUE_VIOLATION = '23505';
/** COPY chunks are grouped to about this many characters, so the loader is not fed one tiny write per row. */
const CHUNK_CHARS = 256 * 1024;

/** The SHA-256 of a file, read as a stream. */
async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

interface ParseTally {
  rowsRead: number;
  rowsMalformed: number;
  malformed: MalformedLine[];
}

function noteMalformed(tally: ParseTally, line: number, reason: string): void {
  tally.rowsMalformed += 1;
  if (tally.malformed.length < MALFORMED_SAMPLE) tally.malformed.push({ line, reason });
}

/**
 * Streams the file's valid rows as COPY text chunks. The header must be the PPEF header (else BAD_REQUEST);
 * other bad lines are counted with their line numbers and left out. Never holds more than one chunk.
 */
async function* copyChunks(path: string, tally: ParseTally): AsyncGenerator<string> {
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        tally.rowsRead += 1;
        noteMalformed(
          tally,
          Number(error?.lines ?? 0),
          error ? `cannot be read as CSV (${error.code})` : 'cannot be read as CSV',
        );
        return undefined;
      },
    }),
  );
  let header = true;
  let chunk = '';
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    if (header) {
      const problem = headerProblem(record);
      if (problem) throw new PorticoError('BAD_REQUEST', problem, { fieldPath: 'file' });
      header = false;
      continue;
    }
    tally.rowsRead += 1;
    const parsed = parsePpefRecord(record);
    if (!parsed.ok) {
      noteMalformed(tally, info.lines, parsed.reason);
      continue;
    }
    chunk += toCopyLine(parsed.row);
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (header)
    throw new PorticoError('BAD_REQUEST', 'The file is empty: it has no header line.', { fieldPath: 'file' });
  if (chunk !== '') yield chunk;
}

/** The table columns the file's columns go to, in the file's order (`PPEF_COLUMNS`). */
const FILE_ORDER_COLUMNS = [
  'npi',
  'multiple_npi',
  'pac_id',
  'enrollment_id',
  'provider_type_code',
  'provider_type_description',
  'state_code',
  'first_name',
  'middle_name',
  'last_name',
  'organization_name',
] as const;

/** Checks the header line itself (read alone, so a wrong file is refused before anything is loaded). */
async function checkHeader(path: string): Promise<void> {
  const stream = createReadStream(path, { start: 0, end: 64 * 1024 - 1 });
  let head = '';
  for await (const chunk of stream) head += String(chunk);
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.trim() === '')
    throw new PorticoError('BAD_REQUEST', 'The file is empty: it has no header line.', { fieldPath: 'file' });
  const [fields = []] = parseSync(firstLine, { relax_quotes: true }) as string[][];
  const problem = headerProblem(fields);
  if (problem) throw new PorticoError('BAD_REQUEST', problem, { fieldPath: 'file' });
}

const isPostgresError = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  typeof error.code === 'string' &&
  /^2[23]/.test(error.code);

const DOUBTFUL = 'ppef_enrollments_doubtful';
/** Doubtful rows are read back this many at a time. */
const DOUBTFUL_PAGE = 5000;

/** A staged row, with its record number in the file. */
type StagedRow = Selectable<PpefEnrollmentsTable> & { record_no: string };

/** A staged row as the file's fields, for `parsePpefRecord`. */
function fieldsOf(row: StagedRow): string[] {
  return [
    row.npi,
    row.multiple_npi ? 'Y' : 'N',
    row.pac_id,
    row.enrollment_id,
    row.provider_type_code,
    row.provider_type_description,
    row.state_code,
    row.first_name ?? '',
    row.middle_name ?? '',
    row.last_name ?? '',
    row.organization_name ?? '',
  ];
}

/**
 * The fast path, on PostgreSQL: PostgreSQL's own CSV parser copies the file straight into the typed staging table
 * (`COPY … FREEZE`, as `psql \copy` would, without the later hint-bit writes). One parallel scan then copies every
 * row that is not certainly clean (`ppefRowIsCleanSql`) aside, and they leave the staging table; those few are judged by `parsePpefRecord` itself, so the
 * reasons and line numbers are the ones the csv-parse path gives, and the valid ones (trimmed) go back. A file
 * PostgreSQL cannot take as it is (a short or long line, an empty required field, a flag that is not a boolean,
 * bad UTF-8) makes it answer false: the caller then reads the file with csv-parse, which reports those lines one
 * by one. Line numbers count records: a quoted field spanning lines is not expected in this file.
 */
async function loadWithPostgresParser(
  database: DatabaseHandle,
  path: string,
  tally: ParseTally,
): Promise<boolean> {
  if (!database.copyCsvFile) return false;
  const { db } = database;
  await checkHeader(path);
  await sql`alter table ${sql.table(STAGING)} add column record_no bigint generated always as identity`.execute(
    db,
  );
  try {
    let copied: number;
    try {
      copied = await database.copyCsvFile(STAGING, FILE_ORDER_COLUMNS, path);
    } catch (error) {
      if (isPostgresError(error)) return false;
      throw error;
    }
    // CREATE TABLE AS may scan in parallel (a DELETE may not); the doubtful rows are few, or the file is refused.
    await sql`drop table if exists ${sql.table(DOUBTFUL)}`.execute(db);
    await sql`
      create table ${sql.table(DOUBTFUL)} as
      select * from ${sql.table(STAGING)} where not ${sql.raw(ppefRowIsCleanSql)}`.execute(db);
    const doubtful = await sql<{
      any: boolean;
    }>`select exists (select 1 from ${sql.table(DOUBTFUL)}) as any`.execute(db);
    if (doubtful.rows[0]?.any) {
      await sql`
        delete from ${sql.table(STAGING)} s using ${sql.table(DOUBTFUL)} d where s.record_no = d.record_no`.execute(
        db,
      );
    }
    tally.rowsRead = copied;
    for (let after = '0'; ;) {
      const page = await sql<StagedRow>`
        select * from ${sql.table(DOUBTFUL)} where record_no > ${after}::bigint
        order by record_no limit ${DOUBTFUL_PAGE}`.execute(db);
      const last = page.rows[page.rows.length - 1];
      if (!last) break;
      const valid: string[] = [];
      for (const row of page.rows) {
        const parsed = parsePpefRecord(fieldsOf(row));
        if (parsed.ok) valid.push(toCopyLine(parsed.row));
        else noteMalformed(tally, Number(row.record_no) + 1, parsed.reason);
      }
      if (valid.length > 0) await database.copyIn(STAGING, PPEF_TABLE_COLUMNS, [valid.join('')]);
      after = last.record_no;
    }
    return true;
  } finally {
    await sql`drop table if exists ${sql.table(DOUBTFUL)}`.execute(db);
    await sql`alter table ${sql.table(STAGING)} drop column record_no`.execute(db);
  }
}

/** Memory for building the primary key: the sort of 3 million keys fits, instead of spilling to disk. */
const KEY_BUILD_MEMORY = '256MB';

/** Adds the primary key to the staging table, removing exact (npi, enrollment) repeats first if there are any. */
async function keyStaging(db: Kysely<Database>, kind: DatabaseHandle['kind']): Promise<number> {
  try {
    await db.transaction().execute(async (trx) => {
      // PGlite runs in a WebAssembly heap of its own; only a PostgreSQL server gets the bigger sort memory.
      if (kind === 'postgres')
        await sql`set local maintenance_work_mem = ${sql.lit(KEY_BUILD_MEMORY)}`.execute(trx);
      await sql`alter table ${sql.table(STAGING)} add constraint ppef_enrollments_staging_pkey primary key (npi, enrollment_id)`.execute(
        trx,
      );
    });
    return 0;
  } catch (error) {
    // Only repeated (npi, enrollment) pairs are expected here; anything else is a real failure.
    if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === UNIQUE_VIOLATION))
      throw error;
    const removed = await sql`
      delete from ${sql.table(STAGING)} a using ${sql.table(STAGING)} b
      where a.npi = b.npi and a.enrollment_id = b.enrollment_id and a.ctid > b.ctid`.execute(db);
    await sql`alter table ${sql.table(STAGING)} add constraint ppef_enrollments_staging_pkey primary key (npi, enrollment_id)`.execute(
      db,
    );
    return Number(removed.numAffectedRows ?? 0n);
  }
}

/**
 * Flags, in the swap's transaction, every office with a live Medicare or Advantage plan and no provider in the
 * new file, and clears the flag of offices that have one again. A system job: it spans all offices on purpose.
 */
async function flagMedicareGaps(trx: Kysely<Database>, fileId: string, now: Date): Promise<number> {
  await trx.deleteFrom('medicare_provider_gaps').execute();
  const result = await sql`
    insert into medicare_provider_gaps (organization_id, detected_at, ppef_file_id)
    select distinct s.organization_id, ${now}::timestamptz, ${fileId}::uuid
    from subscriptions s join plans p on p.code = s.plan_code
    where p.requires_medicare_provider and (s.ends_on is null or s.ends_on >= current_date)
      and not exists (
        select 1 from providers pr join ppef_enrollments e on e.npi = pr.npi
        where pr.organization_id = s.organization_id)`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * Imports a PPEF CSV: streamed, never whole in memory; loaded into a staging table and swapped in with one
 * transaction, so readers see the old file or the new one, never a mix. A failure or a killed process
 * leaves the current data as it was (the next import drops the stale staging table). The same file twice
 * changes nothing. More than `maxMalformedRatio` of bad rows rejects the file.
 */
export async function importPpefFile(
  database: DatabaseHandle,
  path: string,
  options: {
    clock: Clock;
    fileName?: string;
    maxMalformedRatio?: number;
    /** Told when each phase starts, for progress output. */
    onPhase?: (phase: 'checksum' | 'load' | 'key' | 'swap') => void;
  },
): Promise<PpefImportReport> {
  const { db } = database;
  const startedAt = options.clock.now();
  const fileName = options.fileName ?? basename(path);
  options.onPhase?.('checksum');
  const phaseStart = performance.now();
  const sha256 = await sha256Of(path);
  const phaseMs = { checksum: performance.now() - phaseStart, load: 0, key: 0, swap: 0 };
  const current = await db
    .selectFrom('ppef_files')
    .select(['id', 'sha256'])
    .where('status', '=', 'CURRENT')
    .executeTakeFirst();
  const tally: ParseTally = { rowsRead: 0, rowsMalformed: 0, malformed: [] };
  if (current?.sha256 === sha256) {
    return {
      fileId: current.id,
      fileName,
      sha256,
      outcome: 'unchanged',
      rowsRead: 0,
      rowsLoaded: 0,
      rowsMalformed: 0,
      rowsDuplicate: 0,
      malformed: [],
      officesFlagged: 0,
      subscriptionsStarted: 0,
      parser: 'csv-parse',
      phaseMs,
    };
  }

  await sql`drop table if exists ${sql.table(STAGING)}`.execute(db);
  await sql`create table ${sql.table(STAGING)} (like ppef_enrollments including defaults)`.execute(db);
  try {
    options.onPhase?.('load');
    const loadStart = performance.now();
    const fast = await loadWithPostgresParser(database, path, tally);
    if (!fast) {
      await sql`truncate ${sql.table(STAGING)}`.execute(db);
      await database.copyIn(STAGING, PPEF_TABLE_COLUMNS, copyChunks(path, tally));
    }
    phaseMs.load = performance.now() - loadStart;
    const maxRatio = options.maxMalformedRatio ?? 0.01;
    if (tally.rowsRead === 0 || tally.rowsMalformed > tally.rowsRead * maxRatio) {
      const problem =
        tally.rowsRead === 0
          ? 'The file has a header but no rows.'
          : `${tally.rowsMalformed} of ${tally.rowsRead} rows are malformed, over the limit of ${(maxRatio * 100).toFixed(2)}%.`;
      await db
        .insertInto('ppef_files')
        .values({
          file_name: fileName,
          sha256,
          status: 'REJECTED',
          rows_read: tally.rowsRead,
          rows_loaded: 0,
          rows_malformed: tally.rowsMalformed,
          rows_duplicate: 0,
          started_at: startedAt,
          finished_at: options.clock.now(),
          problem,
        })
        .execute();
      throw new PorticoError('BAD_REQUEST', problem, { fieldPath: 'file' });
    }
    options.onPhase?.('key');
    const keyStart = performance.now();
    const rowsDuplicate = await keyStaging(db, database.kind);
    phaseMs.key = performance.now() - keyStart;
    options.onPhase?.('swap');
    const swapStart = performance.now();
    const rowsLoaded = tally.rowsRead - tally.rowsMalformed - rowsDuplicate;
    const { fileId, officesFlagged, subscriptionsStarted } = await db.transaction().execute(async (trx) => {
      await sql`lock table ppef_enrollments in access exclusive mode`.execute(trx);
      await sql`drop table ppef_enrollments`.execute(trx);
      await sql`alter table ${sql.table(STAGING)} rename to ppef_enrollments`.execute(trx);
      await sql`alter index ppef_enrollments_staging_pkey rename to ppef_enrollments_pkey`.execute(trx);
      await trx
        .updateTable('ppef_files')
        .set({ status: 'REPLACED' })
        .where('status', '=', 'CURRENT')
        .execute();
      const file = await trx
        .insertInto('ppef_files')
        .values({
          file_name: fileName,
          sha256,
          status: 'CURRENT',
          rows_read: tally.rowsRead,
          rows_loaded: rowsLoaded,
          rows_malformed: tally.rowsMalformed,
          rows_duplicate: rowsDuplicate,
          started_at: startedAt,
          finished_at: options.clock.now(),
          problem: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const officesFlagged = await flagMedicareGaps(trx, file.id, options.clock.now());
      const subscriptionsStarted = await startWaitingAcrossOffices(
        trx,
        options.clock.now(),
        `ppef-import:${file.id}`,
      );
      return { fileId: file.id, officesFlagged, subscriptionsStarted };
    });
    phaseMs.swap = performance.now() - swapStart;
    return {
      fileId,
      fileName,
      sha256,
      outcome: 'loaded',
      rowsRead: tally.rowsRead,
      rowsLoaded,
      rowsMalformed: tally.rowsMalformed,
      rowsDuplicate,
      malformed: tally.malformed,
      officesFlagged,
      subscriptionsStarted,
      parser: fast ? 'postgres' : 'csv-parse',
      phaseMs,
    };
  } finally {
    await sql`drop table if exists ${sql.table(STAGING)}`.execute(db);
  }
}
