import type { Clock } from '../services/clock.ts';
import type { OrgScope } from '../tenancy/org-scope.ts';

/** Rows per multi-row insert: 7 parameters each, well under PostgreSQL's 65,535. */
const AUDIT_BATCH = 5000;

/** One audited act: `membership.permissions.update` on `membership` `<user id>`. Never the data itself. */
export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
}

/**
 * Writes audit rows in the request's own transaction, so an audited change and its audit row commit or roll
 * back together. Counts what it wrote, so the procedure runner can refuse a mutation that audited nothing.
 */
export class AuditTrail {
  constructor(
    private readonly scope: OrgScope,
    private readonly actorUserId: string | null,
    private readonly requestId: string,
    private readonly clock: Clock,
    private readonly tally = { written: 0 },
  ) {}

  /** The same actor and request, writing into another organization's log (staff acting on an office). */
  within(scope: OrgScope): AuditTrail {
    return new AuditTrail(scope, this.actorUserId, this.requestId, this.clock, this.tally);
  }

  /** Records who did what to which record, and when. */
  async record(entry: AuditEntry): Promise<void> {
    await this.scope
      .insertInto('audit_log', {
        at: this.clock.now(),
        actor_user_id: this.actorUserId,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId,
        request_id: this.requestId,
      })
      .execute();
    this.tally.written += 1;
  }

  /** Records many acts at once (a bulk import), in batches that stay within PostgreSQL's parameter limit. */
  async recordMany(entries: readonly AuditEntry[]): Promise<void> {
    const at = this.clock.now();
    for (let start = 0; start < entries.length; start += AUDIT_BATCH) {
      const rows = entries.slice(start, start + AUDIT_BATCH).map((entry) => ({
        at,
        actor_user_id: this.actorUserId,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId,
        request_id: this.requestId,
      }));
      await this.scope.insertInto('audit_log', rows).execute();
    }
    this.tally.written += entries.length;
  }

  /** How many rows this request wrote. */
  get count(): number {
    return this.tally.written;
  }
}
