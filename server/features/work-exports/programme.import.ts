import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { inTransaction, type Actor } from '../../db/tx.ts';
import { AppError, type ErrorIssue } from '../../http/errors.ts';
import { translate, type Lang } from '../../i18n/messages.ts';
import { UPLOAD_LIMITS } from '../../uploads/upload.limits.ts';
import { readSpreadsheet, type Cell } from '../../uploads/spreadsheet.read.ts';
import { fold, nameKey } from '../../i18n/names.ts';
import { insertTask } from '../work/index.ts';
import { bodyReadable, holdsOverBody, type WorkCaller } from '../work/index.ts';
import { allowedReferences, referenceRefused } from '../../http/references.ts';
import { COLUMNS, type ColumnKey } from './programme.xlsx.ts';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

/** The largest upload accepted (413 above). */
export const PROGRAMME_IMPORT_LIMIT = UPLOAD_LIMITS.fileBytes;

/** One task read from a row, before names are matched. */
type RowTask = {
  row: number;
  stt: string;
  group: string | null;
  title: string;
  kind: string;
  lead: string;
  cooperators: string[];
  person: string | null;
  startDate: string | null;
  dueDate: string | null;
  targetValue: number | null;
  targetUnit: string | null;
  description: string | null;
};

/** Text of a cell (the reader has made rich text, formulas and links plain), NFC and trimmed. */
function cellText(v: Cell): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).normalize('NFC').trim();
}

const iso = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 1900 && y <= 2200 ? dt.toISOString().slice(0, 10) : 'invalid';
};

/** A date cell: an Excel date, a serial number, or text dd/mm/yyyy (also d/m/yyyy, dd.mm.yyyy, yyyy-mm-dd). */
export function cellDate(v: Cell): string | null | 'invalid' {
  if (v === null || v === '') return null;
  if (v instanceof Date) return iso(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v === 'number') {
    const d = new Date(Math.round((v - 25569) * 86_400_000));
    return Number.isNaN(d.getTime()) ? 'invalid' : iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const s = cellText(v);
  if (!s) return null;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return 'invalid';
}

/** "100 hộ", "1.500 hộ", "12,5 %", a bare number: the target's value and unit. */
export function parseAmount(v: Cell): { value: number | null; unit: string | null } | 'invalid' {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? { value: v, unit: null } : 'invalid';
  const s = cellText(v);
  if (!s) return { value: null, unit: null };
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(.*)$/u.exec(s);
  if (!m) return 'invalid';
  const value = Number(m[1]!.replace(/\./g, '') + (m[2] ? `.${m[2]}` : ''));
  if (!Number.isFinite(value) || value > 1e12) return 'invalid';
  const unit = m[3]!.trim();
  return { value, unit: unit ? unit.slice(0, 50) : null };
}

/** Reads the workbook (within the upload limits) and finds the sheet and its header row, by its "Nội dung nhiệm vụ"
 * cell in the first 20 rows. */
async function readSheet(data: Buffer, lang: Lang) {
  const book = await readSpreadsheet(data, { filename: 'programme.xlsx', accept: ['xlsx'], unreadable: 'validation.xlsxUnreadable' });
  const wanted = new Map(COLUMNS.map((c) => [fold(c.header), c.key]));
  wanted.set(fold('Tiến độ'), 'progress');
  wanted.set(fold('Nội dung'), 'title');
  for (const sheet of book.sheets) {
    for (let r = 1; r <= Math.min(sheet.rows.length, 20); r++) {
      const cols = new Map<ColumnKey, number>();
      sheet.rows[r - 1]!.forEach((cell, i) => {
        const key = wanted.get(fold(cellText(cell)));
        if (key && !cols.has(key)) cols.set(key, i);
      });
      if (!cols.has('title')) continue;
      const missing = (['title', 'lead'] as const).filter((k) => !cols.has(k)).map((k) => COLUMNS.find((c) => c.key === k)!.header);
      if (missing.length) {
        const message = translate(lang, 'validation.columns', { columns: missing.join(', ') });
        throw new AppError('VALIDATION_FAILED', { field: 'file', issues: [{ field: 'file', message }] });
      }
      return { rows: sheet.rows, headerRow: r, cols };
    }
  }
  const message = translate(lang, 'validation.columns', { columns: 'Nội dung nhiệm vụ, Chủ trì' });
  throw new AppError('VALIDATION_FAILED', { field: 'file', issues: [{ field: 'file', message }] });
}

/** What the rows say, with the problems of each row (its sheet row number and the reason, in the caller's language). */
export async function parseProgrammeSheet(data: Buffer, lang: Lang) {
  const { rows, headerRow, cols } = await readSheet(data, lang);
  const issues: ErrorIssue[] = [];
  const issue = (row: number, col: string, key: string, params: Record<string, string | number> = {}) =>
    issues.push({ field: `rows.${row}.${col}`, message: translate(lang, `importProgramme.${key}`, { row, ...params }) });
  const groups: string[] = [];
  const tasks: RowTask[] = [];
  let current: string | null = null;
  const raw = (row: Cell[], key: ColumnKey): Cell => (cols.has(key) ? (row[cols.get(key)!] ?? null) : null);
  const txt = (row: Cell[], key: ColumnKey) => cellText(raw(row, key));

  for (let r = headerRow + 1; r <= rows.length; r++) {
    const row = rows[r - 1]!;
    const title = txt(row, 'title').replace(/\s+/g, ' ');
    const group = txt(row, 'group').replace(/\s+/g, ' ') || null;
    if (group && !groups.some((g) => nameKey(g) === nameKey(group))) groups.push(group);
    if (!title) {
      // A group's own row (its Roman numeral and name), or an empty or notes row.
      if (group) current = group;
      continue;
    }
    if (group) current = group;
    if (title.length > 500) issue(r, 'title', 'titleTooLong');
    const lead = txt(row, 'lead');
    if (!lead) issue(r, 'lead', 'leadMissing');
    const start = cellDate(raw(row, 'start'));
    const due = cellDate(raw(row, 'due'));
    if (start === 'invalid') issue(r, 'start', 'dateInvalid', { date: txt(row, 'start') });
    if (due === 'invalid') issue(r, 'due', 'dateInvalid', { date: txt(row, 'due') });
    if (start && due && start !== 'invalid' && due !== 'invalid' && due < start) issue(r, 'due', 'dueBeforeStart');
    const target = parseAmount(raw(row, 'target'));
    if (target === 'invalid') issue(r, 'target', 'targetInvalid', { value: txt(row, 'target') });
    const cooperators = [...new Set(txt(row, 'cooperators').split(/[;\n]/).map((s) => s.trim()).filter(Boolean))];
    tasks.push({
      row: r,
      stt: txt(row, 'stt').replace(/\s+/g, '').replace(/\.$/, ''),
      group: current,
      title: title.slice(0, 500),
      kind: txt(row, 'kind'),
      lead,
      cooperators,
      person: txt(row, 'person') || null,
      startDate: start === 'invalid' ? null : start,
      dueDate: due === 'invalid' ? null : due,
      targetValue: target === 'invalid' ? null : target.value,
      targetUnit: target === 'invalid' ? null : target.unit,
      description: txt(row, 'note').slice(0, 10000) || null,
    });
  }
  if (!tasks.length && !groups.length) issues.push({ field: 'file', message: translate(lang, 'importProgramme.noTasks') });
  return { groups, tasks, issues };
}

type BodyRow = { id: string; name: string; short_name: string | null; valid_from: string | null; valid_to: string | null };

/** Picks the one record a name means: equal ignoring diacritics and case; among several, those in force in the
 * year, then the exact spelling; still several → ambiguous. */
function pick<T extends { id: string; valid_from?: string | null; valid_to?: string | null }>(name: string, candidates: T[], names: (t: T) => (string | null)[], year: number): T | 'unknown' | 'ambiguous' {
  const f = fold(name);
  let found = candidates.filter((c) => names(c).some((n) => n && fold(n) === f));
  if (found.length > 1) {
    const inYear = found.filter((c) => (!c.valid_from || c.valid_from <= `${year}-12-31`) && (!c.valid_to || c.valid_to > `${year}-01-01`));
    if (inYear.length) found = inYear;
  }
  if (found.length > 1) {
    const exact = found.filter((c) => names(c).some((n) => n && nameKey(n) === nameKey(name)));
    if (exact.length) found = exact;
  }
  if (!found.length) return 'unknown';
  return found.length === 1 ? found[0]! : 'ambiguous';
}

const foldSql = (col: string) => sql`lower(translate(unaccent(coalesce(${sql.ref(col)}, '')), 'đĐ', 'dD'))`;

/**
 * Creates a programme from a sheet laid out as the export (round trip): its groups in the order they appear, its
 * tasks (subtasks under the row whose STT is their prefix: "1.2" under "1" of the same group) with kind (name or
 * code), lead and cooperating bodies and the responsible person matched by name ignoring diacritics and case, dates
 * dd/mm/yyyy, target "100 hộ", note as description; progress, status and result are not imported (a new
 * programme's tasks start as drafts). All in one transaction: any row that cannot be read is reported (400
 * VALIDATION_FAILED, issues naming each row) and nothing is written. 404 for an unknown body, 403 without
 * 'work.manage' over it, 409 ALREADY_EXISTS when the body has a programme that year.
 */
export async function importProgramme(ctx: Ctx, actor: Actor, c: WorkCaller, lang: Lang, input: { bodyId: string; year: number; title: string }, data: Buffer) {
  const body = await ctx.db.selectFrom('bodies').select(['id', 'unit_id', 'valid_from', 'valid_to']).where('id', '=', input.bodyId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!body || !(await bodyReadable(ctx.db, c, input.bodyId))) throw referenceRefused('bodyId');
  if (!(await holdsOverBody(ctx.db, c, 'work.manage', input.bodyId))) throw new AppError('FORBIDDEN');
  if ((body.valid_to && body.valid_to <= `${input.year}-01-01`) || (body.valid_from && body.valid_from > `${input.year}-12-31`))
    throw new AppError('VALIDATION_FAILED', { field: 'year', issues: [{ field: 'year', message: 'validation.bodyNotInForceThatYear' }] });
  if (data.length < 4 || data.readUInt32BE(0) !== 0x504b0304) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { field: 'file', issues: [{ field: 'file', message: 'validation.xlsxOnly' }] });

  const sheet = await parseProgrammeSheet(data, lang);
  const issues = sheet.issues;
  const issue = (row: number, col: string, key: string, params: Record<string, string | number> = {}) =>
    issues.push({ field: `rows.${row}.${col}`, message: translate(lang, `importProgramme.${key}`, { row, ...params }) });

  // Names → records, in three queries.
  const bodyNames = [...new Set(sheet.tasks.flatMap((t) => [t.lead, ...t.cooperators]).filter(Boolean).map(fold))];
  const bodies: BodyRow[] = bodyNames.length
    ? await ctx.db
        .selectFrom('bodies')
        .select(['id', 'name', 'short_name', 'valid_from', 'valid_to'])
        .where('deleted_at', 'is', null)
        .where((eb) => eb.or([eb(foldSql('name'), '=', eb.fn.any(eb.val(bodyNames))), eb(foldSql('short_name'), '=', eb.fn.any(eb.val(bodyNames)))]))
        .execute()
    : [];
  const personNames = [...new Set(sheet.tasks.flatMap((t) => (t.person ? [fold(t.person)] : [])))];
  const people = personNames.length
    ? await ctx.db.selectFrom('people').select(['id', 'full_name']).where('deleted_at', 'is', null).where((eb) => eb(foldSql('full_name'), '=', eb.fn.any(eb.val(personNames)))).execute()
    : [];
  // Names are matched among the bodies and people the programme may name (its owner's scope, task.references.ts): a
  // short name such as "Hội LHPN" then means this ward's, not every ward's.
  const [leadOk, nearOk, personOk] = await Promise.all([
    allowedReferences(ctx.db, c, body.unit_id, 'lead', bodies.map((b) => b.id)),
    allowedReferences(ctx.db, c, body.unit_id, 'near', bodies.map((b) => b.id)),
    allowedReferences(ctx.db, c, body.unit_id, 'person', people.map((p) => p.id)),
  ]);
  const kinds = await ctx.db.selectFrom('task_kinds').select(['code', 'name_vi', 'name_en']).where('deleted_at', 'is', null).orderBy('sort').execute();

  const resolved: (RowTask & { kindCode: string; leadId: string; cooperatorIds: string[]; personId: string | null; parentRow: number | null })[] = [];
  const bySection = new Map<string, RowTask>(); // "<group>|<stt>" → row
  for (const t of sheet.tasks) {
    const before = issues.length;
    const kind = t.kind ? kinds.find((k) => k.code === t.kind || fold(k.name_vi) === fold(t.kind) || fold(k.name_en) === fold(t.kind)) : kinds[0];
    if (!kind) issue(t.row, 'kind', 'kindUnknown', { kind: t.kind });
    const body = (name: string, col: 'lead' | 'cooperators') => {
      const b = pick(name, bodies.filter((x) => (col === 'lead' ? leadOk : nearOk).has(x.id)), (x) => [x.name, x.short_name], input.year);
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
      const p = pick(t.person, people.filter((x) => personOk.has(x.id)), (x) => [x.full_name], input.year);
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
    if (issues.length === before) resolved.push({ ...t, kindCode: kind!.code, leadId: lead!.id, cooperatorIds, personId, parentRow });
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', { field: issues[0]!.field, issues: issues.slice(0, 200) });

  return inTransaction(ctx.db, actor, async (trx) => {
    const dup = await trx.selectFrom('programmes').select('id').where('body_id', '=', input.bodyId).where('year', '=', input.year).where('deleted_at', 'is', null).executeTakeFirst();
    if (dup) throw new AppError('ALREADY_EXISTS', { field: 'year' });
    const p = await trx.insertInto('programmes').values({ body_id: input.bodyId, year: input.year, title: input.title, created_by: actor.accountId }).returning('id').executeTakeFirstOrThrow();
    const groupIds = new Map<string, string>();
    for (const [i, name] of sheet.groups.entries()) {
      const g = await trx.insertInto('task_groups').values({ programme_id: p.id, position: i + 1, name: name.slice(0, 300) }).returning('id').executeTakeFirstOrThrow();
      groupIds.set(nameKey(name), g.id);
    }
    const taskOfRow = new Map<number, string>();
    for (const t of resolved) {
      const id = await insertTask(trx, actor, c.today, {
        programmeId: p.id,
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
    return { id: p.id, year: input.year, title: input.title, groupCount: sheet.groups.length, taskCount: resolved.length };
  });
}
