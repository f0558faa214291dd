import { inTransaction } from '../../db/tx.ts';
import { AppError } from '../../http/errors.ts';
import { allowedReferences, referenceRefused } from '../../http/references.ts';
import { translate } from '../../i18n/messages.ts';
import { fold, nameKey } from '../../i18n/names.ts';
import { bodyReadable, holdsOverBody, insertTask, type WorkRequest } from '../work/index.ts';
import { parseProgrammeSheet, pick, type RowTask } from './programme.import.ts';
import * as repo from './programme.import.repository.ts';

/**
 * Creates a programme from a sheet laid out as the export (round trip): its groups in the order they appear, its
 * tasks (subtasks under the row whose STT is their prefix: "1.2" under "1" of the same group) with kind (name or
 * code), lead and cooperating bodies and the responsible person matched by name ignoring diacritics and case, dates
 * dd/mm/yyyy, target "100 hộ", note as description; progress, status and result are not imported (a new
 * programme's tasks start as drafts). All in one transaction: any row that cannot be read is reported (400
 * VALIDATION_FAILED, issues naming each row) and nothing is written. 404 for an unknown body, 403 without
 * 'work.manage' over it, 409 ALREADY_EXISTS when the body has a programme that year.
 */
export async function importProgramme(
  r: WorkRequest,
  input: { bodyId: string; year: number; title: string },
  data: Buffer,
) {
  const { caller: c, actor, lang } = r;
  const db = r.app.db;
  const body = await repo.bodyToImportInto(db, input.bodyId);
  if (!body || !(await bodyReadable(db, c, input.bodyId))) throw referenceRefused('bodyId');
  if (!(await holdsOverBody(db, c, 'work.manage', input.bodyId))) throw new AppError('FORBIDDEN');
  if (
    (body.valid_to && body.valid_to <= `${input.year}-01-01`) ||
    (body.valid_from && body.valid_from > `${input.year}-12-31`)
  )
    throw new AppError('VALIDATION_FAILED', {
      field: 'year',
      issues: [{ field: 'year', message: 'validation.bodyNotInForceThatYear' }],
    });
  if (data.length < 4 || data.readUInt32BE(0) !== 0x504b0304)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      field: 'file',
      issues: [{ field: 'file', message: 'validation.xlsxOnly' }],
    });

  const sheet = await parseProgrammeSheet(data, lang);
  const issues = sheet.issues;
  const issue = (row: number, col: string, key: string, params: Record<string, string | number> = {}) =>
    issues.push({
      field: `rows.${row}.${col}`,
      message: translate(lang, `importProgramme.${key}`, { row, ...params }),
    });

  // Names → records, in three queries.
  const bodyNames = [
    ...new Set(
      sheet.tasks
        .flatMap((t) => [t.lead, ...t.cooperators])
        .filter(Boolean)
        .map(fold),
    ),
  ];
  const bodies = bodyNames.length ? await repo.bodiesNamed(db, bodyNames) : [];
  const personNames = [...new Set(sheet.tasks.flatMap((t) => (t.person ? [fold(t.person)] : [])))];
  const people = personNames.length ? await repo.peopleNamed(db, personNames) : [];
  // Names are matched among the bodies and people the programme may name (its owner's scope, task.references.ts): a
  // short name such as "Hội LHPN" then means this ward's, not every ward's.
  const [leadOk, nearOk, personOk] = await Promise.all([
    allowedReferences(
      db,
      c,
      body.unit_id,
      'lead',
      bodies.map((b) => b.id),
    ),
    allowedReferences(
      db,
      c,
      body.unit_id,
      'near',
      bodies.map((b) => b.id),
    ),
    allowedReferences(
      db,
      c,
      body.unit_id,
      'person',
      people.map((p) => p.id),
    ),
  ]);
  const kinds = await repo.taskKindNames(db);

  const resolved: (RowTask & {
    kindCode: string;
    leadId: string;
    cooperatorIds: string[];
    personId: string | null;
    parentRow: number | null;
  })[] = [];
  const bySection = new Map<string, RowTask>(); // "<group>|<stt>" → row
  for (const t of sheet.tasks) {
    const before = issues.length;
    const kind = t.kind
      ? kinds.find((k) => k.code === t.kind || fold(k.name_vi) === fold(t.kind) || fold(k.name_en) === fold(t.kind))
      : kinds[0];
    if (!kind) issue(t.row, 'kind', 'kindUnknown', { kind: t.kind });
    const body = (name: string, col: 'lead' | 'cooperators') => {
      const b = pick(
        name,
        bodies.filter((x) => (col === 'lead' ? leadOk : nearOk).has(x.id)),
        (x) => [x.name, x.short_name],
        input.year,
      );
      if (b === 'unknown') issue(t.row, col, 'bodyUnknown', { name });
      else if (b === 'ambiguous') issue(t.row, col, 'bodyAmbiguous', { name });
      else if (b.valid_to && b.valid_to <= (t.startDate ?? c.today)) issue(t.row, col, 'bodyEnded', { name });
      else return b;
      return null;
    };
    const lead = t.lead ? body(t.lead, 'lead') : null;
    const cooperatorIds: string[] = [];
    for (const name of t.cooperators) {
      const b = body(name, 'cooperators');
      if (!b) continue;
      if (lead && b.id === lead.id) issue(t.row, 'cooperators', 'cooperatorIsLead', { name });
      else if (!cooperatorIds.includes(b.id)) cooperatorIds.push(b.id);
    }
    let personId: string | null = null;
    if (t.person) {
      const p = pick(
        t.person,
        people.filter((x) => personOk.has(x.id)),
        (x) => [x.full_name],
        input.year,
      );
      if (p === 'unknown') issue(t.row, 'person', 'personUnknown', { name: t.person });
      else if (p === 'ambiguous') issue(t.row, 'person', 'personAmbiguous', { name: t.person });
      else personId = p.id;
    }
    let parentRow: number | null = null;
    const section = t.group ? nameKey(t.group) : '';
    if (t.stt.includes('.')) {
      const parentStt = t.stt.slice(0, t.stt.lastIndexOf('.'));
      const parent = bySection.get(`${section}|${parentStt}`);
      if (!parent) issue(t.row, 'stt', 'parentUnknown', { stt: parentStt });
      else parentRow = parent.row;
    }
    if (t.stt) bySection.set(`${section}|${t.stt}`, t);
    if (issues.length === before)
      resolved.push({ ...t, kindCode: kind!.code, leadId: lead!.id, cooperatorIds, personId, parentRow });
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', { field: issues[0]!.field, issues: issues.slice(0, 200) });

  return inTransaction(db, actor, async (trx) => {
    if (await repo.programmeOfYear(trx, input.bodyId, input.year))
      throw new AppError('ALREADY_EXISTS', { field: 'year' });
    const programmeId = await repo.insertProgramme(trx, {
      body_id: input.bodyId,
      year: input.year,
      title: input.title,
      created_by: actor.accountId,
    });
    const groupIds = new Map<string, string>();
    for (const [i, name] of sheet.groups.entries()) {
      groupIds.set(
        nameKey(name),
        await repo.insertGroup(trx, { programme_id: programmeId, position: i + 1, name: name.slice(0, 300) }),
      );
    }
    const taskOfRow = new Map<number, string>();
    for (const t of resolved) {
      const id = await insertTask(trx, actor, c.today, {
        programmeId,
        parentId: t.parentRow ? taskOfRow.get(t.parentRow)! : null,
        groupId: t.group ? (groupIds.get(nameKey(t.group)) ?? null) : null,
        kind: t.kindCode,
        title: t.title,
        description: t.description ?? undefined,
        leadBodyId: t.leadId,
        responsiblePersonId: t.personId,
        startDate: t.startDate,
        dueDate: t.dueDate,
        targetValue: t.targetValue,
        targetUnit: t.targetUnit,
        cooperators: t.cooperatorIds.map((bodyId) => ({ bodyId })),
        assign: false,
        refsFor: c,
      });
      taskOfRow.set(t.row, id);
    }
    return {
      id: programmeId,
      year: input.year,
      title: input.title,
      groupCount: sheet.groups.length,
      taskCount: resolved.length,
    };
  });
}
