import type { Clock } from '../services/clock.ts';
import type { Principal } from './principal.ts';
import type { TokenClaims } from './tokens.ts';

/** How long a resolved caller is kept: a permission change reaches every instance sooner (see below). */
export const PRINCIPAL_CACHE_SECONDS = 30;
/** The most callers kept; the oldest make room. */
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  expiresAt: number;
}

/**
 * A short-lived cache of resolved callers on one instance, so a request need not read the caller's membership
 * again: the token is still verified and the permission still checked on every request, against what this
 * holds. It is an optimisation only, never state another instance needs: every instance drops an organization's
 * callers when `membership.changed` is announced there (LISTEN/NOTIFY, so a grant or denial on one instance
 * reaches all), forgets everything when its LISTEN connection was lost, and keeps nothing longer than 30 s or
 * than the token it was resolved for.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byOrganization = new Map<string, Set<string>>();

  constructor(private readonly clock: Clock) {}

  private static key(claims: TokenClaims): string {
    return `${claims.iss}\u0000${claims.sub}\u0000${claims.org}`;
  }

  get(claims: TokenClaims): Principal | null {
    const key = PrincipalCache.key(claims);
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.clock.now().getTime()) {
      this.delete(key, entry.principal.organization.id);
      return null;
    }
    return entry.principal;
  }

  set(claims: TokenClaims, principal: Principal): void {
    const key = PrincipalCache.key(claims);
    const expiresAt = Math.min(
      this.clock.now().getTime() + PRINCIPAL_CACHE_SECONDS * 1000,
      claims.exp * 1000,
    );
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.entries().next().value;
      if (oldest) this.delete(oldest[0], oldest[1].principal.organization.id);
    }
    this.entries.delete(key);
    this.entries.set(key, { principal, expiresAt });
    const organizationId = principal.organization.id;
    let keys = this.byOrganization.get(organizationId);
    if (!keys) this.byOrganization.set(organizationId, (keys = new Set()));
    keys.add(key);
  }

  /** Forgets every caller of one organization (its memberships changed). */
  dropOrganization(organizationId: string): void {
    for (const key of this.byOrganization.get(organizationId) ?? []) this.entries.delete(key);
    this.byOrganization.delete(organizationId);
  }

  /** Forgets everything (events may have been missed). */
  clear(): void {
    this.entries.clear();
    this.byOrganization.clear();
  }

  private delete(key: string, organizationId: string): void {
    this.entries.delete(key);
    this.byOrganization.get(organizationId)?.delete(key);
  }
}
