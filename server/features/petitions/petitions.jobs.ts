import type { AppContext } from '../../context.ts';
import { localDate } from '../../clock.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { translate, type Lang } from '../../i18n/messages.ts';
import { sendNotificationsOnce } from '../notifications/index.ts';
import * as repo from './petitions.jobs.repository.ts';
import { registerNumber } from './petitions.presenter.ts';
import { insertEvent } from './petitions.repository.ts';

/** Who writes the petitions' reminders and pass-overs, in the audit trail. */
export const PETITIONS_JOB: Actor = { accountId: null, label: 'job:petitions' };

/** Days before a due day that the assigned officers are warned. */
export const WARN_DAYS = 3;

const RULE_KEYS: Record<string, string> = {
  'petition.reply_citizen': 'replyCitizen',
  'denunciation.transfer': 'denunciationTransfer',
  'complaint.front_result': 'frontResult',
  'proposal.follow_up': 'proposalFollowUp',
  'petition.filed_keep': 'filedKeep',
};

const dmy = (d: string) => d.split('-').reverse().join('/');

/** One line per deadline: the case's register number, what is due and when — never a petitioner, nor the summary
 * (which may name one): a notification may be read on a shared screen or forwarded by e-mail. */
function lines(lang: Lang, rows: readonly repo.DueRow[]): string {
  return rows
    .map((d) =>
      translate(lang, 'petitions.notify.line', {
        number: registerNumber(d) ?? translate(lang, 'petitions.notify.unnumbered'),
        what: RULE_KEYS[d.rule] ? translate(lang, `petitions.rule.${RULE_KEYS[d.rule]}`) : d.rule,
        due: dmy(d.due_on),
      }),
    )
    .join('\n');
}

function byAccount(rows: readonly repo.DueRow[]) {
  const map = new Map<string, repo.DueRow[]>();
  for (const r of rows) map.set(r.account_id, [...(map.get(r.account_id) ?? []), r]);
  return map;
}

export type PetitionSweepResult = { warned: number; overdue: number; passed: number };

/**
 * The petitions' part of the daily sweep: a notification to the assigned officers of each case with a deadline due
 * within WARN_DAYS ('petition_due_soon'), and to the receiving body's leaders of each one that has passed
 * ('petition_overdue'); one notification per account, kind and day listing the cases, each deadline warned and
 * notified once (warned_at, overdue_notified_at). Before that, open cases of bodies that ended pass to their
 * successors. A plain function: tests call it with their clock.
 */
export async function runPetitionSweep(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<PetitionSweepResult> {
  const passed = await passOpenCasesToSuccessors(ctx);
  const now = ctx.clock.now();
  const today = localDate(now);
  return inTransaction(ctx.db, PETITIONS_JOB, async (trx) => {
    const counts = { warned: 0, overdue: 0, passed };
    for (const [kind, rows, column] of [
      ['petition_due_soon', await repo.dueSoon(trx, today, WARN_DAYS), 'warned_at'],
      ['petition_overdue', await repo.overdue(trx, today), 'overdue_notified_at'],
    ] as const) {
      const groups = byAccount(rows);
      await sendNotificationsOnce(
        trx,
        [...groups.entries()].map(([accountId, list]) => {
          const lang: Lang = list[0]!.locale === 'en' ? 'en' : 'vi';
          return {
            account_id: accountId,
            kind,
            task_id: null,
            day: today,
            title: translate(lang, `petitions.notify.${kind === 'petition_due_soon' ? 'dueSoon' : 'overdue'}`, {
              count: list.length,
            }),
            body: lines(lang, list),
            link: '/don-thu',
          };
        }),
      );
      // Each deadline is warned (and notified overdue) once; an account already notified today by an earlier run is
      // not notified twice that day (the once-key), the cases it lists are in the next day's list of the due ones.
      const ids = [...new Set(rows.map((r) => r.deadline_id))];
      await repo.markWarned(trx, ids, column, now);
      if (kind === 'petition_due_soon') counts.warned = ids.length;
      else counts.overdue = ids.length;
    }
    return counts;
  });
}

/**
 * The reform's pass-over: open cases of bodies that ended (a district Front, a district People's Committee on
 * 1/7/2025) and named successors (body_links) pass to the successor — the one holding the petitioner's address unit,
 * else the first. The register number stays that of the register that gave it; the timeline records the pass-over.
 * Idempotent: a case passed is the successor's, which has not ended.
 */
export async function passOpenCasesToSuccessors(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<number> {
  const today = localDate(ctx.clock.now());
  return inTransaction(ctx.db, PETITIONS_JOB, async (trx) => {
    const rows = await repo.casesToPass(trx, today);
    for (const r of rows) {
      await repo.passTo(trx, r.petition_id, r.to_body_id);
      await insertEvent(trx, {
        petition_id: r.petition_id,
        day: today,
        action: 'pass_over',
        from_state: r.state,
        to_state: r.state,
        account_id: null,
        note: null,
        details: JSON.stringify({ fromBodyId: r.from_body_id, toBodyId: r.to_body_id }),
      });
    }
    return rows.length;
  });
}
