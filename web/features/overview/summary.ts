import type { TFunction } from 'i18next';
import type { Counts } from '../work/work.api.ts';
import { formatPercent } from '../work/TaskBits.tsx';
import type { Overview } from './overview.api.ts';

/** Share of tasks done, 0–100 (0 when there are none). */
export function donePercent(c: Pick<Counts, 'done' | 'total'>): number {
  return c.total > 0 ? (c.done * 100) / c.total : 0;
}

/** Counts as a Vietnamese report writes them: "04", "15" (two digits at least); plain numbers in English. */
export function countText(n: number, lang: string): string {
  return lang.startsWith('en') ? String(n) : String(n).padStart(2, '0');
}

/** "Nhiệm vụ trọng tâm…" → "nhiệm vụ trọng tâm…", for use inside a sentence. */
function lowerFirst(s: string): string {
  return s ? s.charAt(0).toLocaleLowerCase() + s.slice(1) : s;
}

/**
 * The overview in one paragraph, worded like the bloc's own year-end reports: "… đã hoàn thành 12/20 nhiệm vụ …;
 * Hoàn thành 04 nhiệm vụ trọng tâm đăng ký với cấp ủy; 03 nhiệm vụ theo cơ chế đặt hàng."
 */
export function summarySentence(o: Overview, t: TFunction, lang: string): string {
  const c = o.totals;
  const n = (x: number) => countText(x, lang);
  if (c.total === 0) return t('overview.summary.empty', { title: o.programme.title });
  const parts = [
    t('overview.summary.main', {
      year: o.programme.year,
      body: o.programme.bodyName,
      total: n(c.total),
      count: c.total,
      groups: n(o.groups.length),
      done: n(c.done),
      percent: formatPercent(donePercent(c), lang),
    }),
  ];
  if (c.done > 0) parts[0] += t('overview.summary.split', { onTime: n(c.onTime), late: n(c.late) });
  parts.push(
    c.overdue > 0
      ? t('overview.summary.overdue', { count: c.overdue, n: n(c.overdue) })
      : t('overview.summary.noOverdue'),
  );
  if (c.awaiting > 0) parts.push(t('overview.summary.awaiting', { count: c.awaiting, n: n(c.awaiting) }));
  if (c.open > 0) parts.push(t('overview.summary.open', { count: c.open, n: n(c.open) }));
  let text = parts.join('; ') + '.';
  const apart = o.apart.filter((a) => a.counts.total > 0);
  if (apart.length) {
    const items = apart.map((a) =>
      a.counts.done === a.counts.total
        ? t('overview.summary.apartAll', { done: n(a.counts.done), name: lowerFirst(a.name) })
        : t('overview.summary.apartSome', {
            done: n(a.counts.done),
            total: n(a.counts.total),
            name: lowerFirst(a.name),
          }),
    );
    text += ' ' + t('overview.summary.apart', { list: items.join('; ') }) + '.';
  }
  return text;
}
