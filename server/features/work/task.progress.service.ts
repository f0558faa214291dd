import type { z } from 'zod';
import type { Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { assertReferences, referenceRefused } from '../../http/references.ts';
import { holdsOverBody, type WorkCaller, type WorkRequest } from './work.scope.ts';
import { taskAccess } from './task.access.ts';
import * as repo from './task.commands.repository.ts';
import { systemCaller } from './task.create.service.ts';
import { taskDetail } from './task.detail.service.ts';
import { programmeOwnerUnit } from './programmes.repository.ts';
import { forChange, inWorkTransaction } from './task.tx.ts';
import type * as s from './task.progress.schemas.ts';

/** Links uploaded files (made by this account, not yet linked) to a task. */
async function linkFiles(
  trx: Trx,
  c: WorkCaller,
  taskId: string,
  updateId: string | null,
  fileIds: readonly string[],
  field: (i: number) => string,
) {
  for (const [i, fileId] of fileIds.entries()) {
    const f = await repo.findFile(trx, fileId);
    if (!f || f.created_by !== c.accountId) throw referenceRefused(field(i));
    if (await repo.fileLinked(trx, fileId)) throw invalid(field(i), 'validation.fileUsed');
    await repo.linkFile(trx, { task_id: taskId, update_id: updateId, file_id: fileId });
  }
}

/** A progress report on the task, or on a cooperating body's own part of it, with evidence files. */
export async function reportProgress(r: WorkRequest, id: string, input: z.infer<typeof s.progressInput>) {
  const { caller: c, actor } = r;
  await inWorkTransaction(r.app.db, actor, async (trx) => {
    const { access, row } = await forChange(trx, c, id);
    if (!['assigned', 'in_progress', 'returned'].includes(row.status))
      throw new AppError('INVALID_TRANSITION', { params: { status: row.status } });
    const on = input.reportedOn ?? c.today;
    if (on > c.today) throw invalid('reportedOn', 'validation.notInFuture');
    // Who reported is one of the programme's people; the right to report is the caller's own (it may come from being
    // named on the task, with no role), so the caller's scope does not narrow it.
    if (input.reportedByPersonId)
      await assertReferences(trx, systemCaller(c.today), programmeOwnerUnit(row.programme_id), [
        { field: 'reportedByPersonId', rule: 'nearPerson', id: input.reportedByPersonId },
      ]);
    if (input.cooperatorId) {
      // Another task's cooperating body is refused as a missing one; this task's, without the right to report on it, is forbidden.
      if (!(await repo.isCooperatorOf(trx, input.cooperatorId, id))) throw referenceRefused('cooperatorId');
      if (!access.reportParts.includes(input.cooperatorId)) throw new AppError('FORBIDDEN', { field: 'cooperatorId' });
      await repo.setCooperatorProgress(trx, input.cooperatorId, input.progress);
    } else {
      if (!access.report) throw new AppError('FORBIDDEN');
      if (access.facts.has_children) throw invalid('progress', 'validation.progressRollsUp');
      const set: Record<string, unknown> = { reported_progress: input.progress };
      if (row.status !== 'in_progress') set.status = 'in_progress';
      if (input.resultValue !== undefined) set.result_value = input.resultValue;
      await repo.updateTaskRow(trx, id, set);
    }
    const updateId = await repo.insertTaskUpdate(trx, {
      task_id: id,
      kind: 'progress',
      cooperator_id: input.cooperatorId ?? null,
      progress: input.progress,
      note: input.note || null,
      reported_by_person_id: input.reportedByPersonId === undefined ? c.personId : input.reportedByPersonId,
      reported_on: on,
      entered_by: c.accountId,
      from_status: !input.cooperatorId && row.status !== 'in_progress' ? row.status : null,
      to_status: !input.cooperatorId && row.status !== 'in_progress' ? 'in_progress' : null,
    });
    await linkFiles(trx, c, id, updateId, input.fileIds, (i) => `fileIds.${i}`);
  });
  return taskDetail(r, id);
}

/** A comment on a task, by anyone who reads it. */
export async function addComment(r: WorkRequest, id: string, note: string) {
  const { caller: c, actor } = r;
  await inWorkTransaction(r.app.db, actor, async (trx) => {
    await taskAccess(trx, c, id);
    await repo.insertTaskUpdate(trx, {
      task_id: id,
      kind: 'comment',
      note,
      reported_by_person_id: c.personId,
      entered_by: c.accountId,
    });
  });
  return taskDetail(r, id);
}

/** Attaches an uploaded file to a task (who manages or reports on it). */
export async function attachFile(r: WorkRequest, id: string, fileId: string) {
  const { caller: c, actor } = r;
  await inWorkTransaction(r.app.db, actor, async (trx) => {
    const { access } = await forChange(trx, c, id);
    if (!access.manage && !access.report && !access.reportParts.length) throw new AppError('FORBIDDEN');
    await linkFiles(trx, c, id, null, [fileId], () => 'fileId');
  });
  return taskDetail(r, id);
}

/** Asks for a later due date (who reports on or manages the task); one open request at a time. */
export async function requestExtension(r: WorkRequest, id: string, input: z.infer<typeof s.extensionRequest>) {
  const { caller: c, actor } = r;
  await inWorkTransaction(r.app.db, actor, async (trx) => {
    const { access, row } = await forChange(trx, c, id);
    if (!access.report && !access.manage) throw new AppError('FORBIDDEN');
    if (['accepted', 'cancelled', 'draft'].includes(row.status))
      throw new AppError('INVALID_TRANSITION', { params: { status: row.status } });
    if (row.due_date && input.requestedDueDate <= row.due_date)
      throw invalid('requestedDueDate', 'validation.extensionNotLater');
    if (await repo.openExtension(trx, id)) throw new AppError('ALREADY_EXISTS', { field: 'requestedDueDate' });
    await repo.insertExtension(trx, {
      task_id: id,
      requested_due_date: input.requestedDueDate,
      previous_due_date: row.due_date,
      reason: input.reason,
      requested_by: c.accountId,
    });
    await repo.insertTaskUpdate(trx, {
      task_id: id,
      kind: 'extension_requested',
      note: input.reason,
      reported_on: input.requestedDueDate,
      entered_by: c.accountId,
      reported_by_person_id: c.personId,
    });
  });
  return taskDetail(r, id);
}

/** The owner (a manager of the programme's owner body) grants or refuses; the original due date is kept. */
export async function decideExtension(r: WorkRequest, extensionId: string, input: z.infer<typeof s.extensionDecision>) {
  const { caller: c, actor } = r;
  const taskId = await repo.extensionTask(r.app.db, extensionId);
  if (!taskId) throw new AppError('NOT_FOUND');
  await inWorkTransaction(r.app.db, actor, async (trx) => {
    const { access, row } = await forChange(trx, c, taskId);
    if (!(await holdsOverBody(trx, c, 'work.manage', access.facts.programme_body_id))) throw new AppError('FORBIDDEN');
    const e = await repo.lockExtension(trx, extensionId);
    if (e.version !== input.version) throw new AppError('CONFLICT');
    if (e.decision) throw new AppError('INVALID_TRANSITION', { params: { status: e.decision } });
    await repo.decideExtensionRow(trx, extensionId, {
      decision: input.decision,
      decision_note: input.note || null,
      decided_by: c.accountId,
      decided_at: r.app.clock.now(),
    });
    if (input.decision === 'granted')
      await repo.updateTaskRow(trx, row.id, {
        due_date: e.requested_due_date,
        original_due_date: row.original_due_date ?? row.due_date,
      });
    await repo.insertTaskUpdate(trx, {
      task_id: row.id,
      kind: input.decision === 'granted' ? 'extension_granted' : 'extension_refused',
      note: input.note || null,
      reported_on: e.requested_due_date,
      entered_by: c.accountId,
    });
  });
  return taskDetail(r, taskId);
}
