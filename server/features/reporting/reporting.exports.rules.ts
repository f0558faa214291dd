import { fold } from '../../i18n/names.ts';
import { planFigures, planPercent, planText, viNumber } from '../../i18n/figures.ts';
import { periodLabel } from './periods.labels.ts';
import { idOfMonths, monthOf, parsePeriod, yearOf, type Period } from './periods.ts';

/**
 * How a review report (báo cáo sơ kết / tổng kết) words its period, its figures and its sections. Pure: no I/O.
 */

/** What a period's review report is called: "tổng kết" for a whole year, "sơ kết" for the first six months,
 * "kết quả" otherwise; what it covers ("6 tháng đầu năm 2021", "11 tháng năm 2021", "quý III/2021") and the period
 * its tasks ahead are for. */
export type ReviewTitle = { kind: 'sơ kết' | 'tổng kết' | 'kết quả'; subject: string; ahead: string };

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

export function reviewTitle(p: Period): ReviewTitle {
  const months = p.lastMonth - p.firstMonth + 1;
  const y = yearOf(p.firstMonth);
  const next = (m: number) => {
    const id = idOfMonths(p.lastMonth + 1, p.lastMonth + m);
    return id ? lowerFirst(periodLabel(parsePeriod(id)!)) : '';
  };
  const fromJanuary = monthOf(p.firstMonth) === 1 && yearOf(p.lastMonth) === y;
  if (fromJanuary && months === 12) return { kind: 'tổng kết', subject: `năm ${y}`, ahead: `năm ${y + 1}` };
  if (fromJanuary && months === 6)
    return { kind: 'sơ kết', subject: `6 tháng đầu năm ${y}`, ahead: `6 tháng cuối năm ${y}` };
  if (fromJanuary && months > 1 && months < 12 && months !== 3)
    return {
      kind: 'kết quả',
      subject: `${months} tháng năm ${y}`,
      ahead: months === 11 ? `tháng 12/${y}` : `${12 - months} tháng cuối năm ${y}`,
    };
  return { kind: 'kết quả', subject: lowerFirst(periodLabel(p)), ahead: next(months) };
}

/** "Báo cáo sơ kết 6 tháng đầu năm 2021": the report's name (its file name and document title). */
export const reviewName = (t: ReviewTitle) => `Báo cáo ${t.kind} ${t.subject}`;

/** The abstract under "BÁO CÁO": "Sơ kết 6 tháng đầu năm 2021, phương hướng, nhiệm vụ 6 tháng cuối năm 2021". */
export const reviewAbstract = (t: ReviewTitle) =>
  `${upperFirst(t.kind)} ${t.subject}${t.ahead ? `, phương hướng, nhiệm vụ ${t.ahead}` : ''}`;

const UNIT_KIND =
  /^(Tỉnh|Thành phố|Thị xã|Huyện|Quận|Phường|Xã|Thị trấn|Đặc khu|Thôn|Khu|Bản|Ấp|Tổ dân phố|Khu phố)\s/u;

/** A unit's name inside a sentence: its kind in lower case ("trên địa bàn phường Móng Cái 1"). */
export const unitInSentence = (name: string) => (UNIT_KIND.test(name) ? lowerFirst(name) : name);

/** A listed item ends with one full stop (a list's lead-in keeps its colon, a question or an exclamation its mark). */
export function endItem(text: string): string {
  const t = text.normalize('NFC').trim();
  if (!t) return t;
  if (/[:?!…]$/u.test(t)) return t;
  return `${t.replace(/[\s.;,]+$/u, '')}.`;
}

export type FigureKind = { valueType: string; kind: string; measure: string | null };
export type FigureCell = {
  value: number | null;
  target: number | null;
  percent: number | null;
  lastYear: number | null;
  partial: boolean;
};

const isPercent = (k: FigureKind) => k.valueType === 'percentage' || k.measure === '%';

/** An amount with its measure: "36.793 hồ sơ", "99,89%" (a percentage as entered, no space before the sign),
 * "1.200.000 đồng". */
export function amountText(n: number, k: FigureKind): string {
  if (isPercent(k)) return `${viNumber(n)}%`;
  return `${viNumber(n)}${k.measure ? ` ${k.measure}` : ''}`;
}

/** The result against the plan: "đạt 167,2%, vượt 14.793 hồ sơ so với KH" ('' without a plan). */
export function planPhrase(c: FigureCell, k: FigureKind): string {
  return planText(c.value, c.target, isPercent(k) ? 'điểm phần trăm' : k.measure);
}

/** The result against the same period last year: "tăng 15.666 hồ sơ so với cùng kỳ", "giảm 2 mô hình so với cùng
 * kỳ", "bằng cùng kỳ" ('' when either is missing). */
export function lastYearPhrase(c: FigureCell, k: FigureKind): string {
  if (c.value === null || c.lastYear === null) return '';
  const d = Math.round((c.value - c.lastYear) * 100) / 100;
  if (d === 0) return 'bằng cùng kỳ';
  const amount = isPercent(k)
    ? `${viNumber(Math.abs(d))} điểm phần trăm`
    : `${viNumber(Math.abs(d))}${k.measure ? ` ${k.measure}` : ''}`;
  return `${d > 0 ? 'tăng' : 'giảm'} ${amount} so với cùng kỳ`;
}

/** One indicator as the office writes it: "Số hồ sơ …: 36.793 hồ sơ, đạt 167,2%, vượt 14.793 hồ sơ so với KH; tăng
 * 15.666 hồ sơ so với cùng kỳ." A coverage indicator as "17/17 xã, phường (đạt 100,0%)". `mark` flags a figure fed
 * by a unit that only partly became this one. */
export function figureSentence(name: string, c: FigureCell, k: FigureKind, mark = ''): string {
  if (c.value === null)
    return endItem(`${name}: chưa có số liệu${c.target !== null ? ` (kế hoạch ${amountText(c.target, k)})` : ''}`);
  let head: string;
  if (k.kind === 'coverage' && c.target !== null) {
    const f = planFigures(c.value, c.target);
    head = `${viNumber(c.value)}/${viNumber(c.target)}${k.measure ? ` ${k.measure}` : ''}${f ? ` (đạt ${planPercent(f.percent)})` : ''}`;
  } else {
    const plan = planPhrase(c, k);
    head = `${amountText(c.value, k)}${plan ? `, ${plan}` : ''}`;
  }
  const compare = lastYearPhrase(c, k);
  return endItem(`${name}: ${head}${mark}${compare ? `; ${compare}` : ''}`);
}

/** The headings of a review report and the narrative section keys each gathers (a form's section whose key is not
 * listed goes where its title's words say, else under the results). */
export const REVIEW_SECTIONS = [
  { heading: 'results', keys: ['results', 'ket_qua', 'achievements', 'highlights'] },
  { heading: 'shortcomings', keys: ['shortcomings', 'limitations', 'difficulties', 'ton_tai', 'han_che'] },
  { heading: 'causes', keys: ['causes', 'reasons', 'nguyen_nhan'] },
  { heading: 'tasks', keys: ['tasks', 'directions', 'next', 'plans', 'phuong_huong', 'nhiem_vu'] },
  { heading: 'proposals', keys: ['proposals', 'recommendations', 'kien_nghi', 'de_xuat'] },
] as const;
export type ReviewHeading = (typeof REVIEW_SECTIONS)[number]['heading'];

const TITLE_WORDS: [ReviewHeading, RegExp][] = [
  ['causes', /nguyen nhan/],
  ['shortcomings', /ton tai|han che|kho khan|vuong mac/],
  ['proposals', /kien nghi|de xuat|de nghi/],
  ['tasks', /phuong huong|nhiem vu|ke hoach|thoi gian toi/],
  ['results', /ket qua/],
];

/** The heading a narrative section goes under: by its key, else by the words of its title, else the results. */
export function headingOf(key: string, title: string | null): ReviewHeading {
  const byKey = REVIEW_SECTIONS.find((s) => (s.keys as readonly string[]).includes(key.toLowerCase()));
  if (byKey) return byKey.heading;
  const words = fold(title ?? '');
  return TITLE_WORDS.find(([, re]) => re.test(words))?.[0] ?? 'results';
}
