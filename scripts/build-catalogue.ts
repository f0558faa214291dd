/**
 * Builds Khối's built-in national catalogue of administrative units from the public files in
 * ../shared/data/admin-units/ (see its README): two dated snapshots of the three-level tree
 * (2024-09-01, 2025-03-01) and the 2025-07-01 reform with its full/partial merge links.
 *
 * Output: server/features/units/catalogue/catalogue.json.gz, our own compact format:
 *   { snapshots: [{ date, effective, units: [level, code, name, type, parentCode][] }],
 *     reform: { date, units: [level, code, name, parentCode, [oldLevel, oldCode, 'full'|'partial'][]][] } }
 * Run: npx tsx scripts/build-catalogue.ts [sourceDir]
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type L3 = { level3_id: string; name: string; type: string };
type L2 = { level2_id: string; name: string; type: string; level3s: L3[] };
type L1 = { level1_id: string; name: string; type: string; level2s: L2[] };
type Merge = { old_id: string; name: string; type: 'full' | 'partial' };
type NewL2 = { level2_id: string; name: string; merges: Merge[] };
type NewL1 = { level1_id: string; name: string; merges: Merge[]; level2s: NewL2[] };

const src = path.resolve(process.argv[2] ?? '../shared/data/admin-units');
const out = path.resolve('server/features/units/catalogue/catalogue.json.gz');

function read<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(src, file), 'utf8')) as T;
}

function snapshot(file: string) {
  const data = read<{ data: L1[] }>(file).data;
  const units: [number, string, string, string, string | null][] = [];
  for (const p of data) {
    units.push([1, p.level1_id, p.name.normalize('NFC'), p.type, null]);
    for (const d of p.level2s) {
      units.push([2, d.level2_id, d.name.normalize('NFC'), d.type, p.level1_id]);
      for (const c of d.level3s) units.push([3, c.level3_id, c.name.normalize('NFC'), c.type, d.level2_id]);
    }
  }
  return units;
}

const s1 = snapshot('units-2024-09-01.json');
const s2 = snapshot('units-2025-03-01.json');
const merges = read<{ data: NewL1[] }>('merges-2025-07-01.json').data;

// Old codes are resolved to their level from the 2025-03-01 snapshot: 2 digits a province, 3 a district, 5 a commune.
const oldLevel = (code: string) => (code.length === 2 ? 1 : code.length === 3 ? 2 : 3);
const reform: [number, string, string, string | null, [number, string, string][]][] = [];
for (const p of merges) {
  reform.push([
    1,
    p.level1_id,
    p.name.normalize('NFC'),
    null,
    p.merges.map((m) => [oldLevel(m.old_id), m.old_id, m.type]),
  ]);
  for (const c of p.level2s)
    reform.push([
      3,
      c.level2_id,
      c.name.normalize('NFC'),
      p.level1_id,
      c.merges.map((m) => [oldLevel(m.old_id), m.old_id, m.type]),
    ]);
}

const catalogue = {
  source:
    'General Statistics Office unit lists (via daohoangson/dvhcvn) and the 2025-07-01 mapping (dvhcvn/20250701, MIT)',
  snapshots: [
    // The first snapshot says what was in force on its date, not since when: its versions have an open start.
    { date: '2024-09-01', openStart: true, effective: {}, units: s1 },
    // Changes between the two snapshots took effect on 2024-11-01 in Quảng Ninh, 2025-01-01 elsewhere.
    { date: '2025-03-01', openStart: false, effective: { '22': '2024-11-01', default: '2025-01-01' }, units: s2 },
  ],
  reform: { date: '2025-07-01', units: reform },
};
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, zlib.gzipSync(JSON.stringify(catalogue), { level: 9 }));
console.log(
  `Wrote ${path.relative(process.cwd(), out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KiB): ${s1.length} + ${s2.length} snapshot units, ${reform.length} reform units.`,
);
