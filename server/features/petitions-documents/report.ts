import { viNumber } from '../../i18n/figures.ts';
import type { PeriodCounts } from '../petitions/index.ts';
import { ACTION_WORDS, CHANNEL_WORDS, COMPETENCE_WORDS, KIND_WORDS } from './documents.texts.ts';

/**
 * The six-monthly / yearly petition report's figures in words and tables (pure): counts by kind, channel,
 * competence and action, deadlines met on time or late, each against the same period of the year before.
 */

/** "99,89%": a share with at most two decimals and no space before the sign. */
export function share(part: number, whole: number): string {
  if (!whole) return '';
  const v = Math.round((part * 10000) / whole) / 100;
  return `${v.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;
}

/** "tăng 5 đơn so với cùng kỳ", "giảm 3 đơn so với cùng kỳ", "bằng cùng kỳ". */
export function versus(now: number, before: number, noun = 'đơn'): string {
  const d = now - before;
  if (!d) return 'bằng cùng kỳ';
  return `${d > 0 ? 'tăng' : 'giảm'} ${viNumber(Math.abs(d))} ${noun} so với cùng kỳ`;
}

const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);

export type ReportRow = { group: string; label: string; now: number; before: number; share: string; change: string };

const WORDS = {
  byKind: { ...KIND_WORDS, unclassified: 'chưa phân loại' },
  byChannel: { ...CHANNEL_WORDS, unclassified: 'không rõ' },
  byCompetence: { ...COMPETENCE_WORDS, unclassified: 'chưa xác định' },
  byAction: { register: 'Vào sổ', ...ACTION_WORDS },
} as const;
const GROUPS: [keyof typeof WORDS, string][] = [
  ['byKind', 'Theo loại đơn'],
  ['byChannel', 'Theo nguồn tiếp nhận'],
  ['byCompetence', 'Theo thẩm quyền giải quyết'],
  ['byAction', 'Kết quả xử lý'],
];

const change = (now: number, before: number) => (now - before > 0 ? `+${now - before}` : String(now - before));

/** The report's table: each dimension's rows (every key of either period, in the order of the words), the share of
 * the period's total (the actions' shares are of the letters received), and the deadlines on time and late. */
export function reportRows(now: PeriodCounts, before: PeriodCounts): ReportRow[] {
  const total = sum(now.byKind);
  const rows: ReportRow[] = [
    { group: 'Tổng số', label: 'Đơn tiếp nhận', now: total, before: sum(before.byKind), share: '', change: '' },
  ];
  rows[0]!.change = change(rows[0]!.now, rows[0]!.before);
  for (const [key, group] of GROUPS) {
    const words: Record<string, string> = WORDS[key];
    const keys = [...new Set([...Object.keys(words), ...Object.keys(now[key]), ...Object.keys(before[key])])].filter(
      (k) => (now[key][k] ?? 0) + (before[key][k] ?? 0) > 0,
    );
    for (const k of keys) {
      const n = now[key][k] ?? 0;
      const b = before[key][k] ?? 0;
      const label = words[k] ?? k;
      rows.push({
        group,
        label: label.charAt(0).toLocaleUpperCase('vi') + label.slice(1),
        now: n,
        before: b,
        share: share(n, total),
        change: change(n, b),
      });
    }
  }
  const done = now.onTime + now.late;
  rows.push(
    {
      group: 'Thời hạn xử lý',
      label: 'Đúng hạn',
      now: now.onTime,
      before: before.onTime,
      share: share(now.onTime, done),
      change: change(now.onTime, before.onTime),
    },
    {
      group: 'Thời hạn xử lý',
      label: 'Quá hạn',
      now: now.late,
      before: before.late,
      share: share(now.late, done),
      change: change(now.late, before.late),
    },
  );
  return rows;
}

/** A dimension in a sentence: "khiếu nại 10 đơn (chiếm 23,81%), tố cáo 2 đơn (chiếm 4,76%)". */
function breakdown(m: Record<string, number>, words: Record<string, string>, total: number): string {
  return Object.entries(m)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${words[k] ?? k} ${viNumber(n)} đơn (chiếm ${share(n, total)})`)
    .join(', ');
}

/** The report's sentences, as an officer writes them: "Tiếp nhận 42 đơn (tăng 5 đơn so với cùng kỳ)". */
export function reportSentences(
  now: PeriodCounts,
  before: PeriodCounts,
): { received: string[]; handled: string[]; timeliness: string[] } {
  const total = sum(now.byKind);
  const received = [`Tiếp nhận ${viNumber(total)} đơn (${versus(total, sum(before.byKind))}).`];
  if (total) {
    received.push(`Phân loại theo nội dung: ${breakdown(now.byKind, WORDS.byKind, total)}.`);
    received.push(`Theo nguồn tiếp nhận: ${breakdown(now.byChannel, WORDS.byChannel, total)}.`);
    received.push(`Theo thẩm quyền giải quyết: ${breakdown(now.byCompetence, WORDS.byCompetence, total)}.`);
  }
  const a = now.byAction;
  const b = before.byAction;
  const act = (k: string, words: string) =>
    a[k] ? [`${words} ${viNumber(a[k])} đơn (${versus(a[k], b[k] ?? 0)})`] : [];
  const steps = [
    ...act('guide', 'hướng dẫn công dân'),
    ...act('forward', 'chuyển đơn đến cơ quan có thẩm quyền'),
    ...act('file', 'xếp lưu'),
    ...act('propose', 'đề xuất xử lý theo thẩm quyền'),
    ...act('withdraw', 'công dân rút'),
  ];
  const handled = [
    steps.length ? `Đã xử lý: ${steps.join('; ')}.` : 'Trong kỳ chưa có đơn được xử lý.',
    ...(a.record_reply
      ? [`Nhận ${viNumber(a.record_reply)} văn bản kết quả giải quyết của cơ quan có thẩm quyền.`]
      : []),
    ...(a.remind ? [`Đôn đốc ${viNumber(a.remind)} lượt đối với các cơ quan chậm giải quyết.`] : []),
    ...(a.supervise ? [`Chuyển ${viNumber(a.supervise)} vụ việc kéo dài sang giám sát.`] : []),
  ];
  const done = now.onTime + now.late;
  const timeliness = done
    ? [
        `Thời hạn xử lý: ${viNumber(now.onTime)} việc đúng hạn (đạt ${share(now.onTime, done)}), ${viNumber(now.late)} việc quá hạn (chiếm ${share(now.late, done)}).`,
      ]
    : ['Trong kỳ không có thời hạn xử lý đến hạn.'];
  return { received, handled, timeliness };
}
