import { z } from 'zod';
import { accessReasonSchema, accessStatusSchema } from '../users/schemas.ts';
import { organizationKindSchema, permissionSchema, roleSchema } from './permissions.ts';

/**
 * Zone names `Intl` has accepted. Building an `Intl.DateTimeFormat` costs about 0.3 ms and every response that
 * carries an organization is checked, so each name is tried once; only names that exist are kept (a few hundred).
 */
const knownTimeZones = new Set<string>();

function isTimeZone(zone: string): boolean {
  if (knownTimeZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  knownTimeZones.add(zone);
  return true;
}

/** An IANA time zone name such as `America/New_York`; the office's calendar days are counted in it. */
export const timeZoneSchema = z.string().refine(isTimeZone, { message: 'Unknown time zone' });

export const organizationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: organizationKindSchema,
  timeZone: timeZoneSchema,
});
export type Organization = z.infer<typeof organizationSchema>;

export const siteSchema = z.object({ id: z.uuid(), name: z.string() });
export type Site = z.infer<typeof siteSchema>;

/** The signed-in user, the organization the token names, and what the user may do there. */
export const sessionSchema = z.object({
  user: z.object({ id: z.uuid(), displayName: z.string() }),
  organization: organizationSchema,
  roles: z.array(roleSchema),
  permissions: z.array(permissionSchema),
  /**
   * The procedures this user may call here, by dotted path (`providers.add`), worked out by the server from the
   * permissions and the contract: what a widget or host page reads to show a control only to those who may use
   * it (`mayCall(session, 'providers.add')`), without knowing which permission each procedure needs.
   */
  allowed: z.array(z.string()),
  sites: z.array(siteSchema),
  /** The office's date now, by the server's clock in the office's time zone: what widgets' dates start from. */
  today: z.iso.date(),
  /**
   * Where the user's access stands. While it is `PENDING` (a first sign-in waiting for approval) or `SUSPENDED`
   * (renewal overdue) the user may do nothing but read this; widgets show a waiting state in plain words.
   */
  access: z.object({
    status: accessStatusSchema,
    reason: accessReasonSchema,
    renewalDueAt: z.iso.datetime({ offset: true }).nullable(),
    /** True when the payer lets users renew their own access (`users.attest`). */
    mayAttest: z.boolean(),
  }),
});
export type Session = z.infer<typeof sessionSchema>;
