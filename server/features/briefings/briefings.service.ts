import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { inTransaction, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { nextNumber } from '../../documents/counters.ts';
import { fold } from '../../i18n/names.ts';
import { createTask } from '../work/index.ts';
import {
  bodyReadable,
  canReadProgramme,
  holdsOverBody,
  type WorkCaller,
  type WorkReading,
  type WorkRequest,
} from '../work/index.ts';
import { assertReferences, itemChecks, referenceRefused } from '../../http/references.ts';
import { presentDetail, presentItem } from './briefings.presenter.ts';
import * as repo from './briefings.repository.ts';
import type * as s from './briefings.schemas.ts';

type Q = Database | Trx;

/** The series of the conclusions notice (document_series, migration 0007). */
export const NOTICE_SERIES = 'conclusion_notice';

/** Briefings of bodies the caller reads, newest first. */
export async function listBriefings(r: WorkReading, q: z.infer<typeof s.listQuery>) {
  const { app, caller: c } = r;
  const filter = { bodyId: q.bodyId, from: q.from, to: q.to, folded: q.q ? fold(q.q) : undefined };
  const [rows, total] = await Promise.all([
    repo.briefingsPage(app.db, c, filter, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    repo.briefingsCount(app.db, c, filter),
  ]);
  return { items: rows.map(presentItem), total };
}

/** A briefing the caller reads; NOT_FOUND otherwise (absent, deleted or out of scope look the same). */
export async function readableBriefing(q: Q, c: WorkCaller, id: string) {
  const row = await repo.readableBriefing(q, c, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function briefingDetail(r: WorkReading, id: string): Promise<s.BriefingDetail> {
  const { app, caller: c } = r;
  const row = await readableBriefing(app.db, c, id);
  const [attendees, conclusions, manage] = await Promise.all([
    repo.attendeesOf(app.db, id),
    repo.conclusionsOf(app.db, id),
    holdsOverBody(app.db, c, 'work.manage', row.body_id),
  ]);
  return presentDetail(row, attendees, conclusions, manage);
}

async function checkProgramme(q: Q, c: WorkCaller, id: string | null | undefined) {
  if (!id) return;
  if (!(await canReadProgramme(q, c, id))) throw referenceRefused('programmeId');
}

/** The people and bodies a briefing names may take part in its body's work (the chair, attendees and the bodies they
 * came for: task.references.ts's rules, about the briefing's body). */
async function checkNamed(
  q: Q,
  c: WorkCaller,
  bodyId: string,
  input: { chairPersonId?: string | null; attendees?: z.infer<typeof s.attendeeInput>[] },
) {
  const attendees = input.attendees ?? [];
  await assertReferences(q, c, repo.bodyUnitSql(bodyId), [
    ...(input.chairPersonId ? [{ field: 'chairPersonId', rule: 'nearPerson' as const, id: input.chairPersonId }] : []),
    ...itemChecks('attendees', attendees, [
      ['bodyId', 'near', (x) => x.bodyId],
      ['personId', 'nearPerson', (x) => x.personId],
    ]),
  ]);
}

/** Attendees with their names (checkNamed has checked them): a person of the register is named as the register names them. */
async function resolveAttendees(q: Q, list: z.infer<typeof s.attendeeInput>[]) {
  const out: { personId: string | null; name: string; bodyId: string | null }[] = [];
  const seen = new Set<string>();
  const ids = list.flatMap((a) => (a.personId ? [a.personId] : []));
  const names = new Map((ids.length ? await repo.peopleNames(q, ids) : []).map((p) => [p.id, p]));
  for (const a of list) {
    if (a.personId) {
      const p = names.get(a.personId)!;
      if (seen.has(p.id)) continue; // the same person twice is once
      seen.add(p.id);
      out.push({ personId: p.id, name: p.full_name, bodyId: a.bodyId ?? null });
    } else out.push({ personId: null, name: a.name!, bodyId: a.bodyId ?? null });
  }
  return out;
}

/** The body of a new briefing: present (404 naming bodyId), in force on the day, and the caller manages its work. */
async function checkBriefingBody(q: Q, c: WorkCaller, bodyId: string, heldOn: string) {
  const b = await repo.liveBodyDates(q, bodyId);
  if (!b || !(await bodyReadable(q, c, bodyId))) throw referenceRefused('bodyId');
  if (!(await holdsOverBody(q, c, 'work.manage', bodyId))) throw new AppError('FORBIDDEN');
  if (b.valid_to && b.valid_to <= heldOn) throw invalid('heldOn', 'validation.bodyEnded');
  if (b.valid_from && b.valid_from > heldOn) throw invalid('heldOn', 'validation.bodyNotYet');
}

/** Records a briefing with its attendees and conclusions ('work.manage' over the body). */
export async function createBriefing(r: WorkRequest, input: z.infer<typeof s.createBriefing>) {
  const { caller: c, actor } = r;
  const id = await inTransaction(r.app.db, actor, async (trx) => {
    await checkBriefingBody(trx, c, input.bodyId, input.heldOn);
    await checkProgramme(trx, c, input.programmeId);
    await checkNamed(trx, c, input.bodyId, input);
    const attendees = await resolveAttendees(trx, input.attendees);
    const briefingId = await repo.insertBriefing(trx, {
      body_id: input.bodyId,
      programme_id: input.programmeId ?? null,
      held_on: input.heldOn,
      title: input.title,
      chair_person_id: input.chairPersonId ?? null,
      agenda: input.agenda || null,
      minutes: input.minutes || null,
      created_by: actor.accountId,
    });
    await repo.insertAttendees(trx, briefingId, attendees);
    await repo.insertConclusions(
      trx,
      briefingId,
      input.conclusions.map((text, i) => ({ position: i + 1, text })),
    );
    return briefingId;
  });
  return briefingDetail(r, id);
}

/** Locks a briefing for a change: present (404), managed by the caller (403), at the version read (409). */
async function forChange(trx: Trx, c: WorkCaller, id: string, version: number) {
  const row = await repo.lockBriefing(trx, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!(await holdsOverBody(trx, c, 'work.manage', row.body_id))) throw new AppError('FORBIDDEN');
  if (row.version !== version) throw new AppError('CONFLICT');
  return row;
}

/** Edits a briefing; the conclusions, when given, are the new list in order: an id edits that conclusion, no id
 * adds one, and an unlinked conclusion left out is removed (a linked one cannot be: 400 naming conclusions). */
export async function updateBriefing(r: WorkRequest, id: string, input: z.infer<typeof s.updateBriefing>) {
  const { caller: c } = r;
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const row = await forChange(trx, c, id, input.version);
    if (input.heldOn !== undefined) {
      const b = await repo.bodyDates(trx, row.body_id);
      if (b.valid_to && b.valid_to <= input.heldOn) throw invalid('heldOn', 'validation.bodyEnded');
      if (b.valid_from && b.valid_from > input.heldOn) throw invalid('heldOn', 'validation.bodyNotYet');
    }
    await checkProgramme(trx, c, input.programmeId);
    await checkNamed(trx, c, row.body_id, input);
    const set: repo.BriefingChange = {};
    if (input.programmeId !== undefined) set.programme_id = input.programmeId;
    if (input.heldOn !== undefined) set.held_on = input.heldOn;
    if (input.title !== undefined) set.title = input.title;
    if (input.chairPersonId !== undefined) set.chair_person_id = input.chairPersonId;
    if (input.agenda !== undefined) set.agenda = input.agenda || null;
    if (input.minutes !== undefined) set.minutes = input.minutes || null;
    await repo.updateBriefing(trx, id, set);

    if (input.attendees) {
      const attendees = await resolveAttendees(trx, input.attendees);
      await repo.deleteAttendees(trx, id);
      await repo.insertAttendees(trx, id, attendees);
    }
    if (input.conclusions) await reconcileConclusions(trx, id, input.conclusions);
  });
  return briefingDetail(r, id);
}

async function reconcileConclusions(trx: Trx, briefingId: string, list: { id?: string; text: string }[]) {
  const existing = await repo.lockConclusions(trx, briefingId);
  const byId = new Map(existing.map((e) => [e.id, e]));
  const kept = new Set<string>();
  for (const [i, item] of list.entries()) {
    const position = i + 1;
    if (!item.id) {
      await repo.insertConclusion(trx, briefingId, position, item.text);
      continue;
    }
    const e = byId.get(item.id);
    if (!e || kept.has(item.id)) throw referenceRefused(`conclusions.${i}.id`);
    kept.add(item.id);
    if (e.text !== item.text || e.position !== position) await repo.updateConclusion(trx, e.id, position, item.text);
  }
  for (const e of existing) {
    if (kept.has(e.id)) continue;
    if (e.task_id) throw invalid('conclusions', 'validation.conclusionLinked');
    await repo.deleteConclusion(trx, e.id);
  }
}

/** Deletes a briefing (soft) with its conclusions; the tasks made from them stay. */
export async function deleteBriefing(r: WorkRequest, id: string, input: { version: number }) {
  await inTransaction(r.app.db, r.actor, async (trx) => {
    await forChange(trx, r.caller, id, input.version);
    await repo.deleteConclusionsOf(trx, id);
    await repo.deleteBriefing(trx, id);
  });
  return { ok: true as const };
}

/** Issues the conclusions notice: a number of the body's 'conclusion_notice' series dated today, once — asking
 * again keeps the number. A briefing without conclusions has nothing to notify (400). */
export async function issueNotice(r: WorkRequest, id: string, input: { version: number }) {
  const { caller: c } = r;
  await inTransaction(r.app.db, r.actor, async (trx) => {
    const row = await forChange(trx, c, id, input.version);
    if (row.notice_number !== null) return;
    if (!(await repo.conclusionCount(trx, id))) throw invalid('conclusions', 'validation.noConclusions');
    const issued = await nextNumber(trx, row.body_id, NOTICE_SERIES, c.today);
    await repo.setNotice(trx, id, { number: issued.number, symbol: issued.symbol, issuedOn: c.today });
  });
  return briefingDetail(r, id);
}

/** A task title from a conclusion: its text, cut at a word within 500 characters. */
export function titleFrom(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= 500) return one;
  const cut = one.slice(0, 499);
  const space = cut.lastIndexOf(' ');
  return (space > 400 ? cut.slice(0, space) : cut) + '…';
}

/** Turns a conclusion into a task (through the work module's createTask, its checks and permissions), linking the
 * two in the same transaction. 409 ALREADY_LINKED when the conclusion already has its task. */
export async function conclusionToTask(r: WorkRequest, conclusionId: string, input: z.infer<typeof s.conclusionTask>) {
  const k = await repo.conclusionWithBriefing(r.app.db, conclusionId);
  if (!k) throw new AppError('NOT_FOUND');
  if (!(await holdsOverBody(r.app.db, r.caller, 'work.manage', k.body_id))) throw new AppError('FORBIDDEN');
  if (k.task_id) throw new AppError('ALREADY_LINKED');
  const programmeId = input.programmeId ?? k.programme_id;
  if (!programmeId) throw invalid('programmeId', 'validation.required');
  return createTask(r, { ...input, programmeId, title: input.title ?? titleFrom(k.text) }, async (trx, taskId) => {
    if (!(await repo.linkConclusionTask(trx, conclusionId, taskId))) throw new AppError('ALREADY_LINKED');
  });
}
