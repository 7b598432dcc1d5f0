import { MAX_ROSTER_CHARS, PorticoError, type PorticoClient, type RejectedRow } from '@portico/core';
import { html, nothing } from 'lit';

/** The sentence after a roster upload: `Added 2 of 3 providers. 1 row was not added:`. */
export function rosterSummary(added: number, rowsRead: number, refused: number): string {
  const head = `Added ${added} of ${rowsRead} provider${rowsRead === 1 ? '' : 's'}.`;
  if (refused === 0) return head;
  return `${head} ${refused} ${refused === 1 ? 'row was' : 'rows were'} not added:`;
}

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

/** The roster upload form, and under it where the last upload stands. */
export function rosterUpload(
  outcome: RosterOutcome | null,
  uploading: boolean,
  submit: (event: SubmitEvent) => void,
) {
  return html`<form class="roster" part="roster" @submit=${submit}>
      <label>
        Roster file (CSV: NPI, FIRST_NAME, LAST_NAME, ORGANIZATION_NAME, TIN, SPECIALTY)
        <input type="file" name="roster" accept=".csv,text/csv" />
      </label>
      <label class="inline"
        ><input type="checkbox" name="valid-rows" /> Add the valid rows even if some rows have problems</label
      >
      <button type="submit" class="secondary" ?disabled=${uploading}>Upload roster</button>
    </form>
    ${rosterOutcomeReport(outcome, uploading)}`;
}

/** Where an upload stands: its progress while it runs, then what was added and a table of the rows refused. */
function rosterOutcomeReport(outcome: RosterOutcome | null, uploading: boolean) {
  return html`<div role="status" class="roster-status">
      ${uploading ? html`<label>Uploading roster… <progress part="progress"></progress></label>` : nothing}
      ${
        outcome?.kind === 'added'
          ? html`<p>${rosterSummary(outcome.added, outcome.rowsRead, outcome.rejected.length)}</p>`
          : nothing
      }
      ${outcome?.kind === 'refused' ? html`<p class="field-error">${outcome.message}</p>` : nothing}
    </div>
    ${
      outcome && outcome.rejected.length > 0
        ? html`<table part="roster-report">
            <caption>
              Rows not added
            </caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Field</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              ${outcome.rejected.map(
                (row) =>
                  html`<tr>
                    <td>${row.line}</td>
                    <td>${row.field ?? ''}</td>
                    <td>${row.message}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : nothing
    }`;
}
