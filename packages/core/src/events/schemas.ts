import { z } from 'zod';

/** What changed. Topics name a domain entity; the event never carries the entity's data, only its id. */
export const eventTopicSchema = z.enum([
  'membership.changed',
  'provider.changed',
  'subscription.changed',
  'billing.changed',
  'access_issue.changed',
]);
export type EventTopic = z.infer<typeof eventTopicSchema>;

/** A change in the caller's organization, pushed to open widgets so they can reload what they show. */
export const porticoEventSchema = z.object({
  topic: eventTopicSchema,
  entityId: z.string(),
  at: z.iso.datetime({ offset: true }),
});
export type PorticoEvent = z.infer<typeof porticoEventSchema>;
