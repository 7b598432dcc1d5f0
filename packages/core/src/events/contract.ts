import { z } from 'zod';
import { subscription } from '../contract/define.ts';
import { porticoEventSchema } from './schemas.ts';

/** Live updates: one stream of change events for the caller's organization. */
export const eventsContract = {
  stream: subscription({
    summary:
      "Changes in the caller's organization, as they commit, from any server instance. `stream.missed` says events may have been missed (reload what is shown); `stream.expired` ends the stream when its token expires (the SDK reopens it with a fresh token from getToken).",
    permission: 'signed-in',
    input: z.void(),
    output: porticoEventSchema,
  }),
};
