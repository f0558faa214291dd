import type { AppContext } from '../../context.ts';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import * as repo from './task.commands.repository.ts';
import { insertTask } from './task.create.service.ts';
import { nextPeriod } from './task.rules.ts';

/** Creates the next occurrence of a recurring series once its latest occurrence is accepted or past due, within
 * the programme's year; idempotent (unique series + occurrence), so a job delivered twice creates it once. */
export async function createNextOccurrence(
  trx: Trx,
  actor: Actor,
  seriesId: string,
  today: string,
): Promise<string | null> {
  const last = await repo.lastOccurrence(trx, seriesId);
  if (!last || !last.recurrence || !last.due_date || last.status === 'cancelled') return null;
  if (!(last.status === 'accepted' || last.due_date < today)) return null;
  const period = nextPeriod(last.recurrence, last.due_date);
  if (Number(period.start.slice(0, 4)) > last.year) return null;
  const occurrence = (last.occurrence ?? 1) + 1;
  if (await repo.occurrenceExists(trx, seriesId, occurrence)) return null;
  const coops = await repo.cooperatorsOf(trx, last.id);
  return insertTask(trx, actor, today, {
    programmeId: last.programme_id,
    parentId: last.parent_id,
    groupId: last.group_id,
    kind: last.kind,
    title: last.title,
    description: last.description ?? undefined,
    leadBodyId: last.lead_body_id,
    responsiblePersonId: last.responsible_person_id,
    assigneeAccountId: last.assignee_account_id,
    startDate: period.start,
    dueDate: period.due,
    targetValue: last.target_value === null ? null : Number(last.target_value),
    targetUnit: last.target_unit,
    priority: last.priority,
    weight: Number(last.weight),
    recurrence: last.recurrence,
    cooperators: coops.map((co) => ({ bodyId: co.body_id, part: co.part ?? undefined, personId: co.person_id })),
    assign: true,
    seriesId,
    occurrence,
  });
}

/** The daily sweep's part for recurring tasks: every series whose latest occurrence is due or done. */
export async function createDueOccurrences(ctx: Pick<AppContext, 'db'>, today: string): Promise<number> {
  const actor: Actor = { accountId: null, label: 'job:recurrence' };
  let n = 0;
  for (const seriesId of await repo.seriesToRenew(ctx.db, today)) {
    const made = await inTransaction(ctx.db, actor, (trx) => createNextOccurrence(trx, actor, seriesId, today)).catch(
      (err: { code?: string }) => {
        if (err.code === '23505') return null; // another server made it first
        throw err;
      },
    );
    if (made) n++;
  }
  return n;
}
