/**
 * Writes server/db/schema.generated.ts: the Kysely table types of a fresh database with every migration applied.
 *
 *   npm run db:types                      # on a throwaway embedded PostgreSQL 18
 *   npm run db:types -- --url postgres://user@host:5432/postgres
 *   npm run db:types -- --check           # exit 1 if the committed file differs
 *
 * With KHOI_TEST_DATABASE_URL set (and no --url) that server is used. The database is created, migrated,
 * read and dropped; nothing else on the server is touched.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { dropDatabase, quoteIdent, withDatabase } from '../server/db/database.ts';
import { startEmbedded, type EmbeddedServer } from '../server/db/embedded.ts';
import { migrate } from '../server/db/migrate.ts';
import { GENERATE_COMMAND, GENERATED_SCHEMA_FILE, generateSchemaTypes } from '../server/db/schema-codegen.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, check: { type: 'boolean', default: false } } });
  let serverUrl = values.url ?? process.env.KHOI_TEST_DATABASE_URL;
  let embedded: EmbeddedServer | null = null;
  let dataDir: string | null = null;
  try {
    if (!serverUrl) {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-types-'));
      embedded = await startEmbedded({ dataDir, fsync: false });
      serverUrl = embedded.url;
    }
    const name = `khoi_types_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
    await admin.connect();
    let version: string;
    try {
      version = (await admin.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
      await admin.query(`create database ${quoteIdent(name)}`);
    } finally {
      await admin.end();
    }
    let text: string;
    try {
      await migrate(withDatabase(serverUrl, name));
      text = await generateSchemaTypes(withDatabase(serverUrl, name));
    } finally {
      await dropDatabase(serverUrl, name);
    }

    const file = path.join(ROOT, GENERATED_SCHEMA_FILE);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (values.check) {
      if (current === text) {
        console.log(`${GENERATED_SCHEMA_FILE} matches the migrations (PostgreSQL ${version}).`);
        return 0;
      }
      console.error(
        `${GENERATED_SCHEMA_FILE} does not match the migrations (PostgreSQL ${version}): run \`${GENERATE_COMMAND}\`.`,
      );
      return 1;
    }
    if (current === text) {
      console.log(`${GENERATED_SCHEMA_FILE} is up to date (PostgreSQL ${version}).`);
    } else {
      fs.writeFileSync(file, text);
      console.log(`Wrote ${GENERATED_SCHEMA_FILE} (PostgreSQL ${version}).`);
    }
    return 0;
  } finally {
    if (embedded) await embedded.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// The status is main's, or 1 naming what failed; every connection and the embedded server are closed by then, so
// the process ends by itself.
process.exitCode = await main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  return 1;
});
