import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PorticoError, ppefFiles } from '@portico/core';
import { serveUpload } from '../trpc/file-kernel.ts';
import { importPpefFile, PPEF_IMPORT_LOCK } from './import.ts';

/**
 * Staff send an enrollment file as the request body: streamed to disk (never whole in memory) and hashed on the
 * way, so the same file again is answered `unchanged` without loading it; then imported under the cluster-wide
 * import lock. A second upload while one runs is refused with CONFLICT.
 */
export const ppefUpload = serveUpload(ppefFiles.importPpef, async (input, body, context) => {
  const fileName = basename(input.name ?? 'upload.csv').slice(0, 200) || 'upload.csv';
  const outcome = await context.database.exclusive(PPEF_IMPORT_LOCK, async () => {
    const path = join(tmpdir(), `portico-ppef-${randomUUID()}.csv`);
    try {
      const hash = createHash('sha256');
      await pipeline(
        body,
        async function* (upload: AsyncIterable<Buffer>) {
          for await (const chunk of upload) {
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(path),
      );
      return await importPpefFile(context.database, path, {
        clock: context.clock,
        fileName,
        sha256: hash.digest('hex'),
      });
    } finally {
      await rm(path, { force: true });
    }
  });
  if (!outcome.ran) {
    body.resume();
    throw new PorticoError(
      'CONFLICT',
      'Another enrollment file is being imported. Try again when it has finished.',
    );
  }
  await context.record({
    action: 'ppef.import',
    entity: 'ppef_file',
    entityId: outcome.result.fileId ?? 'unchanged',
  });
  return outcome.result;
});
