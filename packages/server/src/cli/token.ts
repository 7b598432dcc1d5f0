import { systemClock } from '../services/clock.ts';
import { loadConfig } from '../config.ts';
import { demoTokenClaims, demoUsers, isDemoUserKey } from '../demo/demo-office.ts';
import { mintToken } from '../auth/tokens.ts';

/**
 * `portico-server token [USER]` (and `npm run token -- [USER]`): prints a 15-minute token for a demo user, signed
 * with the server's HS256 secret, as a host portal would mint it. For the SDK example and for trying the API.
 */
export async function token(args: string[]): Promise<number> {
  const key = args[0] ?? 'security-officer';
  if (!isDemoUserKey(key)) {
    process.stderr.write(`Unknown demo user "${key}". Choose one of: ${Object.keys(demoUsers).join(', ')}\n`);
    return 2;
  }
  const config = loadConfig();
  if (config.tokenKey.kind !== 'secret') {
    process.stderr.write('Tokens can only be minted here with an HS256 secret (PORTICO_JWT_SECRET).\n');
    return 2;
  }
  const minted = await mintToken({
    secret: config.tokenKey.secret,
    issuer: config.issuer,
    audience: config.audience,
    ...demoTokenClaims(key),
    now: config.pinnedNow ?? systemClock.now(),
  });
  process.stdout.write(`${minted}\n`);
  return 0;
}
