import fs from 'node:fs';
import type { Snapshot, SnapshotUnit } from './catalogue.plan.ts';

type Node = {
  name: string;
  type?: string;
  level1_id?: string;
  level2_id?: string;
  level3_id?: string;
  level2s?: Node[];
  level3s?: Node[];
};

/** Reads a national unit snapshot in the General Statistics Office / dvhcvn JSON shape: three levels
 * (province › district › commune) before the 2025 reform, or two (province › commune) after it. Commune
 * types are taken from the name when the file has none. */
export function readSnapshotFile(file: string, date: string): Snapshot {
  let data: { data?: Node[] };
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8')) as { data?: Node[] };
  } catch (err) {
    throw new Error(`Cannot read ${file}: ${(err as Error).message}`);
  }
  if (!Array.isArray(data.data)) throw new Error(`${file} is not a unit snapshot: it has no "data" list of provinces.`);
  const typeOf = (n: Node, level: number) => {
    if (n.type) return n.type;
    const words = level === 1 ? ['Thành phố Trung ương', 'Thành phố', 'Tỉnh'] : ['Phường', 'Xã', 'Thị trấn', 'Đặc khu'];
    const w = words.find((x) => n.name.startsWith(x + ' '));
    if (!w) throw new Error(`Cannot tell the kind of "${n.name}" in ${file}`);
    return level === 1 && w === 'Thành phố' ? 'Thành phố Trung ương' : w;
  };
  const units: SnapshotUnit[] = [];
  for (const p of data.data) {
    if (!p.level1_id) throw new Error(`${file}: a province without level1_id`);
    units.push([1, p.level1_id, p.name.normalize('NFC'), typeOf(p, 1), null]);
    for (const d of p.level2s ?? []) {
      if (d.level3s) {
        units.push([2, d.level2_id!, d.name.normalize('NFC'), typeOf(d, 2), p.level1_id]);
        for (const c of d.level3s) units.push([3, c.level3_id!, c.name.normalize('NFC'), typeOf(c, 3), d.level2_id!]);
      } else {
        // Two-level file (after 1/7/2025): the level-2 entries are communes directly under the province.
        units.push([3, d.level2_id!, d.name.normalize('NFC'), typeOf(d, 3), p.level1_id, 1]);
      }
    }
  }
  return { date, openStart: false, effective: { default: date }, units };
}
