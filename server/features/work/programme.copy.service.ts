import type { z } from 'zod';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { allowedReferences, referenceRefused } from '../../http/references.ts';
import * as copies from './programme.copy.repository.ts';
import * as repo from './programmes.repository.ts';
import { programmeItem } from './programmes.service.ts';
import { insertGroup } from './task-groups.repository.ts';
import type * as s from './programme.schemas.ts';
import { bodyReadable, canReadProgramme, holdsOverBody, type WorkCaller, type WorkRequest } from './work.scope.ts';

/** A date moved by whole years; 29 February becomes the 28th in a year without it. */
function shiftYear(d: string | null, years: number): string | null {
  if (!d) return null;
  const y = Number(d.slice(0, 4)) + years;
  const md = d.slice(5);
  return md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${y}-02-28` : `${y}-${md}`;
}

/** Creates a body's programme for a year: empty, with groups, or copied from an earlier one ('work.manage' over
 * the body). */
export async function createProgramme(r: WorkRequest, input: z.infer<typeof s.createProgramme>) {
  const { caller: c, actor } = r;
  const db = r.app.db;
  const body = await repo.liveBody(db, input.bodyId);
  if (!body || !(await bodyReadable(db, c, input.bodyId))) throw referenceRefused('bodyId');
  // The source before anything is written: one the caller cannot read is refused as a missing one.
  if (input.copyFromId && !(await canReadProgramme(db, c, input.copyFromId))) throw referenceRefused('copyFromId');
  if (
    (body.valid_to && body.valid_to <= `${input.year}-01-01`) ||
    (body.valid_from && body.valid_from > `${input.year}-12-31`)
  )
    throw invalid('year', 'validation.bodyNotInForceThatYear');
  if (!(await holdsOverBody(db, c, 'work.manage', input.bodyId))) throw new AppError('FORBIDDEN');
  const id = await inTransaction(db, actor, async (trx) => {
    if (await repo.programmeOfYear(trx, input.bodyId, input.year))
      throw new AppError('ALREADY_EXISTS', { field: 'year' });
    const p = await repo.insertProgramme(trx, {
      body_id: input.bodyId,
      year: input.year,
      title: input.title,
      description: input.description || null,
      copied_from_id: input.copyFromId ?? null,
      created_by: actor.accountId,
    });
    if (input.copyFromId) await copyInto(trx, actor, c, { id: p.id, year: input.year, body }, input.copyFromId);
    else if (input.groups?.length) {
      for (const [i, name] of input.groups.entries())
        await insertGroup(trx, { programme_id: p.id, position: i + 1, name });
    }
    return p.id;
  });
  return programmeItem(r, id);
}

/** Copies a programme's groups and top-level tasks into a new one, a year or more later: subtasks and cascades are
 * redone each year, tasks come as drafts, and a recurring series keeps its first occurrence. Only the tasks the
 * caller reads: a programme read through one of its tasks is not copied whole. */
async function copyInto(
  trx: Trx,
  actor: Actor,
  c: WorkCaller,
  into: { id: string; year: number; body: { id: string; unit_id: string } },
  sourceId: string,
) {
  const src = await copies.sourceProgramme(trx, sourceId);
  if (!src) throw referenceRefused('copyFromId');
  const years = into.year - src.year;
  const body = into.body;
  const groups = await copies.sourceGroups(trx, src.id);
  const tasks = await copies.copyableTasks(trx, c, src.id);
  const coops = await copies.cooperatorsOf(
    trx,
    tasks.map((t) => t.id),
    into.id,
  );
  const keep = await copyableReferences(trx, c, body.unit_id, groups, tasks, coops);
  const groupMap = new Map<string, string>();
  for (const g of groups) {
    const lead = g.lead_body_id && keep.lead.has(g.lead_body_id) ? g.lead_body_id : null;
    groupMap.set(
      g.id,
      await insertGroup(trx, { programme_id: into.id, position: g.position, name: g.name, lead_body_id: lead }),
    );
  }
  let n = 0;
  for (const t of tasks) {
    n++;
    const nt = await copies.insertCopiedTask(trx, {
      programme_id: into.id,
      number: n,
      group_id: t.group_id ? (groupMap.get(t.group_id) ?? null) : null,
      kind: t.kind,
      title: t.title,
      title_fold: t.title_fold,
      description: t.description,
      lead_body_id: keep.lead.has(t.lead_body_id) ? t.lead_body_id : body.id,
      unit_id: keep.lead.has(t.lead_body_id) ? t.unit_id : body.unit_id,
      responsible_person_id:
        t.responsible_person_id && keep.person.has(t.responsible_person_id) ? t.responsible_person_id : null,
      assignee_account_id:
        t.assignee_account_id && keep.account.has(t.assignee_account_id) ? t.assignee_account_id : null,
      start_date: shiftYear(t.start_date, years),
      due_date: shiftYear(t.due_date, years),
      original_due_date: shiftYear(t.due_date, years),
      target_value: t.target_value,
      target_unit: t.target_unit,
      priority: t.priority,
      weight: t.weight,
      recurrence: t.recurrence,
      created_by: actor.accountId,
    });
    if (t.recurrence) await copies.startSeries(trx, nt);
    const lead = keep.lead.has(t.lead_body_id) ? t.lead_body_id : body.id;
    for (const co of coops) {
      if (co.task_id !== t.id || !keep.near.has(co.body_id) || co.body_id === lead) continue;
      const person = co.person_id && keep.nearPerson.has(co.person_id) ? co.person_id : null;
      await copies.insertCooperator(trx, { task_id: nt, body_id: co.body_id, part: co.part, person_id: person });
    }
  }
  await repo.setTaskCounter(trx, into.id, n);
}

/** What a copy keeps of its source: the bodies, people and accounts the new programme may name (task.references.ts).
 * A task led from outside is led by the new owner; a person, account or cooperating body from outside is left out. */
async function copyableReferences(
  trx: Trx,
  c: WorkCaller,
  ownerUnit: string,
  groups: readonly { lead_body_id: string | null }[],
  tasks: readonly { lead_body_id: string; responsible_person_id: string | null; assignee_account_id: string | null }[],
  coops: readonly { body_id: string; person_id: string | null }[],
) {
  const ids = <T>(rows: readonly T[], pick: (r: T) => string | null) => rows.flatMap((r) => pick(r) ?? []);
  const [lead, near, person, nearPerson, account] = await Promise.all([
    allowedReferences(trx, c, ownerUnit, 'lead', [
      ...ids(groups, (g) => g.lead_body_id),
      ...ids(tasks, (t) => t.lead_body_id),
    ]),
    allowedReferences(
      trx,
      c,
      ownerUnit,
      'near',
      ids(coops, (co) => co.body_id),
    ),
    allowedReferences(
      trx,
      c,
      ownerUnit,
      'person',
      ids(tasks, (t) => t.responsible_person_id),
    ),
    allowedReferences(
      trx,
      c,
      ownerUnit,
      'nearPerson',
      ids(coops, (co) => co.person_id),
    ),
    allowedReferences(
      trx,
      c,
      ownerUnit,
      'account',
      ids(tasks, (t) => t.assignee_account_id),
    ),
  ]);
  return { lead, near, person, nearPerson, account };
}
