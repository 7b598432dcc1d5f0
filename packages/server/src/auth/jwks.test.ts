import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { PorticoError } from '@portico/core';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { startTestServer, TEST_AUDIENCE, TEST_ISSUER, type TestServer } from '../testing/test-server.ts';

// Production hand-off: the host portal signs with its private key and publishes the public key as a JWKS.
describe('tokens verified against the host portal’s JWKS', () => {
  let jwksServer: Server;
  let app: TestServer;
  let privateKey: CryptoKey;
  let strangerKey: CryptoKey;

  before(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    strangerKey = (await generateKeyPair('ES256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'portal-key-1', alg: 'ES256', use: 'sig' };
    jwksServer = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const address = jwksServer.address();
    assert.ok(address && typeof address === 'object');
    app = await startTestServer({
      config: { tokenKey: { kind: 'jwks', url: `http://127.0.0.1:${address.port}/jwks.json` } },
    });
  });
  after(async () => {
    await app.close();
    await new Promise((resolve) => jwksServer.close(resolve));
  });

  const sign = (key: CryptoKey, kid = 'portal-key-1') => {
    const now = Math.floor(app.clock.now().getTime() / 1000);
    return new SignJWT({ org: 'demo-office' })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setSubject('demo-billing-manager')
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(key);
  };

  it('accepts a token signed with the published key', async () => {
    const session = await app.clientWithToken(await sign(privateKey)).organizations.me.query();
    assert.equal(session.user.displayName, 'Luis Ortega');
  });

  it('refuses a token signed with a key the portal did not publish', async () => {
    await assert.rejects(
      app.clientWithToken(await sign(strangerKey)).organizations.me.query(),
      (error: unknown) => error instanceof PorticoError && error.code === 'UNAUTHORIZED',
    );
  });

  it('refuses an HS256 token when only the JWKS is trusted', async () => {
    const token = await app.tokenFor('billing-manager');
    await assert.rejects(
      app.clientWithToken(token).organizations.me.query(),
      (error: unknown) => error instanceof PorticoError && error.code === 'UNAUTHORIZED',
    );
  });
});
