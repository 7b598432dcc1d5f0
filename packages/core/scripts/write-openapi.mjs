// Writes dist/openapi.json, the OpenAPI 3.1 document of the contract, from the built package (`npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { openApiDocument } from '../dist/index.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const document = openApiDocument(undefined, undefined, { version });
writeFileSync(new URL('../dist/openapi.json', import.meta.url), `${JSON.stringify(document, null, 2)}\n`);
