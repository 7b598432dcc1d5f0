import { mintToken } from '../auth/tokens.ts';
import type { ServerConfig } from '../config.ts';
import type { Clock } from '../services/clock.ts';
import { demoTokenClaims, isDemoUserKey } from './demo-office.ts';

const LIFETIME_SECONDS = 15 * 60;

/**
 * `GET /demo/token?as=<user>` in demo mode: a 15-minute token for a demo user, signed with the server's HS256
 * secret, as a host portal would mint it. Answers null when there is no such user (the caller sends 404).
 */
export async function demoToken(
  config: Pick<ServerConfig, 'tokenKey' | 'issuer' | 'audience'>,
  clock: Clock,
  as: string,
): Promise<{ token: string; expiresAt: string } | null> {
  if (!isDemoUserKey(as) || config.tokenKey.kind !== 'secret') return null;
  const now = clock.now();
  const token = await mintToken({
    secret: config.tokenKey.secret,
    issuer: config.issuer,
    audience: config.audience,
    ...demoTokenClaims(as),
    now,
    lifetimeSeconds: LIFETIME_SECONDS,
  });
  return { token, expiresAt: new Date(now.getTime() + LIFETIME_SECONDS * 1000).toISOString() };
}
