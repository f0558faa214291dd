import { AppError } from '../../http/errors.ts';
import { translate, type Lang } from '../../i18n/messages.ts';
import { fold } from '../../i18n/names.ts';
import { readSpreadsheetVietnamese } from '../../uploads/legacy.vietnamese.ts';
import type { Cell } from '../../uploads/spreadsheet.read.ts';
import { UPLOAD_LIMITS } from '../../uploads/upload.limits.ts';
import { FIGURE_MAX } from './indicators.schemas.ts';

/**
 * Reading a sheet of report values (XLSX or CSV: UTF-8, Windows-1258, or legacy TCVN3/VNI text, converted) into rows:
 * one value a row, under a header row naming the columns. Pure apart from the reader; the service matches the rows
 * to units, bodies and indicators.
 */

/** The largest upload accepted (413 above). */
export const REPORT_IMPORT_LIMIT = UPLOAD_LIMITS.fileBytes;

/** The columns, as the template writes them; a header is matched ignoring diacritics and case. */
export const IMPORT_COLUMNS = {
  unit: 'Mã đơn vị',
  unitName: 'Tên đơn vị',
  body: 'Tổ chức',
  indicator: 'Mã chỉ tiêu',
  indicatorName: 'Tên chỉ tiêu',
  measure: 'Đơn vị tính',
  category: 'Phân loại',
  value: 'Giá trị',
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;

/** Headers people also write for a column. */
const ALIASES: Record<string, ImportColumn> = {
  [fold('Mã ĐV')]: 'unit',
  [fold('Mã xã')]: 'unit',
  [fold('Mã thôn')]: 'unit',
  [fold('Đoàn thể')]: 'body',
  [fold('Chỉ tiêu')]: 'indicator',
  [fold('Số liệu')]: 'value',
};

/** One row of the sheet: its row number (as the spreadsheet shows it) and its cells by column. */
export type SheetRow = {
  row: number;
  unit: string;
  body: string;
  indicator: string;
  category: string;
  value: Cell;
};

/** A cell as trimmed NFC text; dates as yyyy-mm-dd. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Reads the file and finds the header row (the first of the first 20 rows naming the unit and indicator columns). */
export async function readImportSheet(data: Buffer, filename: string, lang: Lang) {
  const book = await readSpreadsheetVietnamese(data, {
    filename,
    accept: ['xlsx', 'csv'],
    limits: { fileBytes: REPORT_IMPORT_LIMIT },
  });
  const wanted = new Map<string, ImportColumn>([
    ...Object.entries(IMPORT_COLUMNS).map(([k, h]) => [fold(h), k as ImportColumn] as const),
    ...Object.entries(ALIASES),
  ]);
  for (const sheet of book.sheets) {
    for (let r = 1; r <= Math.min(sheet.rows.length, 20); r++) {
      const cols = new Map<ImportColumn, number>();
      sheet.rows[r - 1]!.forEach((cell, i) => {
        const key = wanted.get(fold(cellText(cell)));
        if (key && !cols.has(key)) cols.set(key, i);
      });
      if (!cols.has('unit') || !cols.has('indicator')) continue;
      if (!cols.has('value')) throw missingColumns(lang, [IMPORT_COLUMNS.value]);
      const at = (row: Cell[], k: ImportColumn): Cell => (cols.has(k) ? (row[cols.get(k)!] ?? null) : null);
      const rows: SheetRow[] = [];
      for (let n = r + 1; n <= sheet.rows.length; n++) {
        const row = sheet.rows[n - 1]!;
        const item: SheetRow = {
          row: n,
          unit: cellText(at(row, 'unit')),
          body: cellText(at(row, 'body')),
          indicator: cellText(at(row, 'indicator')).toUpperCase(),
          category: cellText(at(row, 'category')),
          value: at(row, 'value'),
        };
        // Empty rows, and rows whose value is left blank (a template row not filled), change nothing.
        if (!item.unit && !item.indicator && !item.body) continue;
        if (cellText(item.value) === '') continue;
        rows.push(item);
      }
      return { rows, hasBody: cols.has('body'), encoding: book.encoding };
    }
  }
  throw missingColumns(lang, [IMPORT_COLUMNS.unit, IMPORT_COLUMNS.indicator, IMPORT_COLUMNS.value]);
}

function missingColumns(lang: Lang, columns: string[]): AppError {
  const message = translate(lang, 'validation.columns', { columns: columns.join(', ') });
  return new AppError('VALIDATION_FAILED', { field: 'file', issues: [{ field: 'file', message }] });
}

/**
 * A number as people write it in a cell. Vietnamese write "1.234,5" (dot between thousands, comma before the
 * decimals); others write "1234.5" or "1,234.5". When both signs appear, the last one is the decimal sign. When only
 * one appears: a comma is the decimal sign unless it separates several groups of three ("1,234,567"); a dot is the
 * thousands sign when it separates groups of three after one to three digits not starting with 0 ("1.234",
 * "12.345.678" — as Vietnamese write them), else the decimal sign ("1234.5", "0.125", "12.50"). So "1.234" is one thousand two hundred thirty-four
 * and "1,234" is one point two three four; spaces between thousands are allowed, and a trailing % is ignored.
 * Null when the text is not a number.
 */
export function parseNumber(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
  const m = /^([+-]?)([\d.,]+)$/.exec(s);
  if (!m) return null;
  const body = m[2]!;
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  const grouped = (sep: string) => new RegExp(`^[1-9]\\d{0,2}(\\${sep}\\d{3})+$`).test(body);
  let plain: string;
  if (dots && commas) {
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    const [int, frac, more] = body.split(decimal);
    if (more !== undefined || !new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})*$`).test(int!) || !/^\d+$/.test(frac!))
      return null;
    plain = `${int!.split(thousands).join('')}.${frac}`;
  } else if (commas > 1) plain = grouped(',') ? body.replace(/,/g, '') : '';
  else if (commas) plain = body.replace(',', '.');
  else if (dots) plain = grouped('.') ? body.replace(/\./g, '') : dots === 1 ? body : '';
  else plain = body;
  if (!/^\d+(\.\d+)?$/.test(plain)) return null;
  const n = Number(`${m[1]}${plain}`);
  return Number.isFinite(n) && Math.abs(n) <= FIGURE_MAX ? n : null;
}

const YES = new Set(['1', 'co', 'x', 'dat', 'yes', 'true']);
const NO = new Set(['0', 'khong', 'chua', 'no', 'false']);

/** A cell as a value of an indicator's type: a number, text, or the i18n key of why it is not one. */
export function cellValue(
  c: Cell,
  valueType: string,
): { num: number | null; txt: string | null } | { problem: string } {
  if (valueType === 'text') {
    const txt = cellText(c);
    return txt.length > 4000 ? { problem: 'reportingImport.textTooLong' } : { num: null, txt };
  }
  if (valueType === 'boolean') {
    if (typeof c === 'boolean') return { num: c ? 1 : 0, txt: null };
    const f = fold(cellText(c));
    if (YES.has(f)) return { num: 1, txt: null };
    if (NO.has(f)) return { num: 0, txt: null };
    return { problem: 'validation.reportBoolean' };
  }
  const n =
    typeof c === 'number'
      ? Number.isFinite(c) && Math.abs(c) <= FIGURE_MAX
        ? c
        : null
      : typeof c === 'string'
        ? parseNumber(c)
        : null;
  return n === null ? { problem: 'reportingImport.notANumber' } : { num: n, txt: null };
}
