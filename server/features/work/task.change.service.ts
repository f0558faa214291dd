import type { z } from 'zod';
import type { Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { assertReferences, referenceRefused } from '../../http/references.ts';
import { fold } from '../../i18n/names.ts';
import { WORKFLOW } from './task.access.ts';
import * as repo from './task.commands.repository.ts';
import { taskDetail } from './task.detail.service.ts';
import { createNextOccurrence } from './task.recurrence.service.ts';
import { programmeOwnerUnit } from './programmes.repository.ts';
import { taskReferenceChecks } from './task.references.ts';
import { checkTargetIndicator, targetIndicatorColumns } from './task.reported.ts';
import { checkCooperatorList, checkDates, usableBody, type CooperatorInput } from './task.rules.ts';
import { forChange, inWorkTransaction } from './task.tx.ts';
import type * as s from './task.schemas.ts';
import type { WorkCaller, WorkRequest } from './work.scope.ts';

/** An assignee must be an account that can still sign in. */
async function checkAccount(trx: Trx, id: string | null | undefined, field: string) {
  if (!id) return;
  const a = await repo.findAccount(trx, id);
  if (!a) throw referenceRefused(field);
  if (a.disabled_at) throw new AppError('ACCOUNT_DISABLED', { field });
}

async function checkCooperators(trx: Trx, leadBodyId: string, list: readonly CooperatorInput[], date: string) {
  if (!list.length) return;
  const { bodies, people } = await repo.bodiesAndPeople(
    trx,
    list.map((c) => c.bodyId),
    list.flatMap((c) => (c.personId ? [c.personId] : [])),
  );
  checkCooperatorList(leadBodyId, list, new Map(bodies.map((b) => [b.id, b])), new Set(people.map((p) => p.id)), date);
}

/** The columns an edit may change, by field. */
const EDITABLE = [
  ['groupId', 'group_id'],
  ['kind', 'kind'],
  ['title', 'title'],
  ['description', 'description'],
  ['responsiblePersonId', 'responsible_person_id'],
  ['assigneeAccountId', 'assignee_account_id'],
  ['startDate', 'start_date'],
  ['targetValue', 'target_value'],
  ['targetUnit', 'target_unit'],
  ['resultValue', 'result_value'],
  ['priority', 'priority'],
  ['weight', 'weight'],
  ['recurrence', 'recurrence'],
] as const;

/** Edits a task ('work.manage'); its due date only while a draft (later, by an extension). */
export async function updateTask(r: WorkRequest, id: string, input: z.infer<typeof s.updateTask>) {
  const { caller: c, actor } = r;
  await inWorkTransaction(r.app.db, actor, async (trx) => {
    const { access, row } = await forChange(trx, c, id, input.version);
    if (!access.manage) throw new AppError('FORBIDDEN');
    if (row.status === 'accepted' || row.status === 'cancelled')
      throw new AppError('INVALID_TRANSITION', { params: { status: row.status } });
    if (input.dueDate !== undefined && input.dueDate !== row.due_date && row.status !== 'draft')
      throw invalid('dueDate', 'validation.dueNeedsExtension');
    checkDates(
      input.startDate !== undefined ? input.startDate : row.start_date,
      input.dueDate !== undefined ? input.dueDate : row.due_date,
    );
    if (input.kind && !(await repo.kindExists(trx, input.kind))) throw referenceRefused('kind');
    if (input.groupId && (await repo.groupProgramme(trx, input.groupId)) !== row.programme_id)
      throw referenceRefused('groupId');
    await assertReferences(trx, c, programmeOwnerUnit(row.programme_id), taskReferenceChecks(input));
    await checkAccount(trx, input.assigneeAccountId, 'assigneeAccountId');
    await checkTargetIndicator(
      trx,
      input,
      { programmeId: row.programme_id },
      { targetIndicatorId: row.target_indicator_id },
    );
    const set: Record<string, string | number | null> = {};
    for (const [k, col] of EDITABLE) if (input[k] !== undefined) set[col] = input[k] === '' ? null : input[k];
    Object.assign(set, targetIndicatorColumns(input));
    if (input.title) set.title_fold = fold(input.title);
    if (input.dueDate !== undefined && row.status === 'draft')
      Object.assign(set, { due_date: input.dueDate, original_due_date: input.dueDate });
    if (input.recurrence && !row.series_id) Object.assign(set, { series_id: row.id, occurrence: 1 });
    await repo.updateTaskRow(trx, id, set);
    const changed = Object.keys(set).filter(
      (k) =>
        k !== 'title_fold' &&
        k !== 'series_id' &&
        k !== 'occurrence' &&
        k !== 'original_due_date' &&
        String(set[k] ?? '') !== String(row[k as keyof typeof row] ?? ''),
    );
    if (changed.length)
      await repo.insertTaskUpdate(trx, {
        task_id: id,
        kind: 'edit',
        note: changed.join(', '),
        entered_by: c.accountId,
      });
  });
  return taskDetail(r, id);
}

/** Sets a task's cooperating bodies ('work.manage'). */
export async function setCooperators(r: WorkRequest, id: string, input: z.infer<typeof s.setCooperators>) {
  const { caller: c, actor } = r;
  await inWorkTransaction(r.app.db, actor, async (trx) => {
    const { access, row } = await forChange(trx, c, id, input.version);
    if (!access.manage) throw new AppError('FORBIDDEN');
    await assertReferences(
      trx,
      c,
      programmeOwnerUnit(row.programme_id),
      taskReferenceChecks({ cooperators: input.cooperators }),
    );
    await checkCooperators(trx, row.lead_body_id, input.cooperators, c.today);
    await repo.writeCooperators(trx, id, input.cooperators);
    await repo.updateTaskRow(trx, id, {});
  });
  return taskDetail(r, id);
}

/** Moves a task along its workflow (task.access.ts WORKFLOW: who may take each action from which status). */
export async function transition(r: WorkRequest, id: string, input: z.infer<typeof s.transition>) {
  const { caller: c, actor } = r;
  await inWorkTransaction(r.app.db, actor, async (trx) => {
    const { access, row } = await forChange(trx, c, id, input.version);
    const rule = WORKFLOW[input.action];
    if (!rule.from.includes(row.status)) throw new AppError('INVALID_TRANSITION', { params: { status: row.status } });
    if (!access[rule.who]) throw new AppError('FORBIDDEN');
    if (rule.reason && !input.reason) throw invalid('reason', 'validation.reasonRequired');
    const set: Record<string, unknown> = { status: rule.to, status_reason: input.reason || null };
    if (input.action === 'report_done') {
      const on = input.reportedOn ?? c.today;
      if (on > c.today) throw invalid('reportedOn', 'validation.notInFuture');
      Object.assign(set, { reported_done_on: on, reported_progress: 100 });
    }
    if (input.action === 'accept') {
      // Never the person who reported the work done (neither who typed it nor who said it).
      const last = await repo.lastReportedDone(trx, id);
      if (last && (last.entered_by === c.accountId || (c.personId && last.reported_by_person_id === c.personId)))
        throw new AppError('SELF_ACCEPT', { field: 'action' });
      Object.assign(set, { accepted_on: c.today, accepted_by: c.accountId });
    }
    if (input.action === 'return') Object.assign(set, { reported_done_on: null });
    if (input.action === 'reassign') Object.assign(set, await reassignment(trx, c, row, input));
    await repo.updateTaskRow(trx, id, set);
    await repo.insertTaskUpdate(trx, {
      task_id: id,
      kind: 'status',
      from_status: row.status,
      to_status: rule.to,
      note: input.reason || null,
      progress: input.action === 'report_done' ? 100 : null,
      reported_by_person_id: input.action === 'report_done' ? c.personId : null,
      reported_on: input.action === 'report_done' ? (input.reportedOn ?? c.today) : null,
      entered_by: c.accountId,
    });
    if (input.action === 'accept' && row.series_id) await createNextOccurrence(trx, actor, row.series_id, c.today);
  });
  return taskDetail(r, id);
}

/** What a reassignment changes: a new lead body (not one that cooperates), responsible person or assignee. */
async function reassignment(
  trx: Trx,
  c: WorkCaller,
  row: { id: string; programme_id: string },
  input: z.infer<typeof s.transition>,
) {
  await assertReferences(trx, c, programmeOwnerUnit(row.programme_id), taskReferenceChecks(input));
  const set: Record<string, unknown> = {};
  if (input.leadBodyId) {
    const b = usableBody(await repo.findBody(trx, input.leadBodyId), 'leadBodyId', c.today);
    if (await repo.isCooperating(trx, row.id, b.id)) throw invalid('leadBodyId', 'validation.cooperatorIsLead');
    Object.assign(set, { lead_body_id: b.id, unit_id: b.unit_id });
  }
  await checkAccount(trx, input.assigneeAccountId, 'assigneeAccountId');
  if (input.responsiblePersonId !== undefined) set.responsible_person_id = input.responsiblePersonId;
  if (input.assigneeAccountId !== undefined) set.assignee_account_id = input.assigneeAccountId;
  if (!input.leadBodyId && input.responsiblePersonId === undefined && input.assigneeAccountId === undefined)
    throw invalid('leadBodyId', 'validation.reassignNothing');
  return set;
}
