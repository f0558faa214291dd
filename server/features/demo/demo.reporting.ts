import crypto from 'node:crypto';
import dayjs from 'dayjs';
import type { Insertable } from 'kysely';
import { localDate } from '../../clock.ts';
import type { AppContext } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import {
  addVersion,
  approveSubmission,
  createForm,
  createIndicator,
  createRule,
  createSubmission,
  indicatorsBy,
  parsePeriod,
  periodDays,
  putTarget,
  rebuildTotals,
  returnSubmission,
  saveValues,
  splitTarget,
  submitSubmission,
  type ReportingRequest,
} from '../reporting/index.ts';
import { unitByCode, unitChildren } from '../units/index.ts';
import * as data from './demo.reporting.data.ts';
import * as history from './demo.reporting.repository.ts';
import * as repo from './demo.repository.ts';

/**
 * Seeds the demo's reporting (demo.reporting.data.ts): the indicators and forms, and the reports of Móng Cái's
 * communes for 2019–2021 and of the wards that succeeded them since 1/7/2025. Indicators, forms, the 2021 plan and
 * the reports of the latest period go through the reporting services as the demo accounts, on the days they did it
 * (a report opened, filled in, submitted, approved or returned); the years before are written at once as approved
 * reports and the totals rebuilt from them, as an import of past figures would (through the services they took a
 * minute and more, and the demo loads at every fresh start). Idempotent: nothing is added when the indicators are
 * there.
 */

type Who = { accountId: string; isAdmin: boolean };
type Value = { indicatorId: string; category?: string; value: number };
type Figures = Record<string, number | [category: string, value: number][]>;

/** The collection window of the monthly forms: the 15th of the month before to the 14th. */
const WINDOW_DAY = 15;
const DUE_DAYS = 5;
const LOCK_DAYS = 30;
const SECTIONS = [
  { key: 'results', title: 'Kết quả nổi bật' },
  { key: 'shortcomings', title: 'Tồn tại, hạn chế' },
  { key: 'tasks', title: 'Nhiệm vụ trọng tâm thời gian tới' },
];

/** The demo's indicators, in the order they are shown. Measures as the office writes them. */
const INDICATORS = [
  {
    code: 'HS_TRUC_TUYEN',
    name: 'Số hồ sơ dịch vụ công trực tuyến được hỗ trợ',
    measure: 'hồ sơ',
    valueType: 'integer',
    breakdown: 'organisation',
    description: 'Hồ sơ các đội Thanh niên tình nguyện và các đoàn thể hỗ trợ nhân dân nộp trực tuyến (mức độ 3, 4).',
  },
  { code: 'CUOC_DON_VE_SINH', name: 'Số cuộc dọn vệ sinh môi trường', measure: 'cuộc', valueType: 'integer' },
  {
    code: 'LUOT_THAM_GIA_VSMT',
    name: 'Số lượt người tham gia vệ sinh môi trường',
    measure: 'lượt người',
    valueType: 'integer',
    breakdown: 'organisation',
    description: 'Trong đó hội viên phụ nữ: phần của Hội LHPN.',
  },
  { code: 'VUON_MAU', name: 'Số vườn mẫu xây dựng được', measure: 'vườn', valueType: 'integer' },
  { code: 'HO_DANG_KY', name: 'Số hộ đăng ký xây dựng hộ mẫu', measure: 'hộ', valueType: 'integer' },
  { code: 'HO_MAU', name: 'Số hộ mẫu xây dựng được', measure: 'hộ', valueType: 'integer' },
  {
    code: 'TY_LE_HO_MAU',
    name: 'Tỷ lệ hộ mẫu đạt so với hộ đăng ký',
    measure: '%',
    valueType: 'percentage',
    kind: 'computed',
    formula: 'HO_MAU * 100 / HO_DANG_KY',
  },
  {
    code: 'MO_HINH_DVK',
    name: 'Số mô hình "Dân vận khéo" đăng ký thực hiện',
    measure: 'mô hình',
    valueType: 'integer',
  },
  {
    code: 'MO_HINH_DVK_KHEN',
    name: 'Số mô hình "Dân vận khéo" được khen thưởng cấp Thành phố',
    measure: 'mô hình',
    valueType: 'integer',
  },
  { code: 'TO_COVID', name: 'Số tổ Covid cộng đồng', measure: 'tổ', valueType: 'integer', time: 'last' },
  {
    code: 'KINH_PHI_HO_TRO',
    name: 'Kinh phí vận động hỗ trợ hộ nghèo, hộ khó khăn',
    measure: 'đồng',
    valueType: 'money',
  },
  {
    code: 'HOI_VIEN',
    name: 'Số đoàn viên, hội viên',
    measure: 'người',
    valueType: 'integer',
    breakdown: 'organisation',
    time: 'last',
  },
  {
    code: 'KHOI_DAN_VAN',
    name: 'Đã thành lập khối dân vận xã, phường',
    valueType: 'boolean',
    time: 'last',
  },
  {
    code: 'XA_CO_KHOI_DAN_VAN',
    name: 'Số xã, phường đã thành lập khối dân vận',
    measure: 'xã, phường',
    valueType: 'integer',
    kind: 'coverage',
    coverage: { source: 'KHOI_DAN_VAN', min: 1, level: 3 },
  },
  { code: 'TO_DAN_VAN', name: 'Đã thành lập tổ dân vận thôn, khu', valueType: 'boolean', time: 'last' },
  {
    code: 'THON_CO_TO_DAN_VAN',
    name: 'Số thôn, khu đã thành lập tổ dân vận',
    measure: 'thôn, khu',
    valueType: 'integer',
    kind: 'coverage',
    // The coverage is over the villages that exist: the demo has only a few of Móng Cái's 101, so it shows n/n of
    // those.
    coverage: { source: 'TO_DAN_VAN', min: 1, level: 4 },
  },
] as const;
type Code = (typeof INDICATORS)[number]['code'];

const MONTHLY: Code[] = ['HS_TRUC_TUYEN', 'CUOC_DON_VE_SINH', 'LUOT_THAM_GIA_VSMT', 'VUON_MAU', 'HO_DANG_KY', 'HO_MAU'];
const YEARLY: Code[] = [
  'MO_HINH_DVK',
  'MO_HINH_DVK_KHEN',
  'TO_COVID',
  'KINH_PHI_HO_TRO',
  'HOI_VIEN',
  'KHOI_DAN_VAN',
  'TO_DAN_VAN',
];

/** Splits a whole into whole parts in proportion to weights, adding up to it exactly (largest remainder). */
export function spread(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = exact.map((e, i) => ({ i, r: e - parts[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const o of order) {
    if (left <= 0) break;
    parts[o.i]! += 1;
    left--;
  }
  return parts;
}

/** A whole split by organisation, as [body kind, value] pairs (the service adds up the whole). */
const byOrganisation = (v: number, shares: readonly [string, number][]): [string, number][] =>
  spread(
    v,
    shares.map(([, s]) => s * 1000),
  ).map((x, i) => [shares[i]![0], x]);

const monthId = (y: number, m: number) => `${y}${String(m).padStart(2, '0')}`;
/** The last day of a period of the demo's forms (202111: 14/11/2021; 2021: 14/12/2021). */
const periodEnd = (periodId: string) => periodDays(parsePeriod(periodId)!, WINDOW_DAY).end;
const after = (day: string, days: number) => dayjs(day).add(days, 'day').format('YYYY-MM-DD');

/** The monthly figures of the 17 communes (by code) and of the city's centre for a year, months 1–11. */
export function monthlyFigures(year: data.Year): { communes: Map<string, Figures[]>; city: Figures[] } {
  const weights = data.COMMUNES.map((c) => c.weight);
  const ntm = data.COMMUNES.map((c) => c.ntm ?? 0);
  const d = data.DOSSIERS[year];
  const clean = data.CLEAN_UP[year];
  const country = data.COUNTRYSIDE[year];
  const months = (perUnit: number) => spread(perUnit, data.MONTH_WEIGHTS);
  const builds = (perUnit: number) => spread(perUnit, data.BUILD_WEIGHTS);
  const dossiers = spread(d.communes, weights).map(months);
  const campaigns = spread(clean.campaigns, weights).map(months);
  const people = spread(clean.people, weights).map(months);
  const women = spread(clean.women, weights).map(months);
  const gardens = spread(country.gardens, ntm).map(builds);
  const households = spread(country.households, ntm).map(builds);
  const registered = spread(country.registered, ntm);
  const communes = new Map<string, Figures[]>();
  data.COMMUNES.forEach((c, i) => {
    const list: Figures[] = [];
    for (let m = 0; m < data.MONTHS; m++) {
      const f: Figures = {
        HS_TRUC_TUYEN: byOrganisation(dossiers[i]![m]!, data.DOSSIER_SHARES),
        CUOC_DON_VE_SINH: campaigns[i]![m]!,
        LUOT_THAM_GIA_VSMT: [
          ['', people[i]![m]!],
          ['womens_union', women[i]![m]!],
        ],
      };
      if (c.ntm) {
        if (m === 0) f.HO_DANG_KY = registered[i]!;
        if (gardens[i]![m]) f.VUON_MAU = gardens[i]![m]!;
        if (households[i]![m]) f.HO_MAU = households[i]![m]!;
      }
      list.push(f);
    }
    communes.set(c.code, list);
  });
  const city = spread(d.city, data.MONTH_WEIGHTS).map((v) => ({
    HS_TRUC_TUYEN: byOrganisation(v, data.DOSSIER_SHARES),
  }));
  return { communes, city };
}

/** The year's review of each commune (by code). */
export function yearlyFigures(year: data.Year): Map<string, Figures> {
  const weights = data.COMMUNES.map((c) => c.weight);
  const y = data.YEAR_REVIEW[year];
  const models = spread(y.models, weights);
  const rewarded = spread(y.rewarded, weights);
  const covid = y.covidTeams === null ? null : spread(y.covidTeams, weights);
  const funds = spread(y.funds / 500_000, weights).map((x) => x * 500_000);
  const members = data.MEMBERS[year].map(([kind, n]) => [kind, spread(n, weights)] as const);
  const out = new Map<string, Figures>();
  data.COMMUNES.forEach((c, i) => {
    const f: Figures = {
      MO_HINH_DVK: models[i]!,
      MO_HINH_DVK_KHEN: rewarded[i]!,
      KINH_PHI_HO_TRO: funds[i]!,
      HOI_VIEN: members.map(([kind, list]) => [kind, list[i]!]),
      KHOI_DAN_VAN: 1,
    };
    if (covid) f.TO_COVID = covid[i]!;
    out.set(c.code, f);
  });
  return out;
}

/** A new unit's figures for a month since the reform: its usual month, a little up or down by the month. */
export function newUnitFigures(u: (typeof data.NEW_UNITS)[number], month: number): Figures {
  const swing = 0.85 + ((month * 7 + u.code.charCodeAt(4)) % 7) * 0.05;
  const f: Figures = {
    HS_TRUC_TUYEN: byOrganisation(Math.round(u.dossiers * swing), data.DOSSIER_SHARES),
    CUOC_DON_VE_SINH: Math.round(u.campaigns * swing),
    LUOT_THAM_GIA_VSMT: Math.round(u.people * swing),
  };
  if (u.gardens) f.VUON_MAU = u.gardens;
  if (u.households) f.HO_MAU = Math.round(u.households * swing);
  return f;
}

/** The months the new units have reported up to `today`: from 202507 to the latest period that has ended (the
 * current one, whose states vary), as { year, month }. */
export function newUnitMonths(today: string): { year: number; month: number }[] {
  const out: { year: number; month: number }[] = [];
  for (
    let y = data.NEW_FROM.year, m = data.NEW_FROM.month;
    periodEnd(monthId(y, m)) < today;
    m === 12 ? (y++, (m = 1)) : m++
  )
    out.push({ year: y, month: m });
  return out;
}

export async function seedDemoReporting(ctx: Pick<AppContext, 'db' | 'clock'>, actor: Actor): Promise<number> {
  const db = ctx.db;
  if ((await indicatorsBy(db, { codes: ['HS_TRUC_TUYEN'] })).length) return 0;
  const today = localDate(ctx.clock.now());

  const account = async (username: string, isAdmin = false): Promise<Who> => {
    const row = await repo.accountNamed(db, username);
    if (!row) throw new Error(`demo: no account ${username}`);
    return { accountId: row.id, isAdmin };
  };
  const admin = await account('admin', true);
  const mongcai = await account('mongcai');
  const canbo = await account('canbo');
  /** A request of `who` on a day (its rights of that day; what it writes dated 10:00 that morning). */
  const as = (who: Who, day: string): ReportingRequest => {
    const at = new Date(`${day}T03:00:00Z`);
    return {
      app: { db, clock: { now: () => at } },
      actor: { ...actor, accountId: who.accountId },
      caller: { ...who, today: day },
      lang: 'vi',
    };
  };
  const unitId = async (code: string, day: string) => {
    const u = await unitByCode(db, code, day);
    if (!u) throw new Error(`demo: no unit ${code} on ${day}`);
    return u.unit_id;
  };

  // Indicators and forms, set up by the province's administrator at the start of 2019.
  const setup = as(admin, '2019-01-02');
  const ids = new Map<string, string>();
  for (const [sort, i] of INDICATORS.entries()) {
    const coverage = 'coverage' in i ? i.coverage : null;
    const created = await createIndicator(setup, {
      code: i.code,
      name: i.name,
      measure: 'measure' in i ? i.measure : null,
      valueType: i.valueType,
      treeAggregation: 'kind' in i ? 'none' : 'sum',
      timeAggregation: 'kind' in i ? 'none' : 'time' in i ? i.time : 'sum',
      kind: 'kind' in i ? i.kind : 'entered',
      formula: 'formula' in i ? i.formula : null,
      coverage: coverage ? { sourceId: ids.get(coverage.source)!, min: coverage.min, level: coverage.level } : null,
      breakdown: 'breakdown' in i ? i.breakdown : null,
      description: 'description' in i ? i.description : null,
      sort: (sort + 1) * 10,
    });
    ids.set(i.code, created.id);
  }
  const asked = (codes: readonly Code[], required: Code[] = []) =>
    codes.map((c) => ({ indicatorId: ids.get(c)!, required: required.includes(c) }));
  const monthlyFirst = await createForm(setup, {
    code: 'BC_THANG_DAN_VAN',
    name: 'Báo cáo tháng công tác dân vận, MTTQ và các đoàn thể',
    periodType: 'month',
    firstVersion: {
      submitter: 'unit',
      // the city's own figure is that of its public service centre (trung tâm hành chính công)
      unitKinds: ['commune', 'ward', 'provincial_city'],
      bodyKinds: [],
      windowDay: WINDOW_DAY,
      dueDays: DUE_DAYS,
      lockDays: LOCK_DAYS,
      sections: SECTIONS,
      indicators: asked(MONTHLY, ['HS_TRUC_TUYEN']),
    },
  });
  // From the reform the communes and wards report straight to the province: the form's new version asks them.
  const monthly = await addVersion(as(admin, '2025-06-20'), monthlyFirst.id, {
    validFrom: '2025-07-01',
    submitter: 'unit',
    unitKinds: ['commune', 'ward', 'special_zone'],
    bodyKinds: [],
    windowDay: WINDOW_DAY,
    dueDays: DUE_DAYS,
    lockDays: LOCK_DAYS,
    sections: SECTIONS,
    indicators: asked(MONTHLY, ['HS_TRUC_TUYEN']),
  });
  const yearly = await createForm(setup, {
    code: 'BC_TONG_KET_NAM',
    name: 'Báo cáo tổng kết năm công tác dân vận',
    periodType: 'year',
    firstVersion: {
      submitter: 'unit',
      unitKinds: ['commune', 'ward', 'village', 'quarter'],
      bodyKinds: [],
      windowDay: WINDOW_DAY,
      dueDays: 10,
      lockDays: 60,
      sections: SECTIONS,
      indicators: asked(YEARLY),
    },
  });
  // The Farmers' Unions report their model gardens and households themselves since the reform.
  const farmersFirst = await createForm(setup, {
    code: 'BC_THANG_HND',
    name: 'Báo cáo tháng kết quả xây dựng nông thôn mới của Hội Nông dân',
    periodType: 'month',
    firstVersion: {
      submitter: 'body',
      bodyKinds: ['farmers_union'],
      unitKinds: [],
      windowDay: WINDOW_DAY,
      dueDays: DUE_DAYS,
      lockDays: LOCK_DAYS,
      sections: [],
      indicators: [],
    },
  });
  const farmers = await addVersion(as(admin, '2025-06-20'), farmersFirst.id, {
    validFrom: '2025-07-01',
    submitter: 'body',
    bodyKinds: ['farmers_union'],
    unitKinds: [],
    windowDay: WINDOW_DAY,
    dueDays: DUE_DAYS,
    lockDays: LOCK_DAYS,
    sections: [{ key: 'results', title: 'Kết quả nổi bật' }],
    indicators: asked(['VUON_MAU', 'HO_MAU']),
  });
  await createRule(setup, {
    formId: null,
    indicatorId: ids.get('HO_MAU')!,
    kind: 'compare',
    op: '<=',
    otherIndicatorId: ids.get('HO_DANG_KY')!,
    severity: 'warning',
    message: 'Số hộ mẫu đạt không vượt quá số hộ đăng ký',
  });

  const valuesOf = (f: Figures): Value[] =>
    withWholes(
      Object.entries(f).flatMap(([code, v]) =>
        typeof v === 'number'
          ? [{ indicatorId: ids.get(code)!, value: v }]
          : v.map(([category, value]) => ({ indicatorId: ids.get(code)!, category, value })),
      ),
    );
  const narrativeOf = (form: Form, day: string) => {
    const keys = new Set(versionOn(form, day).sections.map((x) => x.key));
    return Object.fromEntries(Object.entries(data.NARRATIVE).filter(([k]) => keys.has(k)));
  };

  /** One report, the way a person makes it: opened, filled in and submitted by its reporter, then decided by its
   * reviewer (approved, or returned with a reason), or left where `until` says. */
  const report = async (s: Report) => {
    const by = as(s.reporter, s.submittedOn);
    let d = await createSubmission(by, {
      formId: s.form.id,
      periodId: s.periodId,
      unitId: s.unitId,
      ...(s.bodyId ? { bodyId: s.bodyId } : {}),
    });
    d = await saveValues(by, d.id, {
      version: d.version,
      values: valuesOf(s.figures),
      narrative: narrativeOf(s.form, d.periodEnd),
    });
    const until = s.until ?? 'approved';
    if (until === 'draft') return;
    d = await submitSubmission(by, d.id, { version: d.version });
    if (until === 'submitted') return;
    const decide = as(s.reviewer, s.decidedOn);
    if (until === 'returned') await returnSubmission(decide, d.id, { version: d.version, reason: data.RETURN_REASON });
    else await approveSubmission(decide, d.id, { version: d.version });
  };

  /** Years of approved reports at once, as an import of past figures would write them (the services open, check and
   * show one report per request, far too slow for thousands at every start), then the totals built from them. */
  const writeHistory = async (reports: readonly Report[]) => {
    const submissions: Insertable<DB['report_submissions']>[] = [];
    const values: Insertable<DB['report_values']>[] = [];
    for (const s of reports) {
      const p = parsePeriod(s.periodId)!;
      const days = periodDays(p, WINDOW_DAY);
      const id = crypto.randomUUID();
      const submitted = new Date(`${s.submittedOn}T03:00:00Z`);
      const decided = new Date(`${s.decidedOn}T03:00:00Z`);
      submissions.push({
        id,
        form_id: s.form.id,
        form_version_id: versionOn(s.form, days.end).id,
        period_id: p.id,
        first_month: p.firstMonth,
        last_month: p.lastMonth,
        period_start: days.start,
        period_end: days.end,
        unit_id: s.unitId,
        body_id: null,
        status: 'approved',
        narrative: JSON.stringify(narrativeOf(s.form, days.end)),
        submitted_at: submitted,
        submitted_by: s.reporter.accountId,
        decided_at: decided,
        decided_by: s.reviewer.accountId,
        created_by: s.reporter.accountId,
        created_at: submitted,
        updated_at: decided,
        version: 4,
      });
      // Counted: the history reports each figure once (one report per unit, indicator and month).
      for (const v of valuesOf(s.figures))
        values.push({
          submission_id: id,
          indicator_id: v.indicatorId,
          category: v.category ?? '',
          num: String(v.value),
          first_month: p.firstMonth,
          last_month: p.lastMonth,
          unit_id: s.unitId,
          body_id: null,
          counted: true,
        });
    }
    await inTransaction(db, actor, async (trx) => {
      await history.insertApprovedReports(trx, submissions, values);
      await rebuildTotals(trx);
    });
    await history.analyzeReports(db);
  };

  // 2019–2021: the communes' monthly reports (entered by the city bloc office's officer, approved by its leader), the
  // city centre's own (approved by the province), the communes' and villages' year reviews.
  const past: Report[] = [];
  const communeIds = new Map(
    await Promise.all(data.COMMUNES.map(async (c) => [c.code, await unitId(c.code, data.OLD_DAY)] as const)),
  );
  const cityId = await unitId(data.CITY, data.OLD_DAY);
  const villages = (
    await Promise.all(data.COMMUNES.map((c) => unitChildren(db, communeIds.get(c.code)!, data.OLD_DAY)))
  ).flat();
  for (const year of data.YEARS) {
    const { communes, city } = monthlyFigures(year);
    for (let m = 1; m <= data.MONTHS; m++) {
      const end = periodEnd(monthId(year, m));
      for (const c of data.COMMUNES)
        past.push({
          form: monthly,
          periodId: monthId(year, m),
          unitId: communeIds.get(c.code)!,
          figures: communes.get(c.code)![m - 1]!,
          reporter: canbo,
          reviewer: mongcai,
          submittedOn: after(end, 3),
          decidedOn: after(end, 6),
        });
      past.push({
        form: monthly,
        periodId: monthId(year, m),
        unitId: cityId,
        figures: city[m - 1]!,
        reporter: canbo,
        reviewer: admin,
        submittedOn: after(end, 2),
        decidedOn: after(end, 7),
      });
    }
    const review = yearlyFigures(year);
    const end = periodEnd(String(year));
    for (const c of data.COMMUNES)
      past.push({
        form: yearly,
        periodId: String(year),
        unitId: communeIds.get(c.code)!,
        figures: review.get(c.code)!,
        reporter: canbo,
        reviewer: mongcai,
        submittedOn: after(end, 6),
        decidedOn: after(end, 9),
      });
    for (const v of villages)
      past.push({
        form: yearly,
        periodId: String(year),
        unitId: v.unit_id,
        figures: { TO_DAN_VAN: 1 },
        reporter: canbo,
        reviewer: mongcai,
        submittedOn: after(end, 4),
        decidedOn: after(end, 8),
      });
  }

  // Since the reform: the new wards' and communes' monthly reports to the province. Phường Móng Cái 1's are entered
  // by its officer, the others' by the province's administrator, who reviews them all (a ward's report goes to the
  // province). The latest period's are made through the services and show every state: a draft, a report returned
  // with its reason, one awaiting review, one approved on time, one approved late (these two, entered and approved by
  // the administrator, as history), and a commune that has not reported.
  const months = newUnitMonths(today);
  const newIds = new Map(
    await Promise.all(data.NEW_UNITS.map(async (u) => [u.code, await unitId(u.code, today)] as const)),
  );
  const latest: Report[] = [];
  for (const [i, { year, month }] of months.entries()) {
    const end = periodEnd(monthId(year, month));
    const due = after(end, DUE_DAYS);
    const last = i === months.length - 1;
    for (const u of data.NEW_UNITS) {
      const state = last ? data.CURRENT_STATES[u.code]! : 'approved';
      if (state === 'missing') continue;
      const submittedOn = minDay(state === 'late' ? after(due, 2) : after(end, 3), today);
      const r: Report = {
        form: monthly,
        periodId: monthId(year, month),
        unitId: newIds.get(u.code)!,
        figures: newUnitFigures(u, month),
        reporter: u.code === '06712' ? canbo : admin,
        reviewer: admin,
        submittedOn,
        decidedOn: minDay(after(submittedOn, 2), today),
        until: state === 'late' ? 'approved' : state,
      };
      // Whoever submits a report does not approve it: the administrator's own entries of the latest period that end
      // approved are written as imported history (the demo has no second reviewer of the province).
      const selfApproved = r.reporter === r.reviewer && r.until === 'approved';
      (last && !selfApproved ? latest : past).push(r);
    }
  }
  await writeHistory(past);

  // The 2021 plan: set for the city by the province, split by the city to its communes in proportion to 2020.
  for (const [code, value] of [
    ['HS_TRUC_TUYEN', data.PLAN_2021.dossiers],
    ['VUON_MAU', data.PLAN_2021.gardens],
    ['HO_MAU', data.PLAN_2021.households],
  ] as const) {
    const target = await putTarget(as(admin, '2021-01-05'), {
      indicatorId: ids.get(code)!,
      unitId: cityId,
      periodId: '2021',
      value,
    });
    await splitTarget(as(mongcai, '2021-01-08'), target.id, { method: 'proportional', basis: 'lastYear' });
  }

  for (const r of latest) await report(r);
  // The Farmers' Union of Phường Móng Cái 1 reports its model households for the month before the latest, and counts
  // more than the ward's approved report: its reviewer sees both sources and both values.
  const previous = months.at(-2);
  let farmersReports = 0;
  if (previous) {
    const bodyId = await inTransaction(db, actor, async (trx) => {
      const parent = await repo.bodyNamed(trx, data.PROVINCE_FARMERS);
      return repo.insertBody(trx, {
        unit_id: newIds.get('06712')!,
        kind: 'farmers_union',
        name: data.MC1_FARMERS,
        parent_id: parent?.id ?? null,
        valid_from: '2025-07-01',
      });
    });
    const ward = newUnitFigures(
      data.NEW_UNITS.find((u) => u.code === '06712')!,
      previous.month,
    );
    const end = periodEnd(monthId(previous.year, previous.month));
    await report({
      form: farmers,
      periodId: monthId(previous.year, previous.month),
      unitId: newIds.get('06712')!,
      bodyId,
      figures: { HO_MAU: (ward.HO_MAU as number) + data.FARMERS_EXTRA },
      reporter: canbo,
      reviewer: admin,
      submittedOn: minDay(after(end, 4), today),
      decidedOn: today,
      until: 'submitted',
    });
    farmersReports = 1;
  }
  return past.length + latest.length + farmersReports;
}

type Form = Awaited<ReturnType<typeof addVersion>>;
type Report = {
  form: Form;
  periodId: string;
  unitId: string;
  bodyId?: string;
  figures: Figures;
  reporter: Who;
  reviewer: Who;
  submittedOn: string;
  decidedOn: string;
  until?: 'draft' | 'submitted' | 'approved' | 'returned';
};

/** The version of a form in force on a day. */
function versionOn(form: Form, day: string) {
  const v = form.versions.find(
    (x) => (x.validFrom === null || x.validFrom <= day) && (x.validTo === null || day < x.validTo),
  );
  if (!v) throw new Error(`demo: no version of ${form.code} on ${day}`);
  return v;
}

/** Values with the whole of each indicator split by organisation added where only its parts are given. */
function withWholes(values: Value[]): Value[] {
  const parts = new Map<string, number>();
  const wholes = new Set<string>();
  for (const v of values)
    if ((v.category ?? '') === '') wholes.add(v.indicatorId);
    else parts.set(v.indicatorId, (parts.get(v.indicatorId) ?? 0) + v.value);
  return [
    ...values,
    ...[...parts].filter(([id]) => !wholes.has(id)).map(([indicatorId, value]) => ({ indicatorId, value })),
  ];
}

const minDay = (a: string, b: string) => (a < b ? a : b);
