import type { Trx } from '../../db/tx.ts';
import { unitByCode, unitChildren } from '../units/index.ts';
import * as repo from './demo.repository.ts';

const ORGS: [kind: string, prefix: string][] = [
  ['front', 'Ủy ban MTTQ'],
  ['womens_union', 'Hội LHPN'],
  ['youth_union', 'Đoàn Thanh niên'],
  ['farmers_union', 'Hội Nông dân'],
  ['veterans', 'Hội Cựu chiến binh'],
  ['labour_federation', 'Liên đoàn Lao động'],
];

type Made = Map<string, string>; // key → body id

async function body(
  trx: Trx,
  made: Made,
  key: string,
  v: {
    unitCode: string;
    asOf: string;
    kind: string;
    name: string;
    shortName?: string;
    parentKey?: string;
    validFrom?: string | null;
    validTo?: string | null;
  },
) {
  const unit = await unitByCode(trx, v.unitCode, v.asOf);
  if (!unit) throw new Error(`demo: no unit ${v.unitCode} on ${v.asOf}`);
  const existing = await repo.bodyOfUnitNamed(trx, unit.unit_id, v.name);
  if (existing) {
    made.set(key, existing.id);
    return existing.id;
  }
  const id = await repo.insertBody(trx, {
    unit_id: unit.unit_id,
    kind: v.kind,
    name: v.name,
    short_name: v.shortName ?? null,
    parent_id: v.parentKey ? made.get(v.parentKey)! : null,
    valid_from: v.validFrom ?? null,
    valid_to: v.validTo ?? null,
  });
  made.set(key, id);
  return id;
}

/** The Front committee of a ward or commune that exists from 1/7/2025 (key `<code>:new-front`), under the
 * province's; returns the unit as of that day. */
async function successorFront(trx: Trx, made: Made, code: string) {
  const u = (await unitByCode(trx, code, '2025-07-01'))!;
  await body(trx, made, `${code}:new-front`, {
    unitCode: code,
    asOf: '2025-07-01',
    kind: 'front',
    name: `Ủy ban MTTQ ${u.name}`,
    parentKey: '22:front',
    validFrom: '2025-07-01',
  });
  return u;
}

/** Bodies of the demo: Quảng Ninh province; Móng Cái and Quảng Yên with their bloc offices until the district
 * level ended (30/06/2025); the wards and communes that succeeded them, with their Front committees; the
 * mobilisation blocs of Móng Cái's communes before the reform. Idempotent. */
export async function seedDemoBodies(trx: Trx): Promise<number> {
  const before = await repo.countBodies(trx);
  const made: Made = new Map();
  const P = { unitCode: '22', asOf: '2024-01-01' };
  for (const [kind, prefix] of ORGS)
    await body(trx, made, `22:${kind}`, { ...P, kind, name: `${prefix} tỉnh Quảng Ninh` });
  await body(trx, made, '22:party', { ...P, kind: 'party_committee', name: 'Tỉnh ủy Quảng Ninh' });
  await body(trx, made, '22:bdv', {
    ...P,
    kind: 'mobilisation_board',
    name: 'Ban Dân vận Tỉnh ủy Quảng Ninh',
    parentKey: '22:party',
  });
  await body(trx, made, '22:ubnd', { ...P, kind: 'peoples_committee', name: 'UBND tỉnh Quảng Ninh' });
  await body(trx, made, '22:hdnd', { ...P, kind: 'peoples_council', name: 'HĐND tỉnh Quảng Ninh' });

  // The two cities' bodies, ended with the district level on 1/7/2025 (their last day 30/06/2025).
  for (const [code, city, short] of [
    ['194', 'thành phố Móng Cái', 'TP Móng Cái'],
    ['206', 'thị xã Quảng Yên', 'TX Quảng Yên'],
  ] as const) {
    const D = { unitCode: code, asOf: '2024-01-01', validTo: '2025-07-01' };
    for (const [kind, prefix] of ORGS)
      await body(trx, made, `${code}:${kind}`, { ...D, kind, name: `${prefix} ${city}`, parentKey: `22:${kind}` });
    await body(trx, made, `${code}:office`, {
      ...D,
      kind: 'bloc_office',
      name: `Cơ quan Khối MTTQ và các đoàn thể CT-XH ${short}`,
      shortName: `Cơ quan Khối ${short}`,
      validFrom: '2015-07-01',
    });
    await body(trx, made, `${code}:party`, {
      ...D,
      kind: 'party_committee',
      name: `${code === '194' ? 'Thành ủy Móng Cái' : 'Thị ủy Quảng Yên'}`,
      parentKey: '22:party',
    });
    await body(trx, made, `${code}:bdv`, {
      ...D,
      kind: 'mobilisation_board',
      name: `Ban Dân vận ${code === '194' ? 'Thành ủy Móng Cái' : 'Thị ủy Quảng Yên'}`,
      parentKey: `${code}:party`,
    });
    await body(trx, made, `${code}:ubnd`, { ...D, kind: 'peoples_committee', name: `UBND ${city}` });
  }
  await body(trx, made, '194:sub-propaganda', {
    unitCode: '194',
    asOf: '2024-01-01',
    validTo: '2025-07-01',
    kind: 'subcommittee',
    name: 'Tiểu ban Tuyên truyền, Cơ quan Khối TP Móng Cái',
    parentKey: '194:office',
    validFrom: '2015-07-01',
  });

  // Mobilisation blocs of Móng Cái's communes and wards before the reform.
  const communes = await unitChildren(trx, (await unitByCode(trx, '194', '2024-01-01'))!.unit_id, '2024-01-01');
  for (const c of communes) {
    await body(trx, made, `${c.code}:bloc`, {
      unitCode: c.code!,
      asOf: '2024-01-01',
      kind: 'commune_bloc',
      name: `Khối dân vận ${c.name}`,
      validTo: c.valid_to ?? '2025-07-01',
    });
    await body(trx, made, `${c.code}:front`, {
      unitCode: c.code!,
      asOf: '2024-01-01',
      kind: 'front',
      name: `Ủy ban MTTQ ${c.name}`,
      parentKey: '194:front',
      validTo: c.valid_to ?? '2025-07-01',
    });
  }

  // The successor wards and communes from 1/7/2025, with their Front committees and organisations.
  const successors = ['06712', '06709', '06736', '06724', '06733', '06757'];
  for (const code of successors) {
    const u = await successorFront(trx, made, code);
    await body(trx, made, `${code}:new-women`, {
      unitCode: code,
      asOf: '2025-07-01',
      kind: 'womens_union',
      name: `Hội LHPN ${u.name}`,
      parentKey: '22:womens_union',
      validFrom: '2025-07-01',
    });
    await body(trx, made, `${code}:new-party`, {
      unitCode: code,
      asOf: '2025-07-01',
      kind: 'party_committee',
      name: `Đảng ủy ${u.name}`,
      parentKey: '22:party',
      validFrom: '2025-07-01',
    });
  }
  // Quảng Yên's successor wards and their Front committees; the town bloc office names them.
  const qySuccessors = ['07132', '07135', '07147', '07168', '07180', '07183'];
  for (const code of qySuccessors) {
    await successorFront(trx, made, code);
    await repo.linkBodies(trx, made.get('206:office')!, made.get(`${code}:new-front`)!, '2025-07-01');
  }
  // Residential areas get a Front work committee (Ban công tác Mặt trận) after the reform.
  const mc1 = (await unitByCode(trx, '06712', '2025-07-01'))!;
  for (const v of await unitChildren(trx, mc1.unit_id, '2025-07-01')) {
    await body(trx, made, `${v.code}:bctmt`, {
      unitCode: v.code!,
      asOf: '2025-07-01',
      kind: 'front_work_committee',
      name: `Ban công tác Mặt trận ${v.name}`,
      parentKey: '06712:new-front',
      validFrom: '2025-07-01',
    });
  }
  // The city bloc office names its successors: the Front committees of the six new units.
  for (const code of successors) {
    await repo.linkBodies(trx, made.get('194:office')!, made.get(`${code}:new-front`)!, '2025-07-01');
  }
  return (await repo.countBodies(trx)) - before;
}
