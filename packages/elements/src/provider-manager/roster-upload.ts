import { MAX_ROSTER_CHARS, PorticoError, type PorticoClient, type RejectedRow } from '@portico/core';

/** What a roster upload ended with, for the report under the toolbar. */
export type RosterOutcome =
  | { kind: 'added'; added: number; rowsRead: number; rejected: RejectedRow[] }
  | { kind: 'refused'; message: string; rejected: RejectedRow[] };

/** The refused rows an all-or-nothing error carries as issues at `rows[line].field`. */
function rowsOfIssues(error: PorticoError): RejectedRow[] {
  return error.issues.flatMap((issue) => {
    const [root, line, field] = issue.path;
    return root === 'rows' && typeof line === 'number'
      ? [{ line, field: typeof field === 'string' ? field : null, message: issue.message }]
      : [];
  });
}

/** Reads the chosen file and uploads it; every failure becomes an outcome to show, never a thrown error. */
export async function uploadRoster(
  client: PorticoClient,
  file: File,
  addValidRows: boolean,
): Promise<RosterOutcome> {
  if (file.size > MAX_ROSTER_CHARS) {
    return { kind: 'refused', message: 'The file is larger than 5 MB; split it into parts.', rejected: [] };
  }
  try {
    const report = await client.providers.importRoster.mutate({
      csv: await file.text(),
      mode: addValidRows ? 'valid-rows' : 'all-or-nothing',
    });
    return { kind: 'added', ...report };
  } catch (error) {
    const problem =
      error instanceof PorticoError
        ? error
        : new PorticoError('INTERNAL', 'The roster could not be uploaded.');
    return { kind: 'refused', message: problem.message, rejected: rowsOfIssues(problem) };
  }
}
