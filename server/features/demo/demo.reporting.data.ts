/* The demo's reporting, told with the seeds' figures (Móng Cái, Quảng Ninh):
 * - seed 004 (2019): "Tính đến 30/11/2019, các đội Thanh niên tình nguyện tại TTHCC và 17/17 xã, phường … hỗ trợ được
 *   18.080 bộ hồ sơ giao dịch theo hình thức trực tuyến (trong đó, cấp xã: 16.096 hồ sơ, cấp Thành phố: 1.984 hồ sơ)";
 *   "tổ chức được 465 cuộc dọn vệ sinh … với trên 29.500 lượt người tham gia (trong đó hội viên phụ nữ là 15.500 lượt)";
 *   "Năm 2019, Toàn Thành phố có 202 mô hình đăng ký thực hiện, trong đó có 26 mô hình được khen thưởng cấp Thành phố";
 * - seed 002 (2021): "tính đến ngày 30/11/2021 đã hỗ trợ được 36.793 hồ sơ trực tuyến (vượt 14.793 hồ sơ so với KH)",
 *   so a plan of 22.000; "phối hợp 9 xã NTM vận động xây dựng được 44/41 vườn mẫu, xây dựng 754/855 hộ mẫu"; "nòng cốt
 *   tham gia 202 tổ Covid cộng đồng"; "giúp đỡ … với số kinh phí trên 3,3 tỷ đồng";
 * - seed 000: "17/17 xã, phường đã thành lập khối dân vận và 101/101 thôn, khu thành lập tổ dân vận".
 * The figures the seeds do not give (2020, how a year's total falls on each commune and month, members of each
 * organisation, the wards' months since 1/7/2025) are illustrative, chosen to sit beside the seeds' ones. The monthly
 * reports run to November ("tính đến 30/11"): a year's total over its reported months is the seeds' figure exactly.
 */

/** Thành phố Móng Cái (a provincial city until the district level ended on 1/7/2025). */
export const CITY = '194';

/** Its 17 communes and wards before the reform, with a weight for how a city total falls on them (about their size)
 * and whether they are among the 9 communes building the new countryside (nông thôn mới). */
export const COMMUNES: { code: string; name: string; weight: number; ntm?: number }[] = [
  { code: '06709', name: 'Phường Ka Long', weight: 11 },
  { code: '06712', name: 'Phường Trần Phú', weight: 9 },
  { code: '06715', name: 'Phường Ninh Dương', weight: 8 },
  { code: '06718', name: 'Phường Hoà Lạc', weight: 7 },
  { code: '06721', name: 'Phường Trà Cổ', weight: 6 },
  { code: '06724', name: 'Xã Hải Sơn', weight: 3, ntm: 3 },
  { code: '06727', name: 'Xã Bắc Sơn', weight: 2, ntm: 3 },
  { code: '06730', name: 'Xã Hải Đông', weight: 4, ntm: 5 },
  { code: '06733', name: 'Xã Hải Tiến', weight: 4, ntm: 5 },
  { code: '06736', name: 'Phường Hải Yên', weight: 7 },
  { code: '06739', name: 'Xã Quảng Nghĩa', weight: 3, ntm: 4 },
  { code: '06742', name: 'Phường Hải Hoà', weight: 8 },
  { code: '06745', name: 'Xã Hải Xuân', weight: 4, ntm: 6 },
  { code: '06748', name: 'Xã Vạn Ninh', weight: 4, ntm: 5 },
  { code: '06751', name: 'Phường Bình Ngọc', weight: 2 },
  { code: '06754', name: 'Xã Vĩnh Trung', weight: 2, ntm: 4 },
  { code: '06757', name: 'Xã Vĩnh Thực', weight: 2, ntm: 4 },
];

/** The day the old units are looked up on (their codes are reused by the new ones since 1/7/2025). */
export const OLD_DAY = '2021-06-30';

/** The years told month by month (January to November) by the communes and the city's public service centre. */
export const YEARS = [2019, 2020, 2021] as const;
export type Year = (typeof YEARS)[number];
export const MONTHS = 11;

/** How a year's figures fall on its months (dossiers grew as the online services spread). */
export const MONTH_WEIGHTS = [6, 5, 8, 8, 9, 9, 10, 10, 11, 12, 12];
/** Model gardens and households are built from March on, households register in January. */
export const BUILD_WEIGHTS = [0, 0, 6, 8, 9, 10, 10, 11, 12, 12, 10];

/** Online dossiers supported (hồ sơ), January to November: by the communes' teams, and at the city's centre. */
export const DOSSIERS: Record<Year, { communes: number; city: number }> = {
  2019: { communes: 16_096, city: 1_984 }, // 18.080
  2020: { communes: 24_310, city: 2_895 },
  2021: { communes: 32_950, city: 3_843 }, // 36.793
};
/** Shares of the dossiers by organisation: the Youth Union's volunteer teams did most of them. */
export const DOSSIER_SHARES: [kind: string, share: number][] = [
  ['youth_union', 0.72],
  ['womens_union', 0.18],
  ['front', 0.1],
];

/** Clean-up campaigns (cuộc) and their participants (lượt người), of which women (hội viên phụ nữ). */
export const CLEAN_UP: Record<Year, { campaigns: number; people: number; women: number }> = {
  2019: { campaigns: 465, people: 29_500, women: 15_500 },
  2020: { campaigns: 478, people: 30_240, women: 15_870 },
  2021: { campaigns: 452, people: 28_160, women: 14_930 },
};

/** The new countryside in the 9 communes: model gardens (vườn mẫu), households registered to become model
 * households and model households built (hộ mẫu). */
export const COUNTRYSIDE: Record<Year, { gardens: number; registered: number; households: number }> = {
  2019: { gardens: 28, registered: 610, households: 512 },
  2020: { gardens: 35, registered: 720, households: 633 },
  2021: { gardens: 44, registered: 855, households: 754 }, // 44/41, 754/855
};

/** The 2021 plan set for the city (kế hoạch giao), split to the communes in proportion to their 2020 results. */
export const PLAN_2021 = { dossiers: 22_000, gardens: 41, households: 855 };

/** The year's review (tổng kết) of each commune: "Dân vận khéo" models registered and rewarded, Covid community
 * teams, funds raised for poor households (đồng). */
export const YEAR_REVIEW: Record<Year, { models: number; rewarded: number; covidTeams: number | null; funds: number }> =
  {
    2019: { models: 202, rewarded: 26, covidTeams: null, funds: 2_460_000_000 },
    2020: { models: 214, rewarded: 28, covidTeams: 168, funds: 2_915_000_000 },
    2021: { models: 226, rewarded: 31, covidTeams: 202, funds: 3_318_500_000 }, // trên 3,3 tỷ đồng
  };

/** Members of each organisation in the communes at the year's end (người). */
export const MEMBERS: Record<Year, [kind: string, count: number][]> = {
  2019: [
    ['womens_union', 14_260],
    ['youth_union', 6_480],
    ['farmers_union', 5_870],
    ['veterans', 2_090],
  ],
  2020: [
    ['womens_union', 14_540],
    ['youth_union', 6_410],
    ['farmers_union', 5_930],
    ['veterans', 2_120],
  ],
  2021: [
    ['womens_union', 14_820],
    ['youth_union', 6_350],
    ['farmers_union', 5_960],
    ['veterans', 2_140],
  ],
};

/** The wards and communes that succeeded Móng Cái's on 1/7/2025 (all by `full` links: Móng Cái 1 took Trần Phú, Trà
 * Cổ, Hải Hoà, Hải Xuân and Bình Ngọc…), with a month's dossiers, clean-up campaigns and participants, and model
 * gardens and households for the communes (and Móng Cái 1, which took Hải Xuân). */
export const NEW_UNITS: {
  code: string;
  dossiers: number;
  campaigns: number;
  people: number;
  gardens?: number;
  households?: number;
}[] = [
  { code: '06712', dossiers: 1_240, campaigns: 14, people: 860, gardens: 1, households: 9 },
  { code: '06709', dossiers: 1_180, campaigns: 12, people: 790 },
  { code: '06736', dossiers: 720, campaigns: 9, people: 540 },
  { code: '06724', dossiers: 310, campaigns: 6, people: 380, gardens: 2, households: 14 },
  { code: '06733', dossiers: 350, campaigns: 7, people: 410, gardens: 1, households: 12 },
  { code: '06757', dossiers: 260, campaigns: 5, people: 300, gardens: 1, households: 10 },
];
/** The first month the new units report (the period 202507 ends on 14/07/2025, after the reform). */
export const NEW_FROM = { year: 2025, month: 7 };

/** The Farmers' Union of Phường Móng Cái 1, which also reports its model households (and disagrees with the ward). */
export const MC1_FARMERS = 'Hội Nông dân Phường Móng Cái 1';
export const PROVINCE_FARMERS = 'Hội Nông dân tỉnh Quảng Ninh';
/** How many more model households the Farmers' Union counts than the ward's report for the same month. */
export const FARMERS_EXTRA = 3;

/** Where each new unit's report of the latest period stands (completeness shows every state). */
export const CURRENT_STATES: Record<string, 'draft' | 'returned' | 'submitted' | 'approved' | 'late' | 'missing'> = {
  '06712': 'draft',
  '06709': 'returned',
  '06736': 'submitted',
  '06724': 'approved',
  '06733': 'late',
  '06757': 'missing',
};

/** The report returned for the current period, and why. */
export const RETURN_REASON =
  'Số hồ sơ trực tuyến thấp hơn nhiều so với các tháng trước; đề nghị rà soát lại số liệu của các khu phố.';

/** What the communes wrote in their reports (the same for each; the figures differ). */
export const NARRATIVE = {
  results:
    'Duy trì đội Thanh niên tình nguyện hỗ trợ nhân dân sử dụng dịch vụ công trực tuyến; ra quân vệ sinh môi trường "Ngày Chủ nhật xanh".',
  shortcomings: 'Một số thôn, khu chưa duy trì thường xuyên hoạt động của tổ dân vận.',
  tasks: 'Tiếp tục tuyên truyền, vận động nhân dân thực hiện các nhiệm vụ trọng tâm tháng tới.',
};
