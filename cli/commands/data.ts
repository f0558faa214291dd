import type { Command } from 'commander';
import { isoDate } from '../../server/http/schemas.ts';
import { importCatalogue, type ImportCounts } from '../../server/features/units/index.ts';
import { loadBuiltInCatalogue } from '../../server/features/units/index.ts';
import { readSnapshotFile } from '../../server/features/units/index.ts';
import { seedDemo } from '../../server/features/demo/index.ts';
import { UPLOAD_LIMITS } from '../../server/uploads/upload.limits.ts';
import { cliActor, withCliContext } from '../context.ts';

export function printCounts(c: ImportCounts): void {
  console.log(`Units:    ${c.units.added} added, ${c.units.changed} changed, ${c.units.unchanged} unchanged`);
  console.log(
    `Versions: ${c.versions.added} added, ${c.versions.changed} changed, ${c.versions.removed} removed, ${c.versions.unchanged} unchanged`,
  );
  console.log(
    `Links:    ${c.links.added} added, ${c.links.changed} changed, ${c.links.removed} removed, ${c.links.unchanged} unchanged`,
  );
  if (c.pending.added) console.log(`Endings without a successor, listed for an administrator: ${c.pending.added}`);
  if (c.villagesMoved || c.villagesWaiting)
    console.log(`Villages: ${c.villagesMoved} followed their merged commune, ${c.villagesWaiting} wait to be placed`);
}

export function registerDataCommands(program: Command): void {
  const imp = program.command('import').description('import reference data');
  imp
    .command('units')
    .description(
      'import the national catalogue of administrative units (built in), or a newer snapshot file with its date',
    )
    .argument('[file]', 'a snapshot JSON file (General Statistics Office / dvhcvn shape)')
    .option('--date <YYYY-MM-DD>', 'the date the snapshot file took effect (required with a file)')
    .option('--province <code...>', 'only these provinces (by code)')
    .action(async (file: string | undefined, o: { date?: string; province?: string[] }) => {
      const catalogue = loadBuiltInCatalogue();
      if (file) {
        if (!o.date) throw new Error('A snapshot file needs its date: --date YYYY-MM-DD');
        const date = isoDate.parse(o.date);
        const last = [...catalogue.snapshots.map((s) => s.date), catalogue.reform?.date ?? ''].sort().pop()!;
        if (date <= last)
          throw new Error(`The snapshot date ${date} must be after the built-in catalogue's last date (${last}).`);
        catalogue.snapshots.push(readSnapshotFile(file, date));
      }
      const started = Date.now();
      const counts = await withCliContext((ctx) =>
        importCatalogue(ctx.db, cliActor, catalogue, { provinces: o.province }),
      );
      printCounts(counts);
      console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    });

  program
    .command('seed')
    .description('load demo data (Quảng Ninh: Móng Cái and Quảng Yên)')
    .option('--demo', 'the demo data set')
    .option('--force', 'also on an external database (DATABASE_URL)')
    .action(async (o: { demo?: boolean; force?: boolean }) => {
      if (!o.demo) throw new Error('Say which data: khoi seed --demo');
      if (process.env.DATABASE_URL && !o.force)
        throw new Error('DATABASE_URL is set: demo data goes into an external database only with --force.');
      const r = await withCliContext((ctx) => seedDemo(ctx, cliActor, { password: ctx.env.KHOI_DEMO_PASSWORD }));
      printCounts(r.catalogue);
      console.log(
        `Demo villages added: ${r.villagesAdded}; bodies added: ${r.bodiesAdded}; people added: ${r.peopleAdded}; accounts added: ${r.accountsAdded}; tasks added: ${r.tasksAdded}.`,
      );
      if (r.password)
        console.log(
          `Demo accounts (admin@khoi.local, mongcai@khoi.local, quangyen@khoi.local, canbo@khoi.local, baocao@khoi.local) password: ${process.env.KHOI_DEMO_PASSWORD ? '(KHOI_DEMO_PASSWORD)' : r.password}`,
        );
    });
}

export function registerRegisterImports(program: Command): void {
  const imp = program.commands.find((c) => c.name() === 'import')!;
  for (const [what, description] of [
    ['bodies', 'import bodies from CSV/XLSX (columns: Mã đơn vị, Loại, Tên, Tên viết tắt, Tổ chức cấp trên, Từ ngày)'],
    [
      'people',
      'import people and their positions from CSV/XLSX (columns: Họ và tên, Giới tính, Điện thoại, Email, Tổ chức, Chức vụ, Từ ngày, Đến ngày, Quyền, Kiêm nhiệm)',
    ],
  ] as const) {
    imp
      .command(what)
      .description(description)
      .argument('<file>', 'a .csv (UTF-8 or Windows-1258) or .xlsx file')
      .action(async (file: string) => {
        const fs = await import('node:fs');
        const { importBodies, importPeople } = await import('../../server/features/people/index.ts');
        let data: Buffer;
        try {
          // At most one byte past the size limit is read: a larger file is refused as an upload would be.
          const buf = Buffer.alloc(UPLOAD_LIMITS.fileBytes + 1);
          const fd = fs.openSync(file, 'r');
          try {
            data = buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0));
          } finally {
            fs.closeSync(fd);
          }
        } catch (err) {
          throw new Error(`Cannot read ${file}: ${(err as Error).message}`);
        }
        const rows = await withCliContext((ctx) =>
          (what === 'bodies' ? importBodies : importPeople)(ctx, cliActor, 'en', { data, filename: file }),
        );
        for (const r of rows)
          console.log(`row ${r.row}: ${r.status}${r.name ? ` — ${r.name}` : ''}${r.message ? ` — ${r.message}` : ''}`);
        const count = (s: string) => rows.filter((r) => r.status === s).length;
        console.log(`${count('added')} added, ${count('unchanged')} unchanged, ${count('refused')} refused.`);
        if (count('refused') > 0) process.exitCode = 1;
      });
  }
}
