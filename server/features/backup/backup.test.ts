import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { buildAccount } from '../../../test/factories.ts';
import { importQuangNinh } from '../../../test/units-fixture.ts';
import { addVillage } from '../units/villages.service.ts';
import { backup, restore } from './backup.service.ts';

/** One checksum per table over its rows in a fixed order. */
async function checksums(url: string): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = (
      await c.query<{ t: string }>(
        `select tablename as t from pg_tables where schemaname = current_schema() order by 1`,
      )
    ).rows.map((r) => r.t);
    const out: Record<string, string> = {};
    for (const t of tables) {
      out[t] = (
        await c.query<{ h: string }>(
          `select md5(coalesce(string_agg(j, '|' order by j), '')) as h from (select to_jsonb(x)::text as j from "${t}" x) s`,
        )
      ).rows[0]!.h;
    }
    return out;
  } finally {
    await c.end();
  }
}

describe('backup and restore', () => {
  let source: TestApp;
  let target: TestDatabase;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-backup-test-'));
  const archive = path.join(dir, 'khoi.backup');
  const files = path.join(dir, 'files');

  beforeAll(async () => {
    source = await buildTestApp();
    await importQuangNinh(source.db.db);
    // Bodies reference each other (a line of parents): rows must restore whatever their order in the file.
    const { seedDemoBodies } = await import('../demo/demo.bodies.ts');
    await source.db.db.transaction().execute((trx) => seedDemoBodies(trx));
    await source.db.db.updateTable('bodies').set({ updated_at: new Date() }).where('parent_id', 'is', null).execute();
    await buildAccount(source.ctx, { username: 'nguoi-dung', displayName: 'Người Dùng Thử', isAdmin: true });
    await addVillage(
      {
        app: source.ctx,
        actor: { accountId: null, label: 'test' },
        caller: { canManageVillagesOf: () => Promise.resolve(true), canAdministerCatalogue: () => true },
        lang: 'vi',
      },
      { parentCode: '06712', name: 'Khu Sao Lưu', kind: 'quarter', validFrom: '2025-08-01' },
    );
    fs.mkdirSync(path.join(files, 'ab'), { recursive: true });
    fs.writeFileSync(path.join(files, 'ab', 'anh-the.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    // Work: programmes, tasks (subtasks point at their parents), briefings, and a task's evidence file.
    const { seedDemoWork } = await import('../demo/demo.work.ts');
    await source.db.db
      .transaction()
      .execute((trx) => seedDemoWork(trx, { accountId: null, label: 'test' }, '2026-03-02'));
    const file = await source.db.db
      .insertInto('files')
      .values({
        storage_key: 'ab/anh-the.jpg',
        filename: 'ảnh minh chứng.jpg',
        content_type: 'image/jpeg',
        size_bytes: 7,
        sha256: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const task = await source.db.db.selectFrom('tasks').select('id').limit(1).executeTakeFirstOrThrow();
    await source.db.db.insertInto('task_files').values({ task_id: task.id, file_id: file.id }).execute();
    target = await createTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await source?.app.close();
    await source?.db.drop();
    await target?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores every row identically, with the stored files, and refuses a non-empty target unless told to replace', async () => {
    const manifest = await backup(source.db.url, archive, { filesDir: files });
    expect(manifest.tables.find((t) => t.name === 'units')!.rows).toBeGreaterThan(244);
    expect(manifest.files).toBeGreaterThan(0);
    expect(manifest.tables.find((t) => t.name === 'tasks')!.rows).toBeGreaterThan(20);
    expect(manifest.tables.find((t) => t.name === 'task_files')!.rows).toBe(1);
    expect(manifest.tables.some((t) => t.name.startsWith('pgboss') || t.name === 'job')).toBe(false);
    await target.close();
    const restoredFiles = path.join(dir, 'restored-files');
    await restore(target.url, archive, { filesDir: restoredFiles });
    expect(await checksums(target.url)).toEqual(await checksums(source.db.url));
    expect(fs.readFileSync(path.join(restoredFiles, 'ab', 'anh-the.jpg'))).toEqual(
      fs.readFileSync(path.join(files, 'ab', 'anh-the.jpg')),
    );

    await expect(restore(target.url, archive)).rejects.toThrow(/not empty.*--replace/);
    await restore(target.url, archive, { replace: true });
    expect(await checksums(target.url)).toEqual(await checksums(source.db.url));

    // New rows after a restore get fresh identity values (no collision with restored ones).
    const c = new pg.Client({ connectionString: target.url });
    await c.connect();
    await c.query(`insert into units (level) values (4)`);
    await c.query(`insert into audit_log (action) values ('test')`);
    await c.end();
  }, 120_000);

  it('refuses a backup of a newer schema and a file that is not a backup', async () => {
    const tar = await import('tar');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-newer-'));
    fs.writeFileSync(
      path.join(work, 'manifest.json'),
      JSON.stringify({
        format: 'khoi-backup',
        formatVersion: 1,
        schemaVersion: '9999_future',
        createdAt: '',
        tables: [],
        files: 0,
      }),
    );
    const newer = path.join(dir, 'newer.backup');
    await tar.create({ gzip: true, file: newer, cwd: work }, ['manifest.json']);
    const empty = await createTestDatabase();
    try {
      await expect(restore(empty.url, newer)).rejects.toThrow(/newer Khối/);
      const junk = path.join(dir, 'junk.backup');
      fs.writeFileSync(junk, 'not an archive');
      await expect(restore(empty.url, junk)).rejects.toThrow(/not a Khối backup/);
    } finally {
      await empty.drop();
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
