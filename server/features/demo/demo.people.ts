import type { Trx } from '../../db/tx.ts';
import * as repo from './demo.repository.ts';

type P = {
  name: string;
  gender: 'male' | 'female';
  phone: string;
  positions: [
    bodyName: string,
    title: string,
    from: string | null,
    to: string | null,
    flags?: { acting?: boolean; concurrent?: boolean },
  ][];
};

/** People of the demo with the roles the seeds describe (names invented): the head of the city bloc office who is
 * at once head of the Party's mobilisation board and chair of the Front committee, then after the reform chair of
 * a ward's Front committee; the leaders of the member organisations; a commune officer. Idempotent. */
const PEOPLE: P[] = [
  {
    name: 'Nguyễn Văn Định',
    gender: 'male',
    phone: '0912000001',
    positions: [
      ['Cơ quan Khối MTTQ và các đoàn thể CT-XH TP Móng Cái', 'Trưởng Cơ quan Khối', '2015-07-01', '2025-07-01'],
      ['Ban Dân vận Thành ủy Móng Cái', 'Trưởng Ban Dân vận', '2015-07-01', '2025-07-01', { concurrent: true }],
      ['Ủy ban MTTQ thành phố Móng Cái', 'Chủ tịch', '2015-07-01', '2025-07-01', { concurrent: true }],
      ['Ủy ban MTTQ Phường Móng Cái 1', 'Chủ tịch', '2025-07-01', null],
    ],
  },
  {
    name: 'Trần Thị Hạnh',
    gender: 'female',
    phone: '0912000002',
    positions: [
      ['Hội LHPN thành phố Móng Cái', 'Chủ tịch', '2016-01-01', '2025-07-01'],
      [
        'Cơ quan Khối MTTQ và các đoàn thể CT-XH TP Móng Cái',
        'Phó Trưởng Cơ quan Khối',
        '2016-01-01',
        '2025-07-01',
        { concurrent: true },
      ],
      ['Hội LHPN Phường Móng Cái 1', 'Chủ tịch', '2025-07-01', null],
    ],
  },
  {
    name: 'Lê Văn Bình',
    gender: 'male',
    phone: '0912000003',
    positions: [['Đoàn Thanh niên thành phố Móng Cái', 'Bí thư', '2020-01-01', '2025-07-01']],
  },
  {
    name: 'Phạm Văn Thắng',
    gender: 'male',
    phone: '0912000004',
    positions: [['Hội Cựu chiến binh thành phố Móng Cái', 'Chủ tịch', '2019-01-01', '2025-07-01']],
  },
  {
    name: 'Đỗ Thị Mai',
    gender: 'female',
    phone: '0912000005',
    positions: [['Hội Nông dân thành phố Móng Cái', 'Quyền Chủ tịch', '2024-09-01', '2025-07-01', { acting: true }]],
  },
  {
    name: 'Vũ Thị Lan',
    gender: 'female',
    phone: '0912000006',
    positions: [
      ['Khối dân vận Phường Trà Cổ', 'Trưởng Khối dân vận', '2021-01-01', '2025-07-01'],
      ['Ủy ban MTTQ Phường Móng Cái 1', 'Phó Chủ tịch', '2025-07-01', null],
    ],
  },
  {
    name: 'Hoàng Văn Tư',
    gender: 'male',
    phone: '0912000007',
    positions: [['Ban công tác Mặt trận Khu Hồng Hải', 'Trưởng ban', '2025-07-01', null]],
  },
  {
    name: 'Đặng Văn Hùng',
    gender: 'male',
    phone: '0912000008',
    positions: [
      ['Cơ quan Khối MTTQ và các đoàn thể CT-XH TX Quảng Yên', 'Trưởng Cơ quan Khối', '2016-01-01', '2025-07-01'],
      ['Ủy ban MTTQ thị xã Quảng Yên', 'Chủ tịch', '2016-01-01', '2025-07-01', { concurrent: true }],
    ],
  },
];

export async function seedDemoPeople(trx: Trx): Promise<number> {
  let added = 0;
  for (const p of PEOPLE) {
    if (await repo.personNamed(trx, p.name)) continue;
    const personId = await repo.insertPerson(trx, { full_name: p.name, gender: p.gender, phone: p.phone });
    for (const [bodyName, title, from, to, flags] of p.positions) {
      const body = await repo.bodyNamed(trx, bodyName);
      if (!body) throw new Error(`demo: no body "${bodyName}"`);
      await repo.insertPosition(trx, {
        person_id: personId,
        body_id: body.id,
        title,
        valid_from: from,
        valid_to: to,
        acting: flags?.acting ?? false,
        concurrent: flags?.concurrent ?? false,
      });
    }
    added++;
  }
  return added;
}
