import { translate, type Lang } from '../../i18n/messages.ts';
import { daysBetween, timelinessOf, waitingDays } from '../work/index.ts';

/** 'YYYY-MM-DD' → 'dd/MM/yyyy' (DESIGN §8: dates shown dd/MM/yyyy). */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** 'YYYY-MM-DD' → 'dd/MM', or 'dd/MM/yyyy' when the year is not `year`. */
function shortDate(iso: string, year: string): string {
  return iso.startsWith(year + '-') ? viDate(iso).slice(0, 5) : viDate(iso);
}

/** The path of a task in the web app. */
export const taskLink = (taskId: string) => `/nhiem-vu/${taskId}`;
/** The web app's "Việc của tôi". */
export const MY_WORK_LINK = '/viec-cua-toi';

const plural = (lang: Lang, key: string, n: number, params: Record<string, string | number> = {}) =>
  translate(lang, `${key}_${n === 1 ? 'one' : 'other'}`, { ...params, count: n });

/** The title of a reminder, e.g. "Sắp đến hạn: … (hạn 15/03/2026)". */
export function reminderTitle(
  lang: Lang,
  kind: 'due_soon' | 'overdue' | 'to_accept',
  task: { title: string; dueDate: string },
  today: string,
): string {
  return titleOf(lang, kind, task, today).normalize('NFC');
}

function titleOf(
  lang: Lang,
  kind: 'due_soon' | 'overdue' | 'to_accept',
  task: { title: string; dueDate: string },
  today: string,
): string {
  const due = viDate(task.dueDate);
  if (kind === 'to_accept') return translate(lang, 'notify.toAccept', { title: task.title, due });
  if (kind === 'overdue')
    return plural(lang, 'notify.overdue', daysBetween(task.dueDate, today), { title: task.title, due });
  if (task.dueDate === today) return translate(lang, 'notify.dueToday', { title: task.title, due });
  return translate(lang, 'notify.dueSoon', { title: task.title, due });
}

export function reminderBody(lang: Lang, task: { leadBodyName: string; programmeTitle: string }): string {
  return translate(lang, 'notify.taskBody', { body: task.leadBodyName, programme: task.programmeTitle }).normalize(
    'NFC',
  );
}

/** A task as one line of a digest: its status and report date say whether it waits for acceptance. */
export type DigestEntry = {
  title: string;
  leadBodyName: string;
  dueDate: string;
  status: string;
  reportedDoneOn: string | null;
};

/** Overdue first, then by due date, then by title (Vietnamese order). */
export function sortEntries<T extends { dueDate: string; title: string }>(entries: readonly T[]): T[] {
  const collator = new Intl.Collator('vi');
  return [...entries].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : collator.compare(a.title, b.title),
  );
}

/** The numbered lines of a digest: "1. [Quá hạn 2 ngày] <title> – chủ trì: <body> – hạn 20/11"; a task reported done
 * by its due date reads "[Chờ nghiệm thu 3 ngày]", not overdue (rollup.ts). Plain text: no markdown, so it pastes as
 * it is into Zalo or an SMS. */
export function digestLines(lang: Lang, entries: readonly DigestEntry[], today: string): string[] {
  const year = today.slice(0, 4);
  return sortEntries(entries).map((e, i) => {
    const left = daysBetween(today, e.dueDate);
    const task = { status: e.status, due_date: e.dueDate, reported_done_on: e.reportedDoneOn };
    const waited = waitingDays(task, today);
    const label =
      waited !== null
        ? plural(lang, timelinessOf(task, today) === 'overdue' ? 'digest.overdueWaiting' : 'digest.waiting', waited)
        : left < 0
          ? plural(lang, 'digest.overdue', -left)
          : left === 0
            ? translate(lang, 'digest.today')
            : plural(lang, 'digest.left', left);
    const parts = [
      `${i + 1}. [${label}] ${e.title}`,
      translate(lang, 'digest.lead', { body: e.leadBodyName }),
      translate(lang, 'digest.due', { date: shortDate(e.dueDate, year) }),
    ];
    return parts.join(' – ');
  });
}

/** The whole message: a heading naming the person and the last day covered, then the lines. */
export function digestText(
  lang: Lang,
  name: string,
  until: string,
  entries: readonly DigestEntry[],
  today: string,
): string {
  const heading = translate(lang, 'digest.heading', { date: viDate(until), name });
  const lines = digestLines(lang, entries, today);
  return [heading, ...(lines.length ? lines : [translate(lang, 'digest.none')])].join('\n').normalize('NFC');
}

export function digestTitle(lang: Lang, today: string, count: number): string {
  return plural(lang, 'notify.digestTitle', count, { date: viDate(today) }).normalize('NFC');
}
