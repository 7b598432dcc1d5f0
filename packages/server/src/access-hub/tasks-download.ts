import {
  BLOCKED_WORK_LABELS,
  centsToDecimal,
  TASK_CSV_COLUMNS,
  accessHubFiles,
  type TaskRow,
} from '@portico/core';
import { serveDownload } from '../trpc/file-kernel.ts';
import { taskPages } from './tasks.ts';

/** One task as the CSV writes it: dollars as exact decimals from integer cents. */
function taskCsvRow(task: TaskRow): string[] {
  return [
    String(task.number),
    BLOCKED_WORK_LABELS[task.kind],
    task.portal.name,
    task.portal.url,
    task.medicalGroup?.name ?? '',
    task.description,
    String(task.impact.count),
    centsToDecimal(task.impact.cents),
    task.createdAt,
  ];
}

/** The practice's open tasks as CSV, with the Tasks tab's filters and order, read in keyset pages. */
export const accessTasksDownload = serveDownload(accessHubFiles.accessTasks, (query, { read }) => ({
  fileName: 'access-hub-tasks.csv',
  header: TASK_CSV_COLUMNS,
  pages: (async function* () {
    for await (const page of taskPages(read, query)) yield page.map(taskCsvRow);
  })(),
}));
