// `npm run api:types`: builds the server's OpenAPI document in process (no database, no listening server) and writes
// the TypeScript types the web app's API client is checked against, src/web/api/schema.ts.
// `npm run api:types -- --check` writes nothing and fails when the committed file is not what the server generates
// now (part of `npm run check`). `-- --json <file>` also writes the document itself, for a look at it.
import fs from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import pino from 'pino';
import prettier from 'prettier';
import { createApp, type AppDeps } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';

const root = path.resolve(import.meta.dirname, '..');
const schemaFile = path.join(root, 'src/web/api/schema.ts');

const HEADER = `/**
 * The HTTP API's paths, operations and schemas, generated from the server's OpenAPI document by scripts/openapi.ts
 * with openapi-typescript. Do not edit: run \`npm run api:types\` after changing a route or a schema.
 */

`;

/** Building the document must not touch the database: any use of it fails loudly instead of hanging on a connection. */
const noDatabase = new Proxy(
  {},
  {
    get(_target, property) {
      throw new Error(`scripts/openapi.ts: the OpenAPI document read the database (db.${String(property)})`);
    },
  },
) as AppDeps['db'];

/** The OpenAPI 3.1 document, as GET /api/openapi.json serves it. */
async function openApiDocument(): Promise<OpenAPI3> {
  const app = createApp({
    db: noDatabase,
    keys: { encryption: Buffer.alloc(32), blindIndex: Buffer.alloc(32) },
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    logger: pino({ level: 'silent' }),
  });
  const response = await app.request('/api/openapi.json');
  if (!response.ok) {
    throw new Error(`GET /api/openapi.json answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as OpenAPI3;
}

/** The content of src/web/api/schema.ts for `document`, formatted as `prettier --check` expects it. */
async function schemaSource(document: OpenAPI3): Promise<string> {
  // Properties with a default are optional in a request body, so they stay optional in the types too.
  const ast = await openapiTS(document, { defaultNonNullable: false });
  const options = (await prettier.resolveConfig(schemaFile)) ?? {};
  return prettier.format(HEADER + astToString(ast), { ...options, filepath: schemaFile });
}

async function main(args: string[]) {
  const document = await openApiDocument();
  const jsonAt = args.indexOf('--json');
  if (jsonAt >= 0) {
    const file = args[jsonAt + 1];
    if (!file) throw new Error('--json needs a file name');
    fs.writeFileSync(file, JSON.stringify(document, null, 2) + '\n');
  }
  const source = await schemaSource(document);
  const relative = path.relative(root, schemaFile);
  if (args.includes('--check')) {
    const committed = fs.existsSync(schemaFile) ? fs.readFileSync(schemaFile, 'utf8') : null;
    if (committed !== source) {
      console.error(
        committed === null
          ? `${relative} is missing. Run \`npm run api:types\` and commit it.`
          : `${relative} is stale: the server's API document has changed since it was generated.\n` +
              'Run `npm run api:types` and commit the result.',
      );
      process.exitCode = 1;
      return;
    }
    console.log(`${relative} is up to date`);
    return;
  }
  fs.mkdirSync(path.dirname(schemaFile), { recursive: true });
  fs.writeFileSync(schemaFile, source);
  console.log(`wrote ${relative}`);
}

await main(process.argv.slice(2));
