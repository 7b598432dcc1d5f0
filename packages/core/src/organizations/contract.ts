import { z } from 'zod';
import { query } from '../contract/define.ts';
import { sessionSchema } from './schemas.ts';

/** Procedures of the organizations domain: the caller's session. The office's users are the users domain's. */
export const organizationsContract = {
  me: query({
    summary:
      'The signed-in user, their organization, roles, permissions, sites and where their access stands.',
    permission: 'signed-in',
    input: z.void(),
    output: sessionSchema,
  }),
};
