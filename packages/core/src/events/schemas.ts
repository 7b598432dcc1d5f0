import { z } from 'zod';

/** What changed. Topics name a domain entity; the event never carries the entity's data, only its id. */
export const eventTopicSchema = z.enum([
  'membership.changed',
  'provider.changed',
  'subscription.changed',
  'billing.changed',
  'access_issue.changed',
  'remittance.changed',
  // About the stream itself, not an entity (`entityId` is empty):
  /** Events may have been missed (the server's link to the database was re-established): reload everything shown. */
  'stream.missed',
  /** The token the stream was opened with expires now; the stream ends, and the SDK reopens it with a fresh one. */
  'stream.expired',
]);
export type EventTopic = z.infer<typeof eventTopicSchema>;

/** A change in the caller's organization, pushed to open widgets so they can reload what they show. */
export const porticoEventSchema = z.object({
  topic: eventTopicSchema,
  entityId: z.string(),
  at: z.iso.datetime({ offset: true }),
});
export type PorticoEvent = z.infer<typeof porticoEventSchema>;

/** The topics about the stream itself rather than a change. */
export const STREAM_TOPICS: readonly EventTopic[] = ['stream.missed', 'stream.expired'];

/** The event that tells a stream's reader something about the stream (`stream.missed`, `stream.expired`). */
export function streamEvent(topic: 'stream.missed' | 'stream.expired', at: Date): PorticoEvent {
  return { topic, entityId: '', at: at.toISOString() };
}
