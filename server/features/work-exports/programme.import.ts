import { AppError, type ErrorIssue } from '../../http/errors.ts';
import { translate, type Lang } from '../../i18n/messages.ts';
import { UPLOAD_LIMITS } from '../../uploads/upload.limits.ts';
import { readSpreadsheet, type Cell } from '../../uploads/spreadsheet.read.ts';
import { fold, nameKey } from '../../i18n/names.ts';
import { COLUMNS, type ColumnKey } from './programme.xlsx.ts';

/** The largest upload accepted (413 above). */
export const PROGRAMME_IMPORT_LIMIT = UPLOAD_LIMITS.fileBytes;

/** One task read from a row, before names are matched. */
export type RowTask = {
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
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 1900 && y <= 2200
    ? dt.toISOString().slice(0, 10)
    : 'invalid';
};

/** A date cell: an Excel date, a serial number, or text dd/mm/yyyy (also d/m/yyyy, dd.mm.yyyy, yyyy-mm-dd); 'invalid'
 * for anything else. */
export function cellDate(v: Cell): string | null {
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
  const book = await readSpreadsheet(data, {
    filename: 'programme.xlsx',
    accept: ['xlsx'],
    unreadable: 'validation.xlsxUnreadable',
  });
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
      const missing = (['title', 'lead'] as const)
        .filter((k) => !cols.has(k))
        .map((k) => COLUMNS.find((c) => c.key === k)!.header);
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
    issues.push({
      field: `rows.${row}.${col}`,
      message: translate(lang, `importProgramme.${key}`, { row, ...params }),
    });
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
    const cooperators = [
      ...new Set(
        txt(row, 'cooperators')
          .split(/[;\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
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
  if (!tasks.length && !groups.length)
    issues.push({ field: 'file', message: translate(lang, 'importProgramme.noTasks') });
  return { groups, tasks, issues };
}

export type BodyRow = {
  id: string;
  name: string;
  short_name: string | null;
  valid_from: string | null;
  valid_to: string | null;
};

/** Picks the one record a name means: equal ignoring diacritics and case; among several, those in force in the
 * year, then the exact spelling; still several → ambiguous. */
export function pick<T extends { id: string; valid_from?: string | null; valid_to?: string | null }>(
  name: string,
  candidates: T[],
  names: (t: T) => (string | null)[],
  year: number,
): T | 'unknown' | 'ambiguous' {
  const f = fold(name);
  let found = candidates.filter((c) => names(c).some((n) => n && fold(n) === f));
  if (found.length > 1) {
    const inYear = found.filter(
      (c) => (!c.valid_from || c.valid_from <= `${year}-12-31`) && (!c.valid_to || c.valid_to > `${year}-01-01`),
    );
    if (inYear.length) found = inYear;
  }
  if (found.length > 1) {
    const exact = found.filter((c) => names(c).some((n) => n && nameKey(n) === nameKey(name)));
    if (exact.length) found = exact;
  }
  if (!found.length) return 'unknown';
  return found.length === 1 ? found[0]! : 'ambiguous';
}
