import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { attachment, XLSX_TYPE } from '../documents/admin-docx.ts';

export type XlsxColumn<T> = { header: string; width?: number; value: (row: T) => string | number | boolean | null };

/** A list page's rows as an Excel sheet: a title row, a bold frozen header with a filter, and the rows. */
export async function xlsxTable<T>(
  title: string,
  columns: readonly XlsxColumn<T>[],
  rows: readonly T[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Khối';
  const ws = wb.addWorksheet(title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = columns.map((c) => ({ width: c.width ?? 20 }));
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.mergeCells(1, 1, 1, columns.length);
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r))).alignment = { wrapText: true, vertical: 'top' };
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function sendXlsx(reply: FastifyReply, filename: string, data: Buffer) {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', attachment(filename))
    .header('cache-control', 'no-store')
    .send(data);
}

/** dd/mm/yyyy for a 'YYYY-MM-DD' date. */
export const viDate = (d: string | null) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : null);
