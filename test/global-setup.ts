import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbedded, type EmbeddedServer } from '../server/db/embedded.ts';
import { migrate } from '../server/db/migrate.ts';
import { withDatabase, quoteIdent } from '../server/db/database.ts';
import { ensureWebBuilt } from '../server/web-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbServerUrl: string;
    templateDb: string;
    dbServerLabel: string;
  }
}

/** Starts the test database server and migrates one template database. Never touches DATABASE_URL. */
export default async function setup(project: TestProject) {
  // The web app is built once here, beside the database's start, for every file that serves it (the journeys,
  // run in parallel, would otherwise build it side by side); unchanged sources are not built again.
  const web = ensureWebBuilt(() => undefined);
  let embedded: EmbeddedServer | null = null;
  let dataDir: string | null = null;
  let serverUrl = process.env.KHOI_TEST_DATABASE_URL;
  let label = 'external (KHOI_TEST_DATABASE_URL)';
  if (!serverUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-test-'));
    embedded = await startEmbedded({ dataDir, fsync: false });
    serverUrl = embedded.url;
    label = 'embedded';
  }
  const template = `khoi_tpl_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  const version = (await admin.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
  await admin.query(`create database ${quoteIdent(template)}`);
  await migrate(withDatabase(serverUrl, template));
  label = `${label}, PostgreSQL ${version}`;
  console.log(`[khoi tests] database server: ${label}`);
  await web;
  project.provide('dbServerUrl', serverUrl);
  project.provide('templateDb', template);
  project.provide('dbServerLabel', label);

  return async () => {
    // Drop what this run created (test databases whose file forgot to, and the template).
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like 'khoi_t_%' or datname = $1`,
      [template],
    );
    for (const r of rows)
      await admin.query(`drop database if exists ${quoteIdent(r.datname)} with (force)`).catch(() => undefined);
    await admin.end();
    if (embedded) await embedded.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
