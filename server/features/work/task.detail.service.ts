import { AppError } from '../../http/errors.ts';
import { fileUrl } from '../files/index.ts';
import { accessOf, type taskAccess } from './task.access.ts';
import { taskDetailRow } from './task.detail.repository.ts';
import { presentTask } from './task.presenter.ts';
import { reportedOf } from './task.reported.ts';
import * as repo from './tasks.repository.ts';
import { accessMode, type WorkReading } from './work.scope.ts';

/** A task's page: the task, its subtasks, history, files, extensions and what the caller may do, from one statement
 * (task.detail.repository.ts). `known`: the access when the caller has just checked it. */
export async function taskDetail(r: WorkReading, id: string, known?: Awaited<ReturnType<typeof taskAccess>>) {
  const { caller: c, lang } = r;
  const db = r.app.db;
  const around = await taskDetailRow(
    db,
    {
      admin: c.isAdmin,
      known: known !== undefined,
      readable: c.readableProgrammes !== undefined,
      access: accessMode(c),
    },
    { id, accountId: c.accountId, personId: c.personId, today: c.today, readable: c.readableProgrammes ?? null },
  );
  const access = known ?? accessOf(c, around.access ?? undefined);
  const rows = around.rows;
  const row = rows.find((t) => t.id === id);
  if (!row) throw new AppError('NOT_FOUND');
  const subRows = rows.filter((t) => t.id !== id);
  const [progress, reported] = await Promise.all([repo.progressOfRows(db, rows), reportedOf(db, c.today, rows)]);
  const subProgress = progress;
  const { programme, parents, cooperators, updates, files, extensions, conclusion } = around;
  const fileOf = (f: (typeof files)[number]) => ({
    id: f.id,
    filename: f.filename,
    contentType: f.content_type,
    size: Number(f.size_bytes),
    url: fileUrl(f.id)!,
    createdAt: new Date(f.created_at).toISOString(),
  });
  const iso = (d: string | null) => (d ? new Date(d).toISOString() : null);
  const item = presentTask(row, lang, c.today, progress, [], reported);
  return {
    task: { ...item, description: row.description },
    programme: {
      id: programme.id,
      title: programme.title,
      year: programme.year,
      bodyId: programme.body_id,
      bodyName: programme.name,
    },
    parents,
    cooperators: cooperators.map((co) => ({
      id: co.id,
      bodyId: co.body_id,
      bodyName: co.body_name,
      part: co.part,
      personId: co.person_id,
      personName: co.full_name,
      progress: co.reported_progress,
      version: Number(co.version),
    })),
    subtasks: subRows.map((t) => presentTask(t, lang, c.today, subProgress, [], reported)),
    updates: updates.map((u) => ({
      id: u.id,
      kind: u.kind,
      cooperatorId: u.cooperator_id,
      cooperatorBodyName: u.cooperator_body,
      progress: u.progress,
      note: u.note,
      fromStatus: u.from_status,
      toStatus: u.to_status,
      reportedByPersonId: u.reported_by_person_id,
      reportedByName: u.reported_by,
      reportedOn: u.reported_on,
      enteredById: u.entered_by,
      enteredByName: u.entered_by_name,
      createdAt: new Date(u.created_at).toISOString(),
      // A history line's evidence files, as the schema has them: without their own date (the line has it).
      files: files
        .filter((f) => f.update_id === u.id)
        .map((f) => {
          const { createdAt: _at, ...file } = fileOf(f);
          return file;
        }),
    })),
    files: files.filter((f) => !f.update_id).map(fileOf),
    extensions: extensions.map((e) => ({
      id: e.id,
      requestedDueDate: e.requested_due_date,
      previousDueDate: e.previous_due_date,
      reason: e.reason,
      requestedByName: e.requested_by_name,
      requestedAt: new Date(e.requested_at).toISOString(),
      decision: e.decision,
      decisionNote: e.decision_note,
      decidedByName: e.decided_by_name,
      decidedAt: iso(e.decided_at),
      version: e.version,
    })),
    conclusion: conclusion
      ? {
          id: conclusion.id,
          briefingId: conclusion.briefing_id,
          briefingTitle: conclusion.title,
          heldOn: conclusion.held_on,
          text: conclusion.text,
        }
      : null,
    permissions: {
      manage: access.manage,
      accept: access.accept,
      report: access.report,
      reportParts: access.reportParts,
      comment: access.comment,
      actions: access.actions,
    },
  };
}
