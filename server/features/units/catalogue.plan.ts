/**
 * Turns the catalogue's snapshots and reform mapping into the dated state Khối stores (DESIGN §8):
 * units (by a stable catalogue key), their versions, links and pending decisions. Pure: no database.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { nameKey } from '../../i18n/names.ts';

export type SnapshotUnit = [
  level: number,
  code: string,
  name: string,
  type: string,
  parentCode: string | null,
  parentLevel?: number,
];
export type ReformUnit = [
  level: number,
  code: string,
  name: string,
  parentCode: string | null,
  sources: [number, string, 'full' | 'partial'][],
];
export type Snapshot = { date: string; openStart: boolean; effective: Record<string, string>; units: SnapshotUnit[] };
export type Catalogue = { snapshots: Snapshot[]; reform?: { date: string; units: ReformUnit[] } };

export type PlannedVersion = {
  key: string;
  from: string | null;
  to: string | null;
  code: string;
  name: string;
  kind: string;
  parentKey: string | null;
};
export type PlannedLink = { fromKey: string; toKey: string; type: 'full' | 'partial'; date: string };
export type PlannedPending = { key: string; reason: 'unlinked_ending'; date: string };
export type Plan = {
  units: Map<string, number>;
  versions: PlannedVersion[];
  links: PlannedLink[];
  pending: PlannedPending[];
};

const CATALOGUE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'catalogue', 'catalogue.json.gz');

export function loadBuiltInCatalogue(): Catalogue {
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(CATALOGUE_FILE)).toString('utf8')) as Catalogue;
}

/** Kind codes of the catalogue's type words (unit_kinds.catalogue_type). */
const KIND_BY_TYPE: Record<string, string> = {
  '1:Thành phố Trung ương': 'central_city',
  '1:Tỉnh': 'province',
  '2:Quận': 'urban_district',
  '2:Thành phố': 'provincial_city',
  '2:Thị xã': 'district_town',
  '2:Huyện': 'rural_district',
  '3:Phường': 'ward',
  '3:Thị trấn': 'township',
  '3:Xã': 'commune',
  '3:Đặc khu': 'special_zone',
};

export function kindOf(level: number, type: string): string {
  const k = KIND_BY_TYPE[`${level}:${type}`];
  if (!k) throw new Error(`Unknown unit type "${type}" at level ${level}`);
  return k;
}

/** The reform file names no type: it is the first words of the name. */
export function kindFromName(level: number, name: string): string {
  const prefixes =
    level === 1 ? ['Thành phố Trung ương', 'Thành phố', 'Tỉnh'] : ['Phường', 'Xã', 'Thị trấn', 'Đặc khu'];
  for (const p of prefixes)
    if (name.startsWith(p + ' ')) return kindOf(level, p === 'Thành phố' ? 'Thành phố Trung ương' : p);
  throw new Error(`Cannot tell the kind of "${name}"`);
}

type Open = {
  key: string;
  from: string | null;
  code: string;
  name: string;
  kind: string;
  parentKey: string | null;
  level: number;
  province: string;
};

/** Plans the whole catalogue, optionally only some provinces (by their code, stable for the ones filtered on). */
export function planCatalogue(cat: Catalogue, opts: { provinces?: string[] } = {}): Plan {
  const keep = (province: string) => !opts.provinces || opts.provinces.includes(province);
  const units = new Map<string, number>();
  const versions: PlannedVersion[] = [];
  const links: PlannedLink[] = [];
  const pending: PlannedPending[] = [];
  // The open version of each unit, by catalogue key; and the key of each (level, code) in the current era.
  let open = new Map<string, Open>();
  let byCode = new Map<string, string>();
  const close = (o: Open, to: string) =>
    versions.push({ key: o.key, from: o.from, to, code: o.code, name: o.name, kind: o.kind, parentKey: o.parentKey });

  const snapshotStep = (snap: Snapshot, index: number) => {
    const provinceOf = new Map<string, string>();
    const nextByCode = new Map<string, string>();
    const seen = new Set<string>();
    for (const [level, code, name, type, parentCode, parentLevelGiven] of snap.units) {
      const parentLevel = parentLevelGiven ?? level - 1;
      const province = level === 1 ? code : provinceOf.get(`${parentLevel}:${parentCode}`)!;
      provinceOf.set(`${level}:${code}`, province);
      if (!keep(province)) continue;
      const effective = index === 0 ? null : (snap.effective[province] ?? snap.effective.default ?? snap.date);
      const kind = kindOf(level, type);
      const parentKey = parentCode ? (nextByCode.get(`${parentLevel}:${parentCode}`) ?? null) : null;
      const existingKey = byCode.get(`${level}:${code}`);
      if (existingKey && open.has(existingKey)) {
        const o = open.get(existingKey)!;
        seen.add(existingKey);
        nextByCode.set(`${level}:${code}`, existingKey);
        if (nameKey(o.name) !== nameKey(name) || o.kind !== kind || o.parentKey !== parentKey) {
          close(o, effective!);
          open.set(existingKey, { ...o, from: effective, name, kind, parentKey });
        }
        continue;
      }
      const key = index === 0 ? `${level}:${code}` : `${level}:${code}@${effective}`;
      units.set(key, level);
      seen.add(key);
      nextByCode.set(`${level}:${code}`, key);
      open.set(key, {
        key,
        from: index === 0 && snap.openStart ? null : effective,
        code,
        name,
        kind,
        parentKey,
        level,
        province,
      });
    }
    // Units of the previous snapshot that are gone: they end on their province's effective date, unlinked.
    if (index > 0) {
      for (const [key, o] of open) {
        if (seen.has(key)) continue;
        const date = snap.effective[o.province] ?? snap.effective.default ?? snap.date;
        close(o, date);
        open.delete(key);
        pending.push({ key, reason: 'unlinked_ending', date });
      }
    }
    byCode = nextByCode;
  };

  const reformStep = (reform: NonNullable<Catalogue['reform']>) => {
    const date = reform.date;
    const continued = new Set<string>();
    const nextOpen = new Map<string, Open>();
    const newByCode = new Map<string, string>();
    for (const [level, code, name, parentCode, sources] of reform.units) {
      const province = level === 1 ? code : parentCode!;
      if (!keep(province)) continue;
      const kind = kindFromName(level, name);
      const parentKey = parentCode ? (newByCode.get(`1:${parentCode}`) ?? null) : null;
      const sourceKeys = sources.map(([l, c, type]) => ({ key: byCode.get(`${l}:${c}`), type, code: c, level: l }));
      const only = sourceKeys.length === 1 ? sourceKeys[0]! : null;
      if (
        only &&
        only.type === 'full' &&
        only.code === code &&
        only.level === level &&
        only.key &&
        open.has(only.key)
      ) {
        // The same unit with a new version (Quảng Ninh, 22; 131 communes): identity survives the reform.
        const o = open.get(only.key)!;
        continued.add(only.key);
        newByCode.set(`${level}:${code}`, only.key);
        if (nameKey(o.name) !== nameKey(name) || o.kind !== kind || o.parentKey !== parentKey) {
          close(o, date);
          nextOpen.set(only.key, { ...o, from: date, name, kind, parentKey, province });
        } else nextOpen.set(only.key, o);
        continue;
      }
      const key = `${level}:${code}@${date}`;
      units.set(key, level);
      newByCode.set(`${level}:${code}`, key);
      nextOpen.set(key, { key, from: date, code, name, kind, parentKey, level, province });
      for (const s of sourceKeys) if (s.key) links.push({ fromKey: s.key, toKey: key, type: s.type, date });
    }
    const linkedFrom = new Set(links.map((l) => l.fromKey));
    for (const [key, o] of open) {
      if (continued.has(key)) continue;
      close(o, date);
      // Districts were abolished without successors (DESIGN §8); a commune or province without one is listed.
      if (o.level !== 2 && !linkedFrom.has(key)) pending.push({ key, reason: 'unlinked_ending', date });
    }
    open = nextOpen;
    byCode = newByCode;
  };

  // Snapshots and the reform are applied in date order; a snapshot after the reform continues from it.
  const steps = [
    ...cat.snapshots.map((snap, index) => ({ date: snap.date, run: () => snapshotStep(snap, index) })),
    ...(cat.reform ? [{ date: cat.reform.date, run: () => reformStep(cat.reform!) }] : []),
  ].sort((a, b) => a.date.localeCompare(b.date));
  for (const step of steps) step.run();
  for (const o of open.values())
    versions.push({
      key: o.key,
      from: o.from,
      to: null,
      code: o.code,
      name: o.name,
      kind: o.kind,
      parentKey: o.parentKey,
    });
  return { units, versions, links, pending };
}
