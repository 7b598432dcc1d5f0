import { z } from 'zod';
import { subscription } from '../contract/define.ts';
import { porticoEventSchema } from './schemas.ts';

/** Live updates: one stream of change events for the caller's organization. */
export const eventsContract = {
  stream: subscription({
    summary: "Changes in the caller's organization, as they commit, from any server instance.",
    permission: 'signed-in',
    input: z.void(),
    output: porticoEventSchema,
  }),
};
