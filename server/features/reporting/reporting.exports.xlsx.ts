import ExcelJS from 'exceljs';
import { ddmmyyyy } from '../../documents/admin-docx.ts';

/** The figures each indicator has in the sheet, in order, under its name. */
export const FIGURE_COLUMNS = [
  { key: 'value', header: 'Kết quả' },
  { key: 'target', header: 'Kế hoạch' },
  { key: 'percent', header: '% KH' },
  { key: 'difference', header: 'Chênh lệch so với KH' },
  { key: 'lastYear', header: 'Cùng kỳ năm trước' },
] as const;
/** The row of the indicators' names; the figures' headers are under it, the rows start two below it. */
export const SHEET_HEADER_ROW = 5;
export const SHEET_FIRST_ROW = SHEET_HEADER_ROW + 2;
/** Columns before the figures: STT and the row's name. */
export const SHEET_LEAD_COLUMNS = 2;

export type SheetPivot = {
  unit: { code: string | null; name: string };
  rows: { key: string; label: string; unitCode: string | null }[];
  indicators: { code: string; name: string; measure: string | null; valueType: string }[];
  cells: {
    value: number | null;
    target: number | null;
    percent: number | null;
    difference: number | null;
    partial: boolean;
    lastYear: number | null;
  }[][];
};

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const borders = { top: thin, left: thin, bottom: thin, right: thin };
const PARTIAL_FILL = 'FFFFF2CC';
export const PARTIAL_NOTE =
  'Gồm cả số liệu của đơn vị cũ chỉ một phần nhập vào đơn vị này (sáp nhập một phần): không phải toàn bộ số liệu đó thuộc đơn vị này.';

/** The number format of an indicator's figures: whole numbers with thousands, decimals with two places, percentages
 * with one; the separators are those of the reader's locale (Vietnamese: 36.793; 85,5%). */
function formatOf(valueType: string, measure: string | null): string {
  if (valueType === 'percentage' || measure === '%') return '#,##0.0"%"';
  if (valueType === 'decimal') return '#,##0.00';
  return '#,##0';
}

/**
 * The pivot view as an Excel workbook: the unit, the title with the period, the view and the day it was made above a
 * table of the rows (the unit's children and its total, or the periods) × the indicators, each with its result,
 * target, % of target, difference and the same period last year. Numbers are numbers (the % of target as a
 * percentage); a figure fed by a unit that only partly became this one is shaded and carries a note.
 */
export async function pivotWorkbook(
  p: SheetPivot,
  o: { periodId: string; periodLabel: string; by: 'units' | 'periods'; today: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Khối';
  wb.created = new Date(`${o.today}T00:00:00Z`);
  const ws = wb.addWorksheet(o.periodLabel.slice(0, 31).replace(/[\\/?*[\]:]/g, '-'), {
    views: [{ state: 'frozen', xSplit: SHEET_LEAD_COLUMNS, ySplit: SHEET_FIRST_ROW - 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${SHEET_HEADER_ROW}:${SHEET_HEADER_ROW + 1}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: 'Trang &P/&N' },
  });
  const per = FIGURE_COLUMNS.length;
  const last = SHEET_LEAD_COLUMNS + p.indicators.length * per;
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 30;
  for (let c = SHEET_LEAD_COLUMNS + 1; c <= last; c++) ws.getColumn(c).width = 12;

  const line = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(row, 1, row, Math.max(last, 8));
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  line(1, p.unit.name.toLocaleUpperCase('vi'), { bold: true });
  line(2, `SỐ LIỆU ${o.periodLabel.toLocaleUpperCase('vi')}`, { bold: true, size: 14 });
  line(
    3,
    `Đơn vị: ${p.unit.name}${p.unit.code ? ` (mã ${p.unit.code})` : ''}; kỳ: ${o.periodLabel} (${o.periodId}); ${
      o.by === 'units' ? 'theo đơn vị trực thuộc' : 'theo kỳ báo cáo'
    }`,
    { italic: true, size: 11 },
  );
  line(4, `Ngày lập: ${ddmmyyyy(o.today)}`, { italic: true, size: 11 });
  ws.getRow(2).height = 22;

  const head = (cell: ExcelJS.Cell, text: string) => {
    cell.value = text;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = borders;
  };
  const h1 = SHEET_HEADER_ROW;
  const h2 = SHEET_HEADER_ROW + 1;
  ws.mergeCells(h1, 1, h2, 1);
  head(ws.getCell(h1, 1), 'STT');
  ws.mergeCells(h1, 2, h2, 2);
  head(ws.getCell(h1, 2), o.by === 'units' ? 'Đơn vị' : 'Kỳ báo cáo');
  p.indicators.forEach((ind, i) => {
    const from = SHEET_LEAD_COLUMNS + 1 + i * per;
    ws.mergeCells(h1, from, h1, from + per - 1);
    head(ws.getCell(h1, from), `${ind.name}${ind.measure ? ` (${ind.measure})` : ''}`);
    FIGURE_COLUMNS.forEach((f, j) => head(ws.getCell(h2, from + j), f.header));
  });
  ws.getRow(h1).height = 45;
  ws.getRow(h2).height = 32;

  let partial = false;
  p.rows.forEach((r, ri) => {
    const total = r.key === 'total';
    const row = ws.getRow(SHEET_FIRST_ROW + ri);
    row.getCell(1).value = total ? '' : ri + 1;
    row.getCell(2).value = total ? `Tổng cộng (${r.label})` : r.label;
    p.indicators.forEach((ind, i) => {
      const c = p.cells[ri]![i]!;
      const from = SHEET_LEAD_COLUMNS + 1 + i * per;
      const fmt = formatOf(ind.valueType, ind.measure);
      FIGURE_COLUMNS.forEach((f, j) => {
        const cell = row.getCell(from + j);
        const v = f.key === 'percent' ? (c.percent === null ? null : c.percent / 100) : c[f.key];
        cell.value = v;
        cell.numFmt = f.key === 'percent' ? '0.0%' : fmt;
      });
      if (c.partial) {
        partial = true;
        const cell = row.getCell(from);
        cell.note = PARTIAL_NOTE;
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: PARTIAL_FILL } };
      }
    });
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      cell.font = { name: FONT, size: 11, bold: total };
      cell.border = borders;
      cell.alignment = {
        vertical: 'top',
        wrapText: c === 2,
        horizontal: c === 1 ? 'center' : c === 2 ? 'left' : 'right',
      };
      if (total && !cell.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
  });
  if (partial) {
    const at = SHEET_FIRST_ROW + p.rows.length + 1;
    line(at, `Ô tô màu vàng: ${PARTIAL_NOTE[0]!.toLocaleLowerCase('vi')}${PARTIAL_NOTE.slice(1)}`, {
      italic: true,
      size: 11,
    });
    ws.getCell(at, 1).alignment = { horizontal: 'left', wrapText: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
