/* Site clearance (GPMB) of the demo, told from the seeds: in 2016 the city bloc office's clearance work for the
 * Bắc Luân II bridge approach road, the ICD dry port expansion and the Km3-4 temporary pontoon bridge met the
 * construction schedule (seed 000); in 2019 it held dialogues answering the proposals and complaints of households of
 * the Vân Đồn – Móng Cái expressway and of the Bắc Luân II inter-agency checkpoint (seed 004). The seeds name the
 * projects and what the office did, nothing more: the investors, household numbers, dates and people below are
 * illustrative (each project's description says so), placed in today's Móng Cái (the wards since 1/7/2025). */

export const MC1_FRONT = 'Ủy ban MTTQ Phường Móng Cái 1';
export const PROVINCE_FRONT = 'Ủy ban MTTQ tỉnh Quảng Ninh';

export type ConsentStatus = 'not_agreed' | 'mobilising' | 'agreed' | 'handed_over';

/** Households of a project in one unit, by the status they have reached today. */
export type HouseholdGroup = {
  unitCode: string;
  /** a village of that unit by name, if the demo has it */
  village?: string;
  address: string;
  final: Record<ConsentStatus, number>;
};

export type ProjectSpec = {
  code: string;
  name: string;
  investor: string;
  description: string;
  owner: string;
  /** the units it crosses (codes as of today) */
  affected: string[];
  /** when it started: days after the demo's window opens (the wards' start, or the previous year's) */
  startAfter: number;
  /** planned completion: after today by this share of the time it has run; or, done, days before today */
  plannedShare?: number;
  plannedAgo?: number;
  completedAgo?: number;
  householdTotal: number;
  milestone?: { at: number; title: string; targetPercent: number };
  groups: HouseholdGroup[];
  /** paid by the ward's commissioned mobilisation task */
  commissioned: boolean;
};

const ILLUSTRATIVE = 'Chủ đầu tư, số hộ và các mốc thời gian là số liệu minh họa.';

export const PROJECTS: ProjectSpec[] = [
  {
    code: 'BLII-DD',
    name: 'Đường dẫn cầu Bắc Luân II',
    investor: 'Ban Quản lý dự án đầu tư xây dựng tỉnh Quảng Ninh',
    description: `Dự án động lực nêu trong tư liệu của Cơ quan Khối (năm 2016 công tác GPMB đáp ứng tiến độ thi công). ${ILLUSTRATIVE}`,
    owner: MC1_FRONT,
    affected: ['06712'],
    startAfter: 3,
    plannedShare: 0.5,
    householdTotal: 24,
    milestone: { at: 0.5, title: 'Chi trả bồi thường, hỗ trợ đợt 1', targetPercent: 45 },
    groups: [
      {
        unitCode: '06712',
        village: 'Khu 1',
        address: 'Khu 1, phường Móng Cái 1',
        final: { not_agreed: 1, mobilising: 2, agreed: 7, handed_over: 3 },
      },
      {
        unitCode: '06712',
        village: 'Khu 2',
        address: 'Khu 2, phường Móng Cái 1',
        final: { not_agreed: 1, mobilising: 2, agreed: 5, handed_over: 3 },
      },
    ],
    commissioned: true,
  },
  {
    code: 'ICD-MR',
    name: 'Mở rộng cảng cạn ICD Móng Cái',
    investor: 'Ban Quản lý dự án đầu tư xây dựng tỉnh Quảng Ninh',
    description: `Dự án nêu trong tư liệu của Cơ quan Khối (năm 2016 công tác GPMB đáp ứng tiến độ thi công). ${ILLUSTRATIVE}`,
    owner: MC1_FRONT,
    affected: ['06712'],
    startAfter: 0,
    plannedAgo: 20,
    completedAgo: 45,
    householdTotal: 12,
    groups: [
      {
        unitCode: '06712',
        village: 'Khu 2',
        address: 'Khu 2, phường Móng Cái 1',
        final: { not_agreed: 0, mobilising: 0, agreed: 0, handed_over: 12 },
      },
    ],
    commissioned: false,
  },
  {
    code: 'CT-VDMC',
    name: 'Đường cao tốc Vân Đồn – Móng Cái (đoạn qua Móng Cái)',
    investor: 'UBND tỉnh Quảng Ninh',
    description: `Dự án nêu trong tư liệu của Cơ quan Khối (năm 2019 tổ chức đối thoại, giải đáp kiến nghị, khiếu nại của một số hộ dân). Tỉnh theo dõi chung; các phường, xã vận động hộ dân trên địa bàn. ${ILLUSTRATIVE}`,
    owner: PROVINCE_FRONT,
    affected: ['06712', '06736', '06733'],
    startAfter: 0,
    plannedShare: 0.2,
    householdTotal: 34,
    groups: [
      {
        unitCode: '06712',
        village: 'Khu 1',
        address: 'Khu 1, phường Móng Cái 1',
        final: { not_agreed: 2, mobilising: 2, agreed: 5, handed_over: 3 },
      },
      {
        unitCode: '06736',
        address: 'Khu 5, phường Móng Cái 3',
        final: { not_agreed: 2, mobilising: 2, agreed: 3, handed_over: 1 },
      },
      {
        unitCode: '06733',
        address: 'Thôn 2, xã Hải Ninh',
        final: { not_agreed: 2, mobilising: 2, agreed: 1, handed_over: 1 },
      },
    ],
    commissioned: true,
  },
];

/** The ward's commissioned task that pays for the mobilisation (the seeds' "cơ chế đặt hàng" with the People's
 * Committee, seed 000), added to the current programme of Móng Cái 1's Front committee. */
export const COMMISSIONED_TASK = {
  title:
    'Vận động nhân dân đồng thuận trong công tác GPMB đảm bảo tiến độ thi công các dự án động lực trên địa bàn phường (cơ chế đặt hàng với UBND Phường)',
  group: 'Công tác tuyên truyền, vận động nhân dân',
  target: [36, 'hộ đồng thuận'] as [number, string],
};

// Names: the usual family names, middle and given names, drawn in a fixed order (the same demo every time). The
// names the browser journeys type are left out, so their duplicate hints find only what they made.
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Phùng',
];
const MALE_MIDDLE = ['Văn', 'Đức', 'Minh', 'Quang', 'Văn', 'Hữu'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thu', 'Thanh'];
const MALE = [
  'Sáng',
  'Hải',
  'Sơn',
  'Tuấn',
  'Dũng',
  'Cường',
  'Long',
  'Phúc',
  'Khánh',
  'Quý',
  'Toàn',
  'Lực',
  'Chiến',
  'Nam',
];
const FEMALE = ['Lan', 'Hương', 'Nga', 'Thủy', 'Liên', 'Dung', 'Yến', 'Loan', 'Huyền', 'Thoa', 'Mến', 'Tươi', 'Mai'];
const AVOID = new Set(['Trần Thị Hoa', 'Trần Văn Bình', 'Lê Văn Thắng', 'Nguyễn Văn Thành', 'Lê Thị Hoa']);

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` different names, about two men to one woman (heads of households as the registers list them). */
export function names(seed: number, n: number): { name: string; gender: 'male' | 'female' }[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const seen = new Set<string>();
  const out: { name: string; gender: 'male' | 'female' }[] = [];
  while (out.length < n) {
    const male = rnd() < 0.68;
    const name = male
      ? `${pick(FAMILY)} ${pick(MALE_MIDDLE)} ${pick(MALE)}`
      : `${pick(FAMILY)} ${pick(FEMALE_MIDDLE)} ${pick(FEMALE)}`;
    if (seen.has(name) || AVOID.has(name)) continue;
    seen.add(name);
    out.push({ name, gender: male ? 'male' : 'female' });
  }
  return out;
}

export type PlannedHousehold = {
  group: HouseholdGroup;
  headName: string;
  gender: 'male' | 'female';
  landArea: number;
  final: ConsentStatus;
};

const ORDER: ConsentStatus[] = ['handed_over', 'agreed', 'mobilising', 'not_agreed'];

/** A project's households in register order: each group's, by the status they reach (those further along were
 * entered first: the register follows the inventory). Pure, so the petitions can name the same heads. */
export function plannedHouseholds(p: ProjectSpec, seed: number): PlannedHousehold[] {
  const total = p.groups.reduce((a, g) => a + ORDER.reduce((b, s) => b + g.final[s], 0), 0);
  const people = names(seed, total);
  const rnd = random(seed + 1);
  const out: PlannedHousehold[] = [];
  for (const g of p.groups)
    for (const s of ORDER)
      for (let i = 0; i < g.final[s]; i++) {
        const who = people[out.length]!;
        out.push({
          group: g,
          headName: who.name,
          gender: who.gender,
          landArea: Math.round((60 + rnd() * 900) * 10) / 10,
          final: s,
        });
      }
  return out;
}

/** The seed of each project's names (fixed: the petitions name the same heads). */
export const PROJECT_SEED: Record<string, number> = { 'BLII-DD': 2016, 'ICD-MR': 2017, 'CT-VDMC': 2019 };

/** Dialogues of Móng Cái 1's Front committee with households (the seeds' đối thoại, seed 004), days before today. */
export type DialogueSpec = {
  project: string;
  ago: number;
  title: string;
  place: string;
  minutes: string;
  /** households of the project (register order) who came */
  residents: number[];
  officials: { person?: string; name?: string; role: string }[];
  outcomes: {
    text: string;
    /** its follow-up task, due `dueIn` days from today */
    task?: { title: string; dueIn: number; assignCanbo?: boolean; person: string; priority?: 'high' | 'normal' };
  }[];
};

export const DIALOGUES: DialogueSpec[] = [
  {
    project: 'CT-VDMC',
    ago: 75,
    title: 'Đối thoại, giải đáp kiến nghị, khiếu nại của hộ dân thuộc dự án đường cao tốc Vân Đồn – Móng Cái',
    place: 'Nhà văn hóa Khu 1, phường Móng Cái 1',
    minutes:
      'Đồng chí Chủ tịch Ủy ban MTTQ phường chủ trì. Đại diện Ban Quản lý dự án và UBND phường giải đáp về đơn giá bồi thường đất nông nghiệp, cây cối, hoa màu; chính sách hỗ trợ chuyển đổi nghề và tái định cư. Các hộ dân nêu 07 ý kiến, chủ yếu đề nghị xem xét lại đơn giá bồi thường đất nông nghiệp và sớm bố trí đường dân sinh. Hội nghị thống nhất các nội dung giao nhiệm vụ theo dõi dưới đây.',
    residents: [9, 10, 11],
    officials: [
      { person: 'Nguyễn Văn Định', role: 'Chủ tịch Ủy ban MTTQ phường, chủ trì' },
      { person: 'Vũ Thị Lan', role: 'Phó Chủ tịch Ủy ban MTTQ phường' },
      { name: 'Đại diện Ban Quản lý dự án', role: 'Chủ đầu tư' },
      { name: 'Đại diện UBND phường Móng Cái 1', role: 'Hội đồng bồi thường, hỗ trợ và tái định cư' },
    ],
    outcomes: [
      {
        text: 'Đề nghị UBND phường và Ban Quản lý dự án rà soát đơn giá bồi thường đất nông nghiệp, cây cối, hoa màu; trả lời bằng văn bản cho các hộ.',
        task: {
          title: 'Theo dõi, đôn đốc việc trả lời kiến nghị về đơn giá bồi thường dự án cao tốc Vân Đồn – Móng Cái',
          dueIn: 20,
          person: 'Nguyễn Văn Định',
          priority: 'high',
        },
      },
      {
        text: 'Tổ công tác tiếp tục vận động các hộ chưa đồng ý, phối hợp Ban công tác Mặt trận khu nắm tâm tư của từng hộ.',
        task: {
          title: 'Vận động các hộ chưa đồng ý phương án bồi thường dự án cao tốc Vân Đồn – Móng Cái',
          dueIn: 40,
          assignCanbo: true,
          person: 'Vũ Thị Lan',
        },
      },
      { text: 'Các hộ ghi nhận giải đáp của Ban Quản lý dự án về chính sách hỗ trợ chuyển đổi nghề.' },
    ],
  },
  {
    project: 'BLII-DD',
    ago: 30,
    title: 'Đối thoại với hộ dân bị ảnh hưởng bởi dự án đường dẫn cầu Bắc Luân II',
    place: 'Hội trường Ủy ban MTTQ phường Móng Cái 1',
    minutes:
      'Đối thoại theo quy chế đối thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân. Các hộ đề nghị đo đạc lại diện tích đất vườn liền kề, xem xét hỗ trợ di chuyển mồ mả và sớm chi trả tiền bồi thường cho các hộ đã bàn giao mặt bằng. Đại diện UBND phường tiếp thu, hẹn trả lời sau khi kiểm tra hồ sơ.',
    residents: [10, 11, 13, 14],
    officials: [
      { person: 'Nguyễn Văn Định', role: 'Chủ tịch Ủy ban MTTQ phường, chủ trì' },
      { person: 'Trần Thị Hạnh', role: 'Chủ tịch Hội LHPN phường' },
      { name: 'Đại diện UBND phường Móng Cái 1', role: 'Phó Chủ tịch UBND phường' },
    ],
    outcomes: [
      {
        text: 'Phối hợp kiểm tra, đo đạc lại diện tích đất vườn của các hộ có ý kiến; công khai kết quả tại nhà văn hóa khu.',
        task: {
          title: 'Giám sát việc đo đạc lại diện tích đất vườn của các hộ dự án đường dẫn cầu Bắc Luân II',
          dueIn: 25,
          assignCanbo: true,
          person: 'Vũ Thị Lan',
        },
      },
      { text: 'UBND phường chi trả tiền bồi thường cho các hộ đã bàn giao mặt bằng trước ngày 30 của tháng sau.' },
    ],
  },
];
