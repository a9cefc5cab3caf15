// `npm run schemas`: writes schemas/KIND.schema.json for every kind `asn-audit schema` prints, from the built dist/.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { jsonSchemaText, SCHEMA_KINDS } from '../../dist/cli/json-schemas.js';

const root = resolve(import.meta.dirname, '../..');
for (const kind of SCHEMA_KINDS) writeFileSync(resolve(root, `schemas/${kind}.schema.json`), jsonSchemaText(kind));
console.log(`wrote ${SCHEMA_KINDS.map((kind) => `schemas/${kind}.schema.json`).join(', ')}`);
