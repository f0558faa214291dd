/**
 * Writes web/lib/api-schema.d.ts: the TypeScript types of every API route's request and response, generated from
 * the OpenAPI document that the routes' zod schemas make, so that `tsc` checks the web app against the server's
 * contract. The app is built without a database: registering routes touches none.
 * Run: npm run api:types (after changing a route's schema). test/api-types.test.ts fails while the file is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../server/app.ts';
import type { AppContext } from '../server/context.ts';
import { parseEnv } from '../server/env.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const API_SCHEMA_FILE = path.join(ROOT, 'web', 'lib', 'api-schema.d.ts');

/** A service the generator must never reach: any use of it is a bug to hear about, not a silent success. */
function unused(name: string): never {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        throw new Error(`api-types: ctx.${name}.${String(prop)} was used, but building the routes must not touch it`);
      },
    },
  ) as never;
}

/** Object keys in code-point order, recursively (arrays keep theirs): the same routes give the same text. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

/** The OpenAPI document as /api/openapi.json serves it, from an app built on a context without a database. */
export async function openApiDocument(): Promise<OpenAPI3> {
  // A fixed environment, not the caller's: the document must not vary with the machine that makes it.
  const env = parseEnv({ NODE_ENV: 'production', KHOI_DATA_DIR: '/nonexistent', KHOI_JOBS: 'off' });
  const ctx: AppContext = {
    env,
    db: unused('db'),
    clock: unused('clock'),
    passwords: unused('passwords'),
    files: unused('files'),
    dbMode: 'external',
    setupToken: 'unused',
  };
  const app = await buildApp(ctx, { serveWeb: false, logger: false });
  try {
    await app.ready();
    return sortKeys(app.swagger()) as OpenAPI3;
  } finally {
    await app.close();
  }
}

/** The text of web/lib/api-schema.d.ts for the current routes. */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocument(), {
    alphabetize: true,
    // Optional means not in `required`, nothing else: a field with a default is still optional to send.
    defaultNonNullable: false,
    silent: true,
  });
  const header = [
    '/**',
    " * Generated from the server's routes by `npm run api:types` (scripts/api-types.ts, openapi-typescript): do not edit.",
    ' * test/api-types.test.ts fails while it differs from what the routes make.',
    ' */',
  ].join('\n');
  return header + '\n\n' + astToString(ast);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const text = await generateApiTypes();
  const before = fs.existsSync(API_SCHEMA_FILE) ? fs.readFileSync(API_SCHEMA_FILE, 'utf8') : null;
  if (before === text) {
    console.log(`${path.relative(ROOT, API_SCHEMA_FILE)} is up to date`);
  } else {
    fs.writeFileSync(API_SCHEMA_FILE, text);
    console.log(`wrote ${path.relative(ROOT, API_SCHEMA_FILE)}`);
  }
}
