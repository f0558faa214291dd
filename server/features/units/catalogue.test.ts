import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { importCatalogue } from './catalogue.import.ts';
import { loadBuiltInCatalogue, planCatalogue } from './catalogue.plan.ts';
import * as repo from './units.repository.ts';
import { nameKey } from '../../i18n/names.ts';

const actor = { accountId: null, label: 'test' };

describe('the national catalogue, imported for Quảng Ninh', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await importCatalogue(db.db, actor, loadBuiltInCatalogue(), { provinces: ['22'] });
  }, 120_000);
  afterAll(async () => db?.drop());

  const childrenOf = async (code: string, asOf: string) => {
    const parent = await repo.findByCode(db.db, code, asOf);
    expect(parent, `${code} on ${asOf}`).toBeDefined();
    return repo.children(db.db, parent!.unit_id, asOf);
  };

  it('Móng Cái has 17 wards and communes before 1/11/2024 (Hoà Lạc included), 16 after', async () => {
    const before = await childrenOf('194', '2024-10-31');
    expect(before).toHaveLength(17);
    expect(before.map((u) => u.name)).toContain('Phường Hoà Lạc');
    const after = await childrenOf('194', '2024-11-01');
    expect(after).toHaveLength(16);
    expect(after.map((u) => u.name)).not.toContain('Phường Hoà Lạc');
  });

  it('finds the units of 2021 through the open start of the first snapshot', async () => {
    expect(await childrenOf('194', '2021-06-30')).toHaveLength(17);
    expect((await repo.findByCode(db.db, '194', '2021-06-30'))!.name).toBe('Thành phố Móng Cái');
  });

  it('on 1/7/2025 the district level is gone and Móng Cái’s 16 units are 6, each with its sources', async () => {
    expect(await repo.findByCode(db.db, '194', '2025-07-01')).toBeUndefined();
    const qn = await childrenOf('22', '2025-07-01');
    expect(qn.every((u) => u.level === 3)).toBe(true);
    const names = qn.map((u) => u.name);
    for (const n of [
      'Phường Móng Cái 1',
      'Phường Móng Cái 2',
      'Phường Móng Cái 3',
      'Xã Hải Sơn',
      'Xã Hải Ninh',
      'Xã Vĩnh Thực',
    ])
      expect(names).toContain(n);
    const mc1 = (await repo.findByCode(db.db, '06712', '2025-07-01'))!;
    const sources = await repo.links(db.db, mc1.unit_id);
    expect(
      sources
        .filter((l) => l.direction === 'from')
        .map((l) => l.name)
        .sort(),
    ).toEqual(['Phường Bình Ngọc', 'Phường Hải Hoà', 'Phường Trà Cổ', 'Phường Trần Phú', 'Xã Hải Xuân']);
    expect(sources.every((l) => l.type === 'full' && l.link_date === '2025-07-01')).toBe(true);
  });

  it('a reused code names the unit of the date asked', async () => {
    expect((await repo.findByCode(db.db, '06709', '2025-06-30'))!.name).toBe('Phường Ka Long');
    expect((await repo.findByCode(db.db, '06709', '2025-07-01'))!.name).toBe('Phường Móng Cái 2');
    const kaLong = (await repo.findByCode(db.db, '06709', '2025-06-30'))!;
    const mc2 = (await repo.findByCode(db.db, '06709', '2025-07-01'))!;
    expect(kaLong.unit_id).not.toBe(mc2.unit_id);
    const after = await repo.links(db.db, kaLong.unit_id);
    expect(after).toEqual([
      expect.objectContaining({ direction: 'to', code: '06709', name: 'Phường Móng Cái 2', type: 'full' }),
    ]);
  });

  it('Quảng Ninh (22) is one unit across the reform', async () => {
    const before = await repo.findByCode(db.db, '22', '2025-06-30');
    const after = await repo.findByCode(db.db, '22', '2025-07-01');
    expect(before!.unit_id).toBe(after!.unit_id);
    expect(await repo.links(db.db, after!.unit_id)).toEqual([]);
    const history = await repo.history(db.db, after!.unit_id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ valid_from: null, valid_to: null, name: 'Tỉnh Quảng Ninh' });
  });

  it('Xã Liên Hòa of Quảng Yên went partly to two units', async () => {
    const lienHoa = (
      await repo.search(db.db, { folded: 'lien hoa', raw: 'liên hòa', asOf: '2025-06-30', limit: 10 })
    ).find((u) => u.name === 'Xã Liên Hòa');
    expect(lienHoa).toBeDefined();
    const to = await repo.links(db.db, lienHoa!.unit_id);
    expect(to.length).toBe(2);
    expect(to.every((l) => l.type === 'partial' && l.direction === 'to')).toBe(true);
  });

  it('lists endings without a successor for an administrator (Hoà Lạc), not the abolished districts', async () => {
    const pending = await repo.pending(db.db);
    const names = pending.filter((p) => p.reason === 'unlinked_ending').map((p) => p.name);
    expect(names).toContain('Phường Hoà Lạc');
    expect(names).not.toContain('Thành phố Móng Cái');
  });

  it('searches without diacritics as a phrase, exact diacritics first', async () => {
    const r = await repo.search(db.db, { folded: 'mong cai 1', raw: 'mong cai 1', asOf: '2025-07-01', limit: 10 });
    expect(r[0]!.name).toBe('Phường Móng Cái 1');
    const hs = await repo.search(db.db, { folded: 'hai son', raw: 'hai son', asOf: '2025-07-01', limit: 10 });
    expect(hs.map((u) => u.name)).toContain('Xã Hải Sơn');
    const byCode = await repo.search(db.db, { folded: '06709', raw: '06709', asOf: '2025-07-01', limit: 10 });
    expect(byCode[0]!.name).toBe('Phường Móng Cái 2');
  });

  it('importing again changes nothing', async () => {
    const again = await importCatalogue(db.db, actor, loadBuiltInCatalogue(), { provinces: ['22'] });
    expect(again.units.added).toBe(0);
    expect(again.units.changed).toBe(0);
    expect(again.versions.added + again.versions.changed + again.versions.removed).toBe(0);
    expect(again.links.added + again.links.changed + again.links.removed).toBe(0);
    expect(again.links.unchanged).toBeGreaterThan(100);
  });
});

describe('the catalogue plan for the whole country', () => {
  const plan = planCatalogue(loadBuiltInCatalogue());

  it('links the island districts as full sources of the special zones', () => {
    for (const code of ['318', '471', '498', '536', '755']) {
      const l = plan.links.filter((x) => x.fromKey === `2:${code}`);
      expect(l, code).toHaveLength(1);
      expect(l[0]!.type).toBe('full');
    }
  });

  it('keeps a unit whose only source is itself (same code, full) as one unit', () => {
    const provinces = [...plan.units.keys()].filter((k) => k.startsWith('1:') && k.includes('@2025-07-01'));
    expect(provinces).toHaveLength(34 - 11);
    expect(plan.links.filter((l) => l.type === 'partial').length).toBeGreaterThan(1000);
  });

  it('matches names across tone-mark placement', () => {
    expect(nameKey('Phường Hoà Lạc')).toBe(nameKey('Phường Hòa Lạc'));
    expect(nameKey('Xã Liên Hoà')).toBe(nameKey('XÃ LIÊN HÒA'));
    expect(nameKey('Hòa')).not.toBe(nameKey('Hóa'));
    expect(nameKey('Thuỷ')).toBe(nameKey('Thủy'));
  });
});

describe('importing the whole country after the demo, and a newer snapshot', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  }, 60_000);
  afterAll(async () => db?.drop());

  it('a full import after the Quảng Ninh demo import reports Quảng Ninh unchanged', async () => {
    const qn = await importCatalogue(db.db, actor, loadBuiltInCatalogue(), { provinces: ['22'] });
    const all = await importCatalogue(db.db, actor, loadBuiltInCatalogue());
    expect(all.units.unchanged).toBe(qn.units.added);
    expect(all.units.changed).toBe(0);
    expect(all.versions.unchanged).toBe(qn.versions.added);
    expect(all.links.unchanged).toBe(qn.links.added);
    expect(all.units.added).toBeGreaterThan(14_000);
    expect((await repo.children(db.db, null, '2025-06-30')).length).toBe(63);
    expect((await repo.children(db.db, null, '2025-07-01')).length).toBe(34);
  }, 120_000);

  it('imports a newer two-level snapshot: a renamed commune gets a new version from its date', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { readSnapshotFile } = await import('./snapshot.read.ts');
    const cat = loadBuiltInCatalogue();
    const qn = cat.reform!.units.filter((u) => (u[0] === 1 ? u[1] === '22' : u[3] === '22'));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'khoi-snap-')), 'units-2026-01-01.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        data: [
          {
            level1_id: '22',
            name: 'Tỉnh Quảng Ninh',
            level2s: qn
              .filter((u) => u[0] === 3)
              .map((u) => ({ level2_id: u[1], name: u[1] === '06712' ? 'Phường Móng Cái Một' : u[2] })),
          },
        ],
      }),
    );
    cat.snapshots.push(readSnapshotFile(file, '2026-01-01'));
    const counts = await importCatalogue(db.db, actor, cat, { provinces: ['22'] });
    expect(counts.units.changed).toBe(1);
    expect(counts.versions.added).toBe(1);
    expect(counts.versions.changed).toBe(1);
    expect((await repo.findByCode(db.db, '06712', '2025-12-31'))!.name).toBe('Phường Móng Cái 1');
    expect((await repo.findByCode(db.db, '06712', '2026-01-01'))!.name).toBe('Phường Móng Cái Một');
    const again = await importCatalogue(db.db, actor, cat, { provinces: ['22'] });
    expect(again.versions.added + again.versions.changed + again.versions.removed).toBe(0);
  }, 120_000);
});
