import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import Cursor from 'pg-cursor';
import * as tar from 'tar';
import { latestMigration, migrate } from '../../db/migrate.ts';
import { quoteIdent } from '../../db/database.ts';

/** Khối's own backup (DESIGN §9; the embedded server ships no pg_dump): one archive with the schema version,
 * every table's rows read within one repeatable-read snapshot, and the stored files. */
export const BACKUP_FORMAT = 'khoi-backup';
export const BACKUP_FORMAT_VERSION = 1;

type Manifest = {
  format: string;
  formatVersion: number;
  schemaVersion: string;
  createdAt: string;
  tables: { name: string; rows: number; sha256: string }[];
  files: number;
};

/** Tables in an order where every referenced table comes first. */
async function tablesInOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = (
    await client.query<{
      name: string;
    }>(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname <> 'schema_migrations' and not c.relispartition order by 1`)
  ).rows.map((r) => r.name);
  const edges = (
    await client.query<{
      child: string;
      parent: string;
    }>(`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace where c.contype = 'f' and n.nspname = current_schema()`)
  ).rows;
  const ordered: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (ordered.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent, seen);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered.filter((t) => tables.includes(t));
}

/** Writes a backup archive of the database at `url` (and the files under `filesDir`, if any) to `file`. */
export async function backup(url: string, file: string, opts: { filesDir?: string } = {}): Promise<Manifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-backup-'));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const schemaVersion = (await client.query<{ name: string }>('select max(name) as name from schema_migrations'))
      .rows[0]!.name;
    const tables = await tablesInOrder(client);
    fs.mkdirSync(path.join(work, 'tables'));
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion,
      createdAt: new Date().toISOString(),
      tables: [],
      files: 0,
    };
    for (const t of tables) {
      const out = fs.createWriteStream(path.join(work, 'tables', `${t}.jsonl`));
      const hash = crypto.createHash('sha256');
      const cursor = client.query(new Cursor(`select to_jsonb(t)::text as j from ${quoteIdent(t)} t`));
      let rows = 0;
      for (;;) {
        const batch = (await cursor.read(2000)) as { j: string }[];
        if (batch.length === 0) break;
        for (const r of batch) {
          out.write(r.j + '\n');
          hash.update(r.j + '\n');
        }
        rows += batch.length;
      }
      await cursor.close();
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      manifest.tables.push({ name: t, rows, sha256: hash.digest('hex') });
    }
    await client.query('commit');
    const entries = ['manifest.json', 'tables'];
    if (opts.filesDir && fs.existsSync(opts.filesDir)) {
      fs.cpSync(opts.filesDir, path.join(work, 'files'), { recursive: true });
      manifest.files = fs.readdirSync(path.join(work, 'files'), { recursive: true }).length;
      entries.push('files');
    }
    fs.writeFileSync(path.join(work, 'manifest.json'), JSON.stringify(manifest, null, 2));
    await tar.create({ gzip: true, file, cwd: work, portable: true }, entries);
    return manifest;
  } finally {
    await client.end();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export class RestoreRefused extends Error {}

/** Tables whose rows the migrations themselves insert (reference data): they do not make a database "not empty",
 * and the backup's rows replace them. */
const SEEDED_BY_MIGRATIONS = new Set([
  'unit_kinds',
  'body_kinds',
  'roles',
  'task_kinds',
  'document_series',
  'retention_rules',
  'legal_calendar_state',
  'public_holidays',
  'holiday_years',
  'holiday_adjustments',
  'legal_deadline_rules',
  'legal_deadline_versions',
  'legal_deadline_variants',
  'legal_deadline_combinations',
  // the reporting totals' settled month (one row, 0 until the daily job moves it)
  'report_totals_settled',
  // the audit entries of those seeded rows (the legal rules are audited from their first version)
  'audit_log',
]);

/** Restores an archive into the database at `url`. Refuses an archive of a newer schema than this Khối knows,
 * and a database that already holds data unless `replace` is set. The database ends migrated to the latest schema. */
export async function restore(
  url: string,
  file: string,
  opts: { replace?: boolean; filesDir?: string } = {},
): Promise<Manifest> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-restore-'));
  try {
    try {
      await tar.extract({ file, cwd: work, strict: true });
    } catch (err) {
      throw new RestoreRefused(`${file} is not a Khối backup archive (${(err as Error).message}).`);
    }
    const manifestFile = path.join(work, 'manifest.json');
    if (!fs.existsSync(manifestFile)) throw new RestoreRefused(`${file} is not a Khối backup archive (no manifest).`);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion > BACKUP_FORMAT_VERSION)
      throw new RestoreRefused(`${file} is not a backup this Khối can read.`);
    if (manifest.schemaVersion > latestMigration()) {
      throw new RestoreRefused(
        `The backup was made by a newer Khối (schema ${manifest.schemaVersion}; this one knows up to ${latestMigration()}). Install that version to restore it.`,
      );
    }
    // The target gets the backup's schema, the rows, then any newer migrations of this Khối.
    await migrate(url, () => undefined, manifest.schemaVersion);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const current = (await client.query<{ name: string }>('select max(name) as name from schema_migrations')).rows[0]!
        .name;
      if (current !== manifest.schemaVersion)
        throw new RestoreRefused(
          `The target database is at schema ${current}, newer than the backup's ${manifest.schemaVersion}: restore into an empty database.`,
        );
      await client.query('begin');
      const tables = await tablesInOrder(client);
      const nonEmpty: string[] = [];
      for (const t of tables)
        if (!SEEDED_BY_MIGRATIONS.has(t) && (await client.query(`select 1 from ${quoteIdent(t)} limit 1`)).rowCount)
          nonEmpty.push(t);
      if (nonEmpty.length && !opts.replace)
        throw new RestoreRefused(
          `The target database is not empty (${nonEmpty.slice(0, 5).join(', ')}${nonEmpty.length > 5 ? ', …' : ''}). Use --replace to overwrite it.`,
        );
      await client.query(`truncate ${tables.map(quoteIdent).join(', ')} restart identity cascade`);
      for (const t of tables) await client.query(`alter table ${quoteIdent(t)} disable trigger user`);
      for (const entry of manifest.tables) {
        if (!tables.includes(entry.name))
          throw new RestoreRefused(`The backup has a table ${entry.name} that this schema lacks.`);
      }
      const order = tables.filter((t) => manifest.tables.some((e) => e.name === t));
      // Columns referencing their own table (a body's parent): loaded empty, then filled once every row exists.
      const selfRefs = (
        await client.query<{ t: string; c: string }>(`select c.conrelid::regclass::text as t, a.attname as c
          from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
          where c.contype = 'f' and c.conrelid = c.confrelid and c.connamespace = current_schema()::regnamespace`)
      ).rows;
      for (const t of order) {
        const entry = manifest.tables.find((e) => e.name === t)!;
        const rl = readline.createInterface({
          input: fs.createReadStream(path.join(work, 'tables', `${t}.jsonl`)),
          crlfDelay: Infinity,
        });
        const hash = crypto.createHash('sha256');
        let batch: string[] = [];
        const own = selfRefs.filter((r) => r.t === t).map((r) => r.c);
        const strip = own.length ? ` - array[${own.map((c) => `'${c.replace(/'/g, "''")}'`).join(',')}]` : '';
        const flush = async () => {
          if (!batch.length) return;
          await client.query(
            `insert into ${quoteIdent(t)} overriding system value select r.* from jsonb_array_elements($1::jsonb) e, jsonb_populate_record(null::${quoteIdent(t)}, e${strip}) r`,
            ['[' + batch.join(',') + ']'],
          );
          if (own.length) later.push(...batch);
          batch = [];
        };
        const later: string[] = [];
        for await (const line of rl) {
          if (!line) continue;
          hash.update(line + '\n');
          batch.push(line);
          if (batch.length >= 2000) await flush();
        }
        await flush();
        for (let i = 0; i < later.length; i += 2000) {
          for (const c of own) {
            const col = c.replace(/'/g, "''");
            await client.query(
              `update ${quoteIdent(t)} x set ${quoteIdent(c)} = (e ->> '${col}')::uuid from jsonb_array_elements($1::jsonb) e where x.id = (e ->> 'id')::uuid and e ->> '${col}' is not null`,
              ['[' + later.slice(i, i + 2000).join(',') + ']'],
            );
          }
        }
        if (hash.digest('hex') !== entry.sha256)
          throw new RestoreRefused(`The backup's table ${t} is damaged (checksum mismatch).`);
      }
      for (const t of tables) await client.query(`alter table ${quoteIdent(t)} enable trigger user`);
      // Identity sequences continue after the restored rows.
      const idents = await client.query<{ t: string; c: string }>(
        `select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema() and is_identity = 'YES'`,
      );
      for (const r of idents.rows) {
        await client.query(
          `select setval(pg_get_serial_sequence($1, $2), greatest(coalesce((select max(${quoteIdent(r.c)}) from ${quoteIdent(r.t)}), 0), 1), (select count(*) > 0 from ${quoteIdent(r.t)}))`,
          [quoteIdent(r.t), r.c],
        );
      }
      await client.query('commit');
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      await client.end();
    }
    await migrate(url);
    if (opts.filesDir && fs.existsSync(path.join(work, 'files'))) {
      if (opts.replace) fs.rmSync(opts.filesDir, { recursive: true, force: true });
      fs.cpSync(path.join(work, 'files'), opts.filesDir, { recursive: true });
    }
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
