import { PorticoError, text } from '@portico/core';
import {
  createRemoteJWKSet,
  errors,
  jwtVerify,
  SignJWT,
  type JWTVerifyOptions,
  type JWTVerifyResult,
} from 'jose';
import { z } from 'zod';
import type { Clock } from '../services/clock.ts';
import type { TokenKeyConfig } from '../config.ts';

/** The claims Portico reads from a host portal's token. */
export const tokenClaimsSchema = z.object({
  sub: text({ max: 200 }).min(1),
  /** The organization (office) the user acts for, by the host portal's id for it. */
  org: text({ max: 200 }).min(1),
  name: text({ max: 200 }).min(1).optional(),
  email: z.email().max(320).optional(),
  iss: z.string(),
  iat: z.number(),
  exp: z.number(),
});
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

/** Tokens are short-lived hand-offs from the host portal: no token may live longer than this. */
export const MAX_TOKEN_LIFETIME_SECONDS = 60 * 60;

export interface TokenVerifier {
  verify(token: string | null): Promise<TokenClaims>;
}

type VerifyOptions = Omit<JWTVerifyOptions, 'algorithms'>;

/** The jose call for the configured key: a shared HS256 secret, or a remote JWKS for asymmetric keys. */
function jwtVerifierFor(
  key: TokenKeyConfig,
): (token: string, options: VerifyOptions) => Promise<JWTVerifyResult> {
  if (key.kind === 'secret') {
    // Imported once: given the raw bytes, jose imports the HMAC key again for every token it checks.
    const secret = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(key.secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    return async (token, options) => jwtVerify(token, await secret, { ...options, algorithms: ['HS256'] });
  }
  const keySet = createRemoteJWKSet(new URL(key.url));
  return (token, options) =>
    jwtVerify(token, keySet, { ...options, algorithms: ['RS256', 'ES256', 'EdDSA'] });
}

const unauthorized = (message: string) => new PorticoError('UNAUTHORIZED', message);

/**
 * Verifies host-portal tokens: HS256 with a shared secret, or any JWKS-published key (RS256/ES256/EdDSA).
 * Expired, not-yet-valid, wrong-issuer, wrong-audience, over-long and tampered tokens are all UNAUTHORIZED.
 */
export function createTokenVerifier(options: {
  key: TokenKeyConfig;
  issuer: string;
  audience: string;
  clock: Clock;
}): TokenVerifier {
  const verifyJwt = jwtVerifierFor(options.key);
  return {
    async verify(token) {
      if (token === null || token === '') throw unauthorized('Sign in first: this request carries no token.');
      try {
        const verifyOptions = {
          issuer: options.issuer,
          audience: options.audience,
          currentDate: options.clock.now(),
          clockTolerance: 5,
          maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
          requiredClaims: ['exp', 'iat', 'sub'],
        };
        const { payload } = await verifyJwt(token, verifyOptions);
        const claims = tokenClaimsSchema.safeParse(payload);
        if (!claims.success) throw unauthorized('The token lacks the claims Portico needs (sub, org).');
        // Short-lived by construction: a token minted to live longer than the limit is refused outright.
        if (claims.data.exp - claims.data.iat > MAX_TOKEN_LIFETIME_SECONDS) {
          throw unauthorized('The token is valid for longer than Portico accepts (one hour).');
        }
        return claims.data;
      } catch (error) {
        if (error instanceof PorticoError) throw error;
        if (error instanceof errors.JWTExpired)
          throw unauthorized('The sign-in token has expired. Sign in again.');
        throw unauthorized('The sign-in token is not valid.');
      }
    },
  };
}

/**
 * Mints an HS256 token the way a host portal would. The demo page, the `npm run token` helper and tests use it;
 * a production host portal mints its own tokens with its own library and key.
 */
export async function mintToken(options: {
  secret: string;
  issuer: string;
  audience: string;
  subject: string;
  organization: string;
  name?: string;
  email?: string;
  now: Date;
  lifetimeSeconds?: number;
}): Promise<string> {
  const issuedAt = Math.floor(options.now.getTime() / 1000);
  const claims: Record<string, string> = { org: options.organization };
  if (options.name) claims.name = options.name;
  if (options.email) claims.email = options.email;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(options.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.lifetimeSeconds ?? 15 * 60))
    .sign(new TextEncoder().encode(options.secret));
}
