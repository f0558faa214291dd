import type { AppContext } from '../../context.ts';
import { localDate } from '../../clock.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { deliver, type DeliveryResult, type NotificationChannel } from './channels.ts';
import { concerns, insertOnce, type ConcernRow, type NewNotification } from './notifications.repository.ts';
import { digestLines, digestTitle, MY_WORK_LINK, reminderBody, reminderTitle, taskLink } from './notifications.text.ts';

/** Who writes reminders, in the audit trail. */
export const REMINDERS_ACTOR: Actor = { accountId: null, label: 'job:reminders' };

export type SweepResult = {
  day: string;
  /** notifications written by this run, per kind (0 when an earlier run of the day wrote them) */
  inserted: { due_soon: number; overdue: number; to_accept: number; digest: number };
  /** (account, task) pairs concerned today, whether written now or before */
  concerned: number;
  delivery: DeliveryResult[];
};

// A deadlock cannot happen between two sweeps (both take the unique-key locks in the same order), but a sweep
// racing another writer of notifications might meet one: PostgreSQL aborts one side, which simply runs again.
const RETRYABLE = new Set(['40P01', '40001']);

async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts || !RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
    }
  }
}

/** The reminder rows of one day, in the order of `concerns` (account, kind, task). */
function reminderRows(rows: readonly ConcernRow[], today: string): NewNotification[] {
  return rows.map((r) => ({
    account_id: r.account_id,
    kind: r.kind,
    task_id: r.task_id,
    day: today,
    title: reminderTitle(r.locale, r.kind, { title: r.task_title, dueDate: r.due_date }, today),
    body: reminderBody(r.locale, { leadBodyName: r.lead_body_name, programmeTitle: r.programme_title }),
    link: taskLink(r.task_id),
  }));
}

/** One digest per account that asked for it and has something due or overdue, in account order. */
function digestRows(rows: readonly ConcernRow[], today: string): NewNotification[] {
  const byAccount = new Map<string, ConcernRow[]>();
  for (const r of rows) if (r.daily_digest) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r]);
  return [...byAccount.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([accountId, list]) => {
      const lang = list[0]!.locale;
      const entries = list.map((r) => ({
        title: r.task_title,
        leadBodyName: r.lead_body_name,
        dueDate: r.due_date,
        status: r.status,
        reportedDoneOn: r.reported_done_on,
      }));
      return {
        account_id: accountId,
        kind: 'digest',
        task_id: null,
        day: today,
        title: digestTitle(lang, today, list.length),
        body: digestLines(lang, entries, today).join('\n'),
        link: MY_WORK_LINK,
      };
    });
}

/**
 * The daily reminder sweep for "today" = the clock's date in Asia/Ho_Chi_Minh: a 'due_soon', 'overdue' or
 * 'to_accept' notification per task and account concerned (see `concerns`), and a 'digest' per account that asked
 * for one; then delivery through `channels` (e-mail). All notifications are written in one transaction with
 * `on conflict do nothing` on the once-key (account, kind, task, day), so a reminder fires at most once per day
 * however many times the job is delivered and however many servers run it at once. A plain function: tests call
 * it with their own clock.
 */
export async function runReminderSweep(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  opts: { channels?: readonly NotificationChannel[] } = {},
): Promise<SweepResult> {
  const today = localDate(ctx.clock.now());
  const { inserted, concerned } = await withRetry(() =>
    inTransaction(ctx.db, REMINDERS_ACTOR, async (trx) => {
      const rows = await concerns(trx, today);
      const written = [
        ...(await insertOnce(trx, reminderRows(rows, today))),
        ...(await insertOnce(trx, digestRows(rows, today))),
      ];
      const count = (kind: string) => written.filter((w) => w.kind === kind).length;
      return {
        concerned: rows.length,
        inserted: {
          due_soon: count('due_soon'),
          overdue: count('overdue'),
          to_accept: count('to_accept'),
          digest: count('digest'),
        },
      };
    }),
  );
  const delivery = await deliver(ctx, opts.channels ?? [], today, REMINDERS_ACTOR);
  return { day: today, inserted, concerned, delivery };
}
