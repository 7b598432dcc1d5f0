import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PorticoError } from '@portico/core';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

interface ErrorBody {
  error?: {
    data: { portico: { code: string; message: string; fieldPath: string | null; requestId: string | null } };
  };
}

/** Defects 2, 7, 8, 10 and 14 of issue 23, as a hostile client sent them. */
describe('the front door: token first, one batch limit, true transport errors', () => {
  let app: TestServer;
  let token: string;
  before(async () => {
    app = await startTestServer({ config: { maxBatch: 4 } });
    token = await app.tokenFor('billing-manager');
  });
  after(async () => {
    await app.close();
  });

  const portico = async (response: Response) => ((await response.json()) as ErrorBody).error?.data.portico;

  it('checks the token before the input: an anonymous caller learns nothing of the fields', async () => {
    const response = await fetch(`${app.url}/trpc/providers.add`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ npi: 5, tin: null }),
    });
    assert.equal(response.status, 401);
    const error = await portico(response);
    assert.equal(error?.code, 'UNAUTHORIZED');
    assert.equal(error?.fieldPath, null);
  });

  it('answers a token whose claims hold a NUL with 401, and a NUL in a field with BAD_REQUEST at that field', async () => {
    const forged = await app.tokenFor('billing-manager', { name: 'Dana\u0000' });
    await assert.rejects(
      app.clientWithToken(forged).organizations.me.query(),
      (error) => error instanceof PorticoError && error.code === 'UNAUTHORIZED',
    );
    await assert.rejects(
      app.clientFor('billing-manager').providers.add.mutate({
        npi: '1234567893',
        firstName: 'a\u0000b',
        lastName: 'Reyes',
        tin: '12-3456789',
      }),
      (error) =>
        error instanceof PorticoError && error.code === 'BAD_REQUEST' && error.fieldPath === 'firstName',
    );
  });

  it('names a wrong content type and malformed JSON for what they are, with the request id', async () => {
    const wrongType = await fetch(`${app.url}/trpc/providers.add`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'text/plain',
        'x-request-id': 'req-type-0001',
      },
      body: '{}',
    });
    const typeError = await portico(wrongType);
    assert.equal(typeError?.code, 'BAD_REQUEST');
    assert.match(typeError?.message ?? '', /content-type: application\/json/);
    assert.equal(typeError?.requestId, 'req-type-0001');

    const malformed = await fetch(`${app.url}/trpc/providers.add`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"npi": ',
    });
    assert.equal(malformed.status, 400);
    const jsonError = await portico(malformed);
    assert.equal(jsonError?.code, 'BAD_REQUEST');
    assert.match(jsonError?.message ?? '', /not valid JSON/);
    assert.equal(jsonError?.requestId, malformed.headers.get('x-request-id'));
  });

  it('refuses a batch over PORTICO_MAX_BATCH before running any of it', async () => {
    const paths = Array.from({ length: 5 }, () => 'providers.list').join(',');
    const response = await fetch(`${app.url}/trpc/${paths}?batch=1&input=${encodeURIComponent('{}')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 400);
    const body: unknown = await response.json();
    const first = (Array.isArray(body) ? body[0] : body) as ErrorBody;
    assert.equal(first.error?.data.portico.code, 'BAD_REQUEST');
    assert.match(first.error?.data.portico.message ?? '', /PORTICO_MAX_BATCH/);
    const within = await fetch(
      `${app.url}/trpc/${Array.from({ length: 4 }, () => 'providers.list').join(',')}?batch=1&input=${encodeURIComponent('{}')}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    assert.equal(within.status, 200);
  });

  it('takes a token from the connection parameters only for a subscription, never for a query', async () => {
    const params = encodeURIComponent(JSON.stringify({ token }));
    const response = await fetch(`${app.url}/trpc/organizations.me?connectionParams=${params}`);
    assert.equal(response.status, 401);
    assert.equal((await portico(response))?.code, 'UNAUTHORIZED');
  });

  it('says what is wrong with connection parameters that are not strings, at connectionParams', async () => {
    for (const params of [{ token: 42 }, ['not', 'an', 'object']]) {
      const query = encodeURIComponent(JSON.stringify(params));
      const response = await fetch(`${app.url}/trpc/events.stream?connectionParams=${query}`);
      assert.equal(response.status, 400);
      const error = await portico(response);
      assert.equal(error?.code, 'BAD_REQUEST');
      assert.equal(error?.fieldPath, 'connectionParams');
      assert.match(error?.message ?? '', /connection parameters are not valid/);
      assert.doesNotMatch(error?.message ?? '', /JSON/);
    }
  });

  it('answers an address too long to read with a typed PAYLOAD_TOO_LARGE, through the SDK too', async () => {
    const response = await fetch(`${app.url}/trpc/accessHub.dashboard?input=${'x'.repeat(20_000)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 431);
    assert.equal((await portico(response))?.code, 'PAYLOAD_TOO_LARGE');
    await assert.rejects(
      app.clientFor('billing-manager').accessHub.dashboard.query({ coveredPayer: 'x'.repeat(20_000) }),
      (error) => error instanceof PorticoError && error.code === 'PAYLOAD_TOO_LARGE',
    );
  });
});
