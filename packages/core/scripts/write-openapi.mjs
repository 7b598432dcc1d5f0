// Writes dist/openapi.json, the OpenAPI 3.1 document of the contract, from the built package (`npm run build`).
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../dist/index.js';

const { version } = JSON.parse(
  await import('node:fs').then((fs) => fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')),
);
writeFileSync(
  new URL('../dist/openapi.json', import.meta.url),
  `${JSON.stringify(openApiDocument(undefined, undefined, { version }), null, 2)}\n`,
);
