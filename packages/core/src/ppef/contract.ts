import { z } from 'zod';
import { upload } from '../contract/define.ts';
import { FILE_PATHS } from '../contract/file-paths.ts';
import { ppefImportReportSchema } from './schemas.ts';
import { text } from '../inputs/rules.ts';

/** The Medicare enrollment file (PPEF): payer staff send CMS's file; the server checks and loads it. */
export const ppefFiles = {
  importPpef: upload({
    path: FILE_PATHS.importPpef,
    permission: 'staff.import',
    summary:
      'Staff: imports a Medicare enrollment (PPEF) CSV sent as the request body, streamed to disk, then loaded like `npm run import:ppef`. `?name=` names the file.',
    input: z.object({ name: text({ max: 255 }).optional() }),
    output: ppefImportReportSchema,
    audit: { action: 'ppef.import.start', entity: 'ppef_file' },
  }),
};
