import ExcelJS from 'exceljs';
import { ddmmyyyy } from '../../documents/admin-docx.ts';
import { planText, viNumber } from '../../i18n/figures.ts';
import { STATUS_VI, type ProgrammeExport } from './exports.presenter.ts';

/** The columns of the programme sheet, in order; the import reads the same headers (by name, ignoring diacritics
 * and case, in any order). */
export const COLUMNS = [
  { key: 'stt', header: 'STT', width: 6 },
  { key: 'group', header: 'Nhóm nhiệm vụ', width: 18 },
  { key: 'title', header: 'Nội dung nhiệm vụ', width: 42 },
  { key: 'kind', header: 'Loại', width: 15 },
  { key: 'lead', header: 'Chủ trì', width: 20 },
  { key: 'cooperators', header: 'Phối hợp', width: 20 },
  { key: 'person', header: 'Người phụ trách', width: 16 },
  { key: 'start', header: 'Bắt đầu', width: 11 },
  { key: 'due', header: 'Hạn', width: 11 },
  { key: 'target', header: 'Chỉ tiêu', width: 11 },
  { key: 'result', header: 'Kết quả', width: 11 },
  { key: 'plan', header: 'So với KH', width: 16 },
  { key: 'progress', header: 'Tiến độ (%)', width: 8 },
  { key: 'status', header: 'Trạng thái', width: 13 },
  { key: 'note', header: 'Ghi chú', width: 20 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];

/** The header row of the sheet (rows above it: body, title, programme, date). */
export const HEADER_ROW = 5;

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const borders = { top: thin, left: thin, bottom: thin, right: thin };

const asDate = (iso: string | null) =>
  iso ? new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))) : null;

/** A row's height for its wrapped text (spreadsheet programs do not grow rows of a generated file by themselves):
 * the most lines any cell needs at about 1.2 characters of 11 pt Times per unit of column width, 15 pt a line. */
function rowHeight(row: ExcelJS.Row): number {
  let lines = 1;
  COLUMNS.forEach((c, i) => {
    const v = row.getCell(i + 1).value;
    if (typeof v !== 'string' || !v) return;
    const indent = c.key === 'title' ? (row.getCell(i + 1).alignment?.indent ?? 0) : 0;
    const perLine = Math.max(4, Math.floor((c.width - 1 - indent) * 1.2));
    const n = v.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, n);
  });
  return lines * 15 + 3;
}

const amount = (v: number | null, unit: string | null) =>
  v === null ? (unit ?? '') : `${viNumber(v)}${unit ? ` ${unit}` : ''}`;

/**
 * The programme as an Excel workbook: the body's name and "CHƯƠNG TRÌNH CÔNG TÁC NĂM …" above a table of the task
 * groups (Roman numerals) and their tasks, subtasks indented under their parents (numbered 1.1, 1.2); dates as
 * dates shown dd/mm/yyyy; wrapped text, borders, the header row frozen and repeated on each printed page, A4
 * landscape fitted to the width.
 */
export async function programmeWorkbook(data: ProgrammeExport, today: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Khối';
  wb.created = new Date(`${today}T00:00:00Z`);
  const ws = wb.addWorksheet(`Năm ${data.programme.year}`, {
    views: [
      {
        state: 'frozen',
        ySplit: HEADER_ROW,
        xSplit: 0,
        topLeftCell: `A${HEADER_ROW + 1}`,
        activeCell: `A${HEADER_ROW + 1}`,
      },
    ],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    },
    headerFooter: { oddFooter: 'Trang &P/&N' },
  });
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const last = COLUMNS.length;
  const titleRow = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(row, 1, row, last);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { name: 'Times New Roman', size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  titleRow(1, data.programme.bodyName.toLocaleUpperCase('vi'), { bold: true });
  titleRow(2, `CHƯƠNG TRÌNH CÔNG TÁC NĂM ${data.programme.year}`, { bold: true, size: 14 });
  titleRow(3, data.programme.title, { italic: true });
  titleRow(4, `(Số liệu đến ngày ${ddmmyyyy(today)})`, { italic: true, size: 11 });
  ws.getRow(2).height = 22;

  const header = ws.getRow(HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: 'Times New Roman', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = borders;
  });
  header.height = 32;

  const style = (row: ExcelJS.Row, opts: { bold?: boolean; fill?: string; indent?: number }) => {
    for (let i = 1; i <= last; i++) {
      const cell = row.getCell(i);
      const key = COLUMNS[i - 1]!.key;
      cell.font = { name: 'Times New Roman', size: 11, bold: opts.bold };
      const center = key === 'stt' || key === 'start' || key === 'due' || key === 'progress';
      cell.alignment = {
        vertical: 'top',
        wrapText: true,
        horizontal: center ? 'center' : 'left',
        ...(key === 'title' && opts.indent ? { indent: opts.indent } : {}),
      };
      cell.border = borders;
      if (opts.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: opts.fill } };
      if ((key === 'start' || key === 'due') && cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      if (key === 'progress') cell.numFmt = '0.#';
    }
    row.height = rowHeight(row);
  };

  const groupName = new Map(data.groups.map((g) => [g.id, g.name]));
  const writeTask = (t: ProgrammeExport['tasks'][number]) => {
    const row = ws.addRow({
      stt: t.stt,
      group: t.section ? (groupName.get(t.section) ?? '') : '',
      title: t.title,
      kind: t.kindName,
      lead: t.leadBodyName,
      cooperators: t.cooperators.join('; '),
      person: t.responsibleName ?? '',
      start: asDate(t.startDate),
      due: asDate(t.dueDate),
      target: amount(t.targetValue, t.targetUnit),
      result: t.resultValue === null ? '' : amount(t.resultValue, t.targetUnit),
      plan: planText(t.resultValue, t.targetValue, t.targetUnit),
      progress: t.progress,
      status: STATUS_VI[t.status] ?? t.status,
      note: t.description ?? '',
    });
    style(row, { indent: t.depth * 2 });
  };

  // Tasks outside any group first, then each group: its row (Roman numeral, name), then its tasks.
  for (const t of data.tasks) if (!t.section) writeTask(t);
  for (const g of data.groups) {
    style(ws.addRow({ stt: g.roman, group: g.name }), { bold: true, fill: 'FFF2F2F2' });
    for (const t of data.tasks) if (t.section === g.id) writeTask(t);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
