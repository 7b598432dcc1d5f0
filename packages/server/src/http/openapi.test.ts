import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiDocument } from '@portico/core';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

describe('the OpenAPI document', () => {
  let app: TestServer;
  before(async () => {
    app = await startTestServer();
  });
  after(async () => {
    await app.close();
  });

  it('is served at /openapi.json, is the one core ships, and is a valid OpenAPI 3.1 document', async () => {
    const response = await fetch(`${app.url}/openapi.json`);
    assert.equal(response.status, 200);
    const served: Record<string, unknown> = await response.json();
    assert.deepEqual(served, JSON.parse(JSON.stringify(openApiDocument())));
    const result = await new Validator().validate(served);
    assert.deepEqual(result.errors ?? [], []);
    assert.equal(result.valid, true);
    assert.equal(served.openapi, '3.1.0');
  });

  it("documents each procedure's permission, and the error shape", () => {
    const document = openApiDocument() as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const add = document.paths['/trpc/providers.add']?.post;
    assert.equal(add?.['x-portico-permission'], 'practice_setup.manage');
    assert.match(JSON.stringify(add?.responses), /"portico"/);
    assert.ok(document.paths['/files/providers/roster.csv']?.get);
  });

  it('is enough to call the API with plain fetch: a query by GET, a mutation by POST, a refusal by its shape', async () => {
    const document = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const token = await app.tokenFor('billing-manager');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    assert.ok(document.paths['/trpc/organizations.me']?.get);
    const me = await fetch(`${app.url}/trpc/organizations.me`, { headers });
    assert.equal(me.status, 200);
    const session: { result: { data: { organization: { name: string } } } } = await me.json();
    assert.equal(session.result.data.organization.name, 'Maple Street Family Practice');

    assert.ok(document.paths['/trpc/providers.add']?.post);
    const provider = { npi: '1234567893', firstName: 'Ada', lastName: 'Osei', tin: '12-3456789' };
    const added = await fetch(`${app.url}/trpc/providers.add`, {
      method: 'POST',
      headers,
      body: JSON.stringify(provider),
    });
    assert.equal(added.status, 200);
    const body: { result: { data: { npi: string } } } = await added.json();
    assert.equal(body.result.data.npi, '1234567893');

    const refused = await fetch(`${app.url}/trpc/providers.add`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...provider, npi: '1234567890' }),
    });
    assert.equal(refused.status, 400);
    const error: { error: { data: { portico: { code: string; fieldPath: string | null } } } } =
      await refused.json();
    assert.equal(error.error.data.portico.code, 'BAD_REQUEST');
    assert.equal(error.error.data.portico.fieldPath, 'npi');
  });
});
