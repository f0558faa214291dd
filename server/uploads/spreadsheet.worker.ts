import { parentPort, workerData } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { checkArchive, openArchive, type Archive, type ZipEntry } from './archive.check.ts';
import { WorkbookScan } from './sheet.scan.ts';
import { LimitExceeded, type UploadLimits } from './upload.limits.ts';
import type { Cell, WorkerJob, WorkerMessage } from './spreadsheet.types.ts';

/** Rows sent to the main thread per message: each message is cheap to receive, so the server stays responsive. */
const ROWS_PER_MESSAGE = 1000;

const post = (m: WorkerMessage) => parentPort!.postMessage(m);

/** Text of a CSV: UTF-8 (with or without BOM) when it decodes as such, else Windows-1258 as Excel on Vietnamese
 * Windows writes it; always NFC. */
async function decodeCsv(buf: Buffer): Promise<{ text: string; encoding: string }> {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { text: text.replace(/^\uFEFF/, '').normalize('NFC'), encoding: 'utf-8' };
  } catch {
    const { default: iconv } = await import('iconv-lite');
    return { text: iconv.decode(buf, 'windows1258').normalize('NFC'), encoding: 'windows-1258' };
  }
}

async function readCsv(data: Buffer, limits: UploadLimits) {
  const { text, encoding } = await decodeCsv(data);
  const { parse } = await import('csv-parse/sync');
  const nl = text.indexOf('\n');
  const delimiter = (nl < 0 ? text : text.slice(0, nl)).includes(';') ? ';' : ',';
  // Parsing stops one record past the limit: a longer file costs no more than one at the limit.
  const records = parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    trim: true,
    to: limits.rows + 1,
  });
  if (records.length > limits.rows) throw new LimitExceeded('rows', limits.rows);
  let cells = 0;
  for (const r of records) {
    if (r.length > limits.columns) throw new LimitExceeded('columns', limits.columns);
    cells += r.length;
  }
  if (cells > limits.cells) throw new LimitExceeded('cells', limits.cells);
  post({ type: 'sheet', name: '' });
  for (let i = 0; i < records.length; i += ROWS_PER_MESSAGE)
    post({ type: 'rows', rows: records.slice(i, i + ROWS_PER_MESSAGE) });
  post({ type: 'done', encoding });
}

/** Inflates one entry (yauzl fails the stream past its declared size), giving its text to `feed` when asked. */
async function inflate(archive: Archive, e: ZipEntry, feed?: (text: string) => void) {
  const stream = await archive.open(e);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) if (feed) feed(decoder.decode(chunk as Buffer, { stream: true }));
  if (feed) feed(decoder.decode());
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

/** Everything a cell can hold, made plain: rich text and hyperlinks as their text, formulas as their result, errors
 * as empty; text NFC. */
function plain(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'string') return v.normalize('NFC');
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if ('richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .normalize('NFC');
  if ('error' in v) return null;
  if ('formula' in v || 'sharedFormula' in v || 'result' in v)
    return plain((v as { result?: ExcelJS.CellValue }).result);
  if ('text' in v) return plain(v.text);
  return null;
}

async function readXlsx(data: Buffer, limits: UploadLimits) {
  // Before the spreadsheet library sees the file: its central directory, then every entry inflated (the library
  // inflates them all) with the sheets and the workbook scanned as they come.
  const archive = await openArchive(data);
  const scan = new WorkbookScan(limits);
  try {
    for (const e of await checkArchive(archive, limits)) {
      if (e.name.endsWith('/') && e.uncompressedSize === 0) continue;
      if (SHEET.test(e.name)) {
        const sheet = scan.sheet();
        await inflate(archive, e, sheet.feed);
        sheet.end();
      } else if (e.name.toLowerCase() === 'xl/workbook.xml') {
        let xml = '';
        await inflate(archive, e, (t) => (xml += t));
        scan.workbook(xml);
      } else await inflate(archive, e);
    }
  } finally {
    archive.close();
  }

  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  for (const ws of wb.worksheets) {
    // The scan bounded these; checked again on what the library built.
    if (ws.rowCount > limits.rows) throw new LimitExceeded('rows', limits.rows);
    post({ type: 'sheet', name: ws.name });
    let batch: Cell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const cells: Cell[] = [];
      ws.findRow(r)?.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > limits.columns) throw new LimitExceeded('columns', limits.columns);
        cells[col - 1] = plain(cell.value);
      });
      batch.push(Array.from(cells, (c) => c ?? null));
      if (batch.length === ROWS_PER_MESSAGE) {
        post({ type: 'rows', rows: batch });
        batch = [];
      }
    }
    if (batch.length) post({ type: 'rows', rows: batch });
  }
  post({ type: 'done', encoding: 'xlsx' });
}

const job = workerData as WorkerJob;
const data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
try {
  if (job.kind === 'csv') await readCsv(data, job.limits);
  else await readXlsx(data, job.limits);
} catch (err) {
  if (err instanceof LimitExceeded) post({ type: 'refused', name: err.limit, max: err.max });
  else post({ type: 'unreadable', reason: (err as Error).message });
}
