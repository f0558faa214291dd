import { beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, useTestApp, type Session } from '../../../test/app.ts';
import { buildAccount, PASSWORD } from '../../../test/factories.ts';
import { importQuangNinh } from '../../../test/units-fixture.ts';
import { crossTo, sourcesOf, sourcesOfMany, successorsOf } from './units.crossing.service.ts';
import * as repo from './units.repository.ts';

type Link = { direction: string; id: string; code: string | null; name: string; type: string; date: string };
type Counterpart = Omit<Link, 'direction'> & { through: { code: string | null; name: string }[] };

const MONG_CAI_SUCCESSORS = [
  'Phường Móng Cái 1',
  'Phường Móng Cái 2',
  'Phường Móng Cái 3',
  'Xã Hải Ninh',
  'Xã Hải Sơn',
  'Xã Vĩnh Thực',
];
const MONG_CAI_1_SOURCES = ['Phường Bình Ngọc', 'Phường Hải Hoà', 'Phường Trà Cổ', 'Phường Trần Phú', 'Xã Hải Xuân'];

describe('units across the 2025-07-01 reform', () => {
  const t = useTestApp({ start: '2026-03-02T02:00:00Z' });
  let officer: Session;
  beforeAll(async () => {
    const { app, ctx, db } = t();
    await importQuangNinh(db.db);
    officer = await signIn(app, (await buildAccount(ctx)).username, PASSWORD);
  }, 120_000);

  const get = (url: string) => call(t().app, { url, session: officer });

  it('a commune that kept its code as the same unit has a `same` link each way, from its versions', async () => {
    // Xã Cái Chiên (06967) went from Huyện Hải Hà to the province as itself: two versions of one unit.
    const before = await get('/api/units/06967/links?asOf=2025-06-30');
    expect(before.statusCode).toBe(200);
    const links = before.json<Link[]>();
    const unitId = (await get('/api/units/06967?asOf=2025-06-30')).json().unit.id;
    expect(links).toEqual([
      { direction: 'from', id: unitId, code: '06967', name: 'Xã Cái Chiên', type: 'same', date: '2025-07-01' },
      { direction: 'to', id: unitId, code: '06967', name: 'Xã Cái Chiên', type: 'same', date: '2025-07-01' },
    ]);
    // The same answer whichever date the code is read on, and on the unit page too.
    expect((await get('/api/units/06967/links?asOf=2025-07-01')).json()).toEqual(links);
    const detail = (await get('/api/units/06967?asOf=2025-07-01')).json();
    expect(detail.links).toEqual(links);
    expect(detail.history.map((h: { parentName: string }) => h.parentName)).toEqual([
      'Huyện Hải Hà',
      'Tỉnh Quảng Ninh',
    ]);
    // A unit still in force has no successors; one in force since before the records began, no sources.
    expect(detail.successors).toEqual([]);
    expect(detail.sources).toEqual([]);
    // The continuation is no stored link: merged units keep only their full and partial ones.
    const mc1 = (await get('/api/units/06712/links?asOf=2025-07-01')).json<Link[]>();
    expect(mc1.every((l) => l.type === 'full' && l.direction === 'from')).toBe(true);
  });

  it('the mapping of old units to new follows `same` and `full` alike', async () => {
    const { db } = t();
    const caiChien = (await repo.findByCode(db.db, '06967', '2025-06-30'))!;
    expect(await successorsOf(db.db, caiChien.unit_id, '2025-06-30')).toEqual([
      { id: caiChien.unit_id, code: '06967', name: 'Xã Cái Chiên', type: 'same', date: '2025-07-01', through: [] },
    ]);
    expect(await successorsOf(db.db, caiChien.unit_id, '2025-07-01')).toEqual([]);
    const same = await crossTo(db.db, caiChien.unit_id, '2025-06-30', '2025-07-01');
    expect(same.self?.unit_id).toBe(caiChien.unit_id);
    const traCo = (await repo.findByCode(db.db, '06721', '2025-06-30'))!;
    expect((await successorsOf(db.db, traCo.unit_id, '2025-06-30')).map((s) => [s.name, s.type])).toEqual([
      ['Phường Móng Cái 1', 'full'],
    ]);
  });

  it('an abolished district, with no links of its own, shows the successors of its communes', async () => {
    const detail = (await get('/api/units/194?asOf=2025-06-30')).json();
    expect(detail.links).toEqual([]);
    const successors = detail.successors as Counterpart[];
    expect(successors.map((s) => s.name)).toEqual(MONG_CAI_SUCCESSORS);
    expect(successors.every((s) => s.type === 'partial' && s.date === '2025-07-01')).toBe(true);
    const mc1 = successors.find((s) => s.name === 'Phường Móng Cái 1')!;
    expect(mc1.code).toBe('06712');
    expect(mc1.through.map((c) => c.name).sort()).toEqual(MONG_CAI_1_SOURCES);
    // Each successor opens on the day of the change.
    expect((await get(`/api/units/${mc1.code}?asOf=${mc1.date}`)).json().unit.id).toBe(mc1.id);
  });

  it('a new commune shows its sources, each opening on the day before it ended', async () => {
    const detail = (await get('/api/units/06712?asOf=2025-07-01')).json();
    const sources = detail.sources as Counterpart[];
    expect(sources.map((s) => s.name)).toEqual(MONG_CAI_1_SOURCES);
    expect(sources.every((s) => s.type === 'full' && s.date === '2025-07-01' && s.through.length === 0)).toBe(true);
    const traCo = sources.find((s) => s.name === 'Phường Trà Cổ')!;
    expect((await get(`/api/units/${traCo.code}?asOf=2025-06-30`)).json().unit.id).toBe(traCo.id);
    const { db } = t();
    const mc1 = (await repo.findByCode(db.db, '06712', '2025-07-01'))!;
    expect((await sourcesOf(db.db, mc1.unit_id, '2025-07-01')).map((s) => s.name)).toEqual(MONG_CAI_1_SOURCES);
  });

  it('finds the sources of many units at once as it finds each one’s', async () => {
    const { db } = t();
    const asked = (
      await db.db
        .selectFrom('unit_tree')
        .select('unit_id')
        .where('level', '<=', 3)
        .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', '2025-07-01')]))
        .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', '2025-07-01')]))
        .execute()
    ).map((u) => ({ id: u.unit_id, day: '2025-07-01' }));
    const many = await sourcesOfMany(db.db, asked);
    let found = 0;
    for (const u of asked) {
      const one = await sourcesOf(db.db, u.id, u.day);
      expect(many.get(`${u.id}@${u.day}`) ?? []).toEqual(one);
      if (one.length) found++;
    }
    expect(found).toBeGreaterThan(5);
  });

  it('walks a unit across the date: its successors forward, its sources back, itself when in force', async () => {
    const forward = await get('/api/units/194/across?asOf=2025-06-30&date=2025-07-01');
    expect(forward.statusCode).toBe(200);
    expect(forward.json()).toMatchObject({
      unit: { code: '194', name: 'Thành phố Móng Cái' },
      date: '2025-07-01',
      self: null,
      direction: 'successors',
      changed: '2025-07-01',
    });
    const units = forward.json().units as { name: string; ancestors: { code: string; name: string }[] }[];
    expect(units.map((u) => u.name)).toEqual(MONG_CAI_SUCCESSORS);
    expect(units[0]!.ancestors).toEqual([{ code: '22', name: 'Tỉnh Quảng Ninh' }]);

    // A reused code: 06709 was Phường Ka Long; on 1/7/2025 it names its successor, a different unit.
    const kaLong = (await get('/api/units/06709/across?asOf=2025-06-30&date=2026-01-01')).json();
    expect(kaLong).toMatchObject({ self: null, direction: 'successors', changed: '2025-07-01' });
    expect(kaLong.units.map((u: { name: string }) => u.name)).toEqual(['Phường Móng Cái 2']);

    // Back from a new ward: its five sources, as they stood the day before.
    const back = (await get('/api/units/06712/across?asOf=2025-07-01&date=2025-06-30')).json();
    expect(back).toMatchObject({ self: null, direction: 'sources', changed: '2025-07-01' });
    expect(back.units.map((u: { name: string }) => u.name)).toEqual(MONG_CAI_1_SOURCES);
    expect(back.units[0].ancestors.map((a: { name: string }) => a.name)).toEqual([
      'Tỉnh Quảng Ninh',
      'Thành phố Móng Cái',
    ]);
    // Back from a new ward to years before: still its sources (in force since before the records began).
    const longBack = (await get('/api/units/06712/across?asOf=2025-07-01&date=2021-01-01')).json();
    expect(longBack.units.map((u: { name: string }) => u.name)).toEqual(MONG_CAI_1_SOURCES);

    // The same unit on both dates: itself.
    const self = (await get('/api/units/06967/across?asOf=2025-06-30&date=2025-07-01')).json();
    expect(self).toMatchObject({ self: { code: '06967' }, direction: null, units: [] });

    // A ward that ended without a known successor: the trail ends.
    const hoaLac = (await get('/api/units/06718/across?asOf=2024-10-31&date=2025-07-01')).json();
    expect(hoaLac).toMatchObject({ self: null, direction: 'successors', changed: '2024-11-01', units: [] });

    expect((await get('/api/units/194/across?asOf=2025-07-01&date=2025-06-30')).json().error).toMatchObject({
      code: 'NOT_FOUND',
      field: 'code',
    });
    expect((await get('/api/units/194/across?asOf=2025-06-30')).json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'date',
    });
  });
});
