import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/database.ts';
import { inTransaction, type Actor, type Trx } from '../../db/tx.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { assertReferences, itemChecks, referenceRefused } from '../../http/references.ts';
import { fold } from '../../i18n/names.ts';
import { sniffImage } from '../../storage/file-store.ts';
import { keyProjectReadable } from '../clearance/index.ts';
import { storeFile } from '../files/index.ts';
import {
  bodyReadable,
  canReadProgramme,
  holdsOverBody,
  insertTask,
  type WorkCaller,
  type WorkReading,
  type WorkRequest,
} from '../work/index.ts';
import { presentDetail, presentItem } from './dialogues.presenter.ts';
import * as repo from './dialogues.repository.ts';
import type * as s from './dialogues.schemas.ts';

type Q = Database | Trx;

export const MANAGE = 'dialogues.manage';
/** Creating a follow-up task needs the work module's own right over the programme's body. */
const WORK_MANAGE = 'work.manage';

export async function listDialogues(r: WorkReading, q: z.infer<typeof s.listQuery>) {
  const { app, caller: c } = r;
  const filter = {
    projectId: q.projectId,
    bodyId: q.bodyId,
    from: q.from,
    to: q.to,
    folded: q.q ? fold(q.q) : undefined,
  };
  const [rows, total] = await Promise.all([
    repo.dialoguesPage(app.db, c, filter, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    repo.dialoguesCount(app.db, c, filter),
  ]);
  return { items: rows.map(presentItem), total };
}

async function readableDialogue(q: Q, c: WorkCaller, id: string) {
  const row = await repo.readableDialogue(q, c, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function dialogueDetail(r: WorkReading, id: string): Promise<s.DialogueDetail> {
  const { app, caller: c } = r;
  const row = await readableDialogue(app.db, c, id);
  const [attendees, outcomes, manage] = await Promise.all([
    repo.attendeesOf(app.db, id),
    repo.outcomesOf(app.db, id),
    holdsOverBody(app.db, c, MANAGE, row.body_id),
  ]);
  return presentDetail(row, attendees, outcomes, manage);
}

type Attendee = z.infer<typeof s.attendeeInput>;
type OutcomeTask = z.infer<typeof s.outcomeTask>;

/** What a dialogue names, resolved through the caller's scope about the dialogue's body: the key project (one the
 * caller reads), the chair and attendees (people and accounts that may take part), households (of the project). */
async function checkNamed(
  q: Q,
  c: WorkCaller,
  ownerUnit: string,
  input: { projectId?: string | null; chairPersonId?: string | null; attendees?: Attendee[] },
  projectId: string | null,
) {
  if (input.projectId && !(await keyProjectReadable(q, c, input.projectId))) throw referenceRefused('projectId');
  const attendees = input.attendees ?? [];
  await assertReferences(q, c, ownerUnit, [
    ...(input.chairPersonId ? [{ field: 'chairPersonId', rule: 'nearPerson' as const, id: input.chairPersonId }] : []),
    ...itemChecks('attendees', attendees, [
      ['personId', 'nearPerson', (x) => x.personId],
      ['accountId', 'account', (x) => x.accountId],
    ]),
  ]);
  const households = attendees.flatMap((a) => (a.householdId ? [a.householdId] : []));
  const found = new Set(
    households.length && projectId ? (await repo.householdsOf(q, projectId, households)).map((h) => h.id) : [],
  );
  for (const [i, a] of attendees.entries())
    if (a.householdId && !found.has(a.householdId)) throw referenceRefused(`attendees.${i}.householdId`);
}

/** Attendees with their names: a person by the register's name, an account by its display name, a household's
 * resident by the head's name unless a name is given. */
async function resolveAttendees(q: Q, list: Attendee[], projectId: string | null): Promise<repo.AttendeeRow[]> {
  const ids = (k: 'personId' | 'accountId' | 'householdId') => list.flatMap((a) => (a[k] ? [a[k]] : []));
  const [people, accounts, households] = await Promise.all([
    ids('personId').length ? repo.peopleNames(q, ids('personId')) : [],
    ids('accountId').length ? repo.accountNames(q, ids('accountId')) : [],
    ids('householdId').length && projectId ? repo.householdsOf(q, projectId, ids('householdId')) : [],
  ]);
  const person = new Map(people.map((p) => [p.id, p.full_name]));
  const account = new Map(accounts.map((a) => [a.id, a.display_name]));
  const head = new Map(households.map((h) => [h.id, h.head_name]));
  return list.map((a) => ({
    kind: a.kind,
    person_id: a.personId ?? null,
    account_id: a.accountId ?? null,
    household_id: a.householdId ?? null,
    name:
      (a.personId && person.get(a.personId)) ||
      (a.accountId && account.get(a.accountId)) ||
      a.name ||
      (a.householdId && head.get(a.householdId)) ||
      '',
    role: a.role ?? null,
  }));
}

/** A task title from an outcome: its text on one line, cut at a word within 500 characters. */
function titleOf(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= 500) return one;
  const cut = one.slice(0, 499);
  return cut.slice(0, cut.lastIndexOf(' ') > 400 ? cut.lastIndexOf(' ') : 499) + '…';
}

/** An error of the work module about a task field, named as the outcome's field (outcomes.2.task.leadBodyId). */
function underOutcome(err: unknown, prefix: string): unknown {
  if (!(err instanceof AppError) || err.field === undefined) return err;
  return new AppError(err.code, {
    field: prefix + err.field,
    params: err.params,
    issues: err.issues?.map((i) => ({ ...i, field: prefix + i.field })),
  });
}

/** Creates an outcome's follow-up task in the dialogue's transaction, through the work module's insertTask with its
 * checks of what the task names (narrowed to the caller's scope). The caller must read the programme (else it is
 * refused as a missing one) and hold work.manage over its body (403). `c` null: the system (demo data). */
async function followUpTask(
  trx: Trx,
  actor: Actor,
  c: WorkCaller | null,
  today: string,
  text: string,
  task: OutcomeTask,
  prefix: string,
): Promise<string> {
  const programme = await repo.programmeBody(trx, task.programmeId);
  if (!programme || (c && !(await canReadProgramme(trx, c, task.programmeId))))
    throw referenceRefused(prefix + 'programmeId');
  if (c && !(await holdsOverBody(trx, c, WORK_MANAGE, programme.body_id)))
    throw new AppError('FORBIDDEN', { field: prefix + 'programmeId' });
  try {
    return await insertTask(trx, actor, today, {
      ...task,
      title: task.title ?? titleOf(text),
      cooperators: [],
      ...(c ? { refsFor: c } : {}),
    });
  } catch (err) {
    throw underOutcome(err, prefix);
  }
}

export type NewDialogue = Omit<z.infer<typeof s.createDialogue>, 'attendees'> & {
  unitId: string;
  attendees: repo.AttendeeRow[];
};

/** Inserts a dialogue with its attendees and outcomes, creating the outcomes' tasks in the same transaction: a task
 * refused leaves nothing. `c` null: the system (demo data, no permission checks; attendees already resolved). */
export async function insertDialogue(
  trx: Trx,
  actor: Actor,
  c: WorkCaller | null,
  today: string,
  input: NewDialogue,
): Promise<string> {
  if (input.heldOn > today) throw invalid('heldOn', 'dialogues.future');
  const id = await repo.insertDialogue(trx, {
    body_id: input.bodyId,
    unit_id: input.unitId,
    project_id: input.projectId ?? null,
    held_on: input.heldOn,
    title: input.title,
    title_fold: fold(input.title),
    place: input.place,
    chair_person_id: input.chairPersonId ?? null,
    chair_name: input.chairPersonId ? null : (input.chairName ?? null),
    minutes: input.minutes || null,
    created_by: actor.accountId,
  });
  await repo.replaceAttendees(trx, id, input.attendees);
  for (const [i, o] of input.outcomes.entries()) {
    const taskId = o.task ? await followUpTask(trx, actor, c, today, o.text, o.task, `outcomes.${i}.task.`) : null;
    await repo.insertOutcome(trx, { dialogue_id: id, position: i + 1, text: o.text, task_id: taskId });
  }
  return id;
}

/** The body of a dialogue: present and readable (404 naming bodyId), the caller holds dialogues.manage over it. */
async function checkBody(q: Q, c: WorkCaller, bodyId: string) {
  const unitId = await repo.unitOfLiveBody(q, bodyId);
  if (!unitId || !(await bodyReadable(q, c, bodyId))) throw referenceRefused('bodyId');
  if (!(await holdsOverBody(q, c, MANAGE, bodyId))) throw new AppError('FORBIDDEN');
  return { unit_id: unitId };
}

function checkChair(input: { chairPersonId?: string | null; chairName?: string | null }) {
  if (!input.chairPersonId && !input.chairName) throw invalid('chairName', 'dialogues.chairRequired');
}

/** Records a dialogue with its attendees and outcomes, and the follow-up tasks asked for, in one step. */
export async function createDialogue(r: WorkRequest, input: z.infer<typeof s.createDialogue>) {
  const { caller: c, actor } = r;
  checkChair(input);
  const id = await inTransaction(r.app.db, actor, async (trx) => {
    const body = await checkBody(trx, c, input.bodyId);
    await checkNamed(trx, c, body.unit_id, input, input.projectId ?? null);
    const attendees = await resolveAttendees(trx, input.attendees, input.projectId ?? null);
    return insertDialogue(trx, actor, c, c.today, { ...input, unitId: body.unit_id, attendees });
  });
  return dialogueDetail(r, id);
}

/** Locks a dialogue for a change: readable (404), managed by the caller (403), at the version read (409). */
async function forChange(trx: Trx, c: WorkCaller, id: string, version: number) {
  await readableDialogue(trx, c, id);
  const row = await repo.lockDialogue(trx, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!(await holdsOverBody(trx, c, MANAGE, row.body_id))) throw new AppError('FORBIDDEN');
  if (row.version !== version) throw new AppError('CONFLICT');
  return row;
}

/** Edits a dialogue. The outcomes, when given, are the new list in order: an id edits that outcome, no id adds one,
 * an outcome without a task may create it now, and one left out is removed unless it has a task (400). */
export async function updateDialogue(r: WorkRequest, id: string, input: z.infer<typeof s.updateDialogue>) {
  const { caller: c, actor } = r;
  await inTransaction(r.app.db, actor, async (trx) => {
    const row = await forChange(trx, c, id, input.version);
    const projectId = input.projectId === undefined ? row.project_id : input.projectId;
    await checkNamed(trx, c, row.unit_id, input, projectId);
    const chair = {
      chairPersonId: input.chairPersonId === undefined ? row.chair_person_id : input.chairPersonId,
      chairName: input.chairName === undefined ? row.chair_name : input.chairName,
    };
    checkChair(chair);
    if (input.heldOn !== undefined && input.heldOn > c.today) throw invalid('heldOn', 'dialogues.future');
    const set: Parameters<typeof repo.updateDialogue>[2] = {};
    if (input.projectId !== undefined) set.project_id = input.projectId;
    if (input.heldOn !== undefined) set.held_on = input.heldOn;
    if (input.title !== undefined) Object.assign(set, { title: input.title, title_fold: fold(input.title) });
    if (input.place !== undefined) set.place = input.place;
    if (input.chairPersonId !== undefined || input.chairName !== undefined)
      Object.assign(set, {
        chair_person_id: chair.chairPersonId ?? null,
        chair_name: chair.chairPersonId ? null : (chair.chairName ?? null),
      });
    if (input.minutes !== undefined) set.minutes = input.minutes || null;
    await repo.updateDialogue(trx, id, set);
    if (input.attendees)
      await repo.replaceAttendees(trx, id, await resolveAttendees(trx, input.attendees, projectId ?? null));
    if (input.outcomes) await reconcileOutcomes(trx, actor, c, id, input.outcomes);
  });
  return dialogueDetail(r, id);
}

async function reconcileOutcomes(
  trx: Trx,
  actor: Actor,
  c: WorkCaller,
  dialogueId: string,
  list: NonNullable<z.infer<typeof s.updateDialogue>['outcomes']>,
) {
  const existing = await repo.lockOutcomes(trx, dialogueId);
  const byId = new Map(existing.map((e) => [e.id, e]));
  const kept = new Set<string>();
  for (const [i, item] of list.entries()) {
    const position = i + 1;
    const e = item.id ? byId.get(item.id) : undefined;
    if (item.id && (!e || kept.has(item.id))) throw referenceRefused(`outcomes.${i}.id`);
    if (e) kept.add(e.id);
    if (item.task && e?.task_id) throw new AppError('ALREADY_LINKED', { field: `outcomes.${i}.task` });
    const taskId = item.task
      ? await followUpTask(trx, actor, c, c.today, item.text, item.task, `outcomes.${i}.task.`)
      : null;
    if (!e) await repo.insertOutcome(trx, { dialogue_id: dialogueId, position, text: item.text, task_id: taskId });
    else if (e.text !== item.text || e.position !== position || taskId)
      await repo.updateOutcome(trx, e.id, { position, text: item.text, ...(taskId ? { task_id: taskId } : {}) });
  }
  for (const e of existing) {
    if (kept.has(e.id)) continue;
    if (e.task_id) throw invalid('outcomes', 'dialogues.outcomeLinked');
    await repo.deleteOutcome(trx, e.id);
  }
}

/** Deletes a dialogue (soft); the tasks made from its outcomes stay. */
export async function deleteDialogue(r: WorkRequest, id: string, input: { version: number }) {
  await inTransaction(r.app.db, r.actor, async (trx) => {
    await forChange(trx, r.caller, id, input.version);
    await repo.deleteDialogue(trx, id);
  });
  return { ok: true as const };
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The minutes' type from their first bytes: a PDF, a scanned page (image), or a Word file (a zip named .docx). */
function minutesType(data: Buffer, filename: string): string | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  const zip = data.length > 4 && data.readUInt32LE(0) === 0x04034b50;
  if (zip && filename.toLowerCase().endsWith('.docx')) return DOCX;
  return sniffImage(data);
}

/** Attaches the signed minutes (biên bản) to a dialogue; a new file replaces the old one. */
export async function setMinutesFile(
  r: WorkRequest & { app: Pick<AppContext, 'files'> },
  id: string,
  upload: { data: Buffer; filename: string },
) {
  const { app, caller: c } = r;
  const type = minutesType(upload.data, upload.filename);
  if (!type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { field: 'file' });
  await inTransaction(app.db, r.actor, async (trx) => {
    await readableDialogue(trx, c, id);
    const row = await repo.lockDialogue(trx, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (!(await holdsOverBody(trx, c, MANAGE, row.body_id))) throw new AppError('FORBIDDEN');
    const stored = await storeFile(app, trx, {
      data: upload.data,
      filename: upload.filename,
      contentType: type,
      createdBy: c.accountId,
    });
    await repo.replaceMinutesFile(trx, id, stored.id, row.minutes_file_id);
  });
  return dialogueDetail(r, id);
}

/** The minutes file, for the dialogue's readers. */
export async function minutesFile(r: WorkReading & { app: Pick<AppContext, 'files'> }, id: string) {
  const row = await readableDialogue(r.app.db, r.caller, id);
  const data = row.minutes_file_key ? await r.app.files.get(row.minutes_file_key) : null;
  if (!data || !row.minutes_file_type || !row.minutes_file_name) throw new AppError('NOT_FOUND');
  return { contentType: row.minutes_file_type, filename: row.minutes_file_name, data };
}
