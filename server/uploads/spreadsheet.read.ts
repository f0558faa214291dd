import { Worker } from 'node:worker_threads';
import { BrokenArchive, checkArchive, openArchive } from './archive.check.ts';
import { AppError } from '../http/errors.ts';
import {
  LimitExceeded,
  MAX_WAITING_PARSES,
  PARALLEL_PARSES,
  UPLOAD_LIMITS,
  type LimitName,
  type UploadLimits,
} from './upload.limits.ts';
import type { Cell, Sheet, Spreadsheet, WorkerJob, WorkerMessage } from './spreadsheet.types.ts';

export type { Cell, Sheet, Spreadsheet } from './spreadsheet.types.ts';

export type ReadOptions = {
  /** the name the file came with: .xlsx, .csv or .txt (a ZIP's signature also makes it an XLSX) */
  filename: string;
  /** the kinds this importer takes; another is refused with `unreadable` */
  accept?: ('xlsx' | 'csv')[];
  /** tighter (or, for a trusted caller, looser) limits than UPLOAD_LIMITS */
  limits?: Partial<UploadLimits>;
  /** the i18n key of the 400 for a file that is not a readable spreadsheet */
  unreadable?: string;
};

/** The refusal of a file over one limit: 413 UPLOAD_TOO_COMPLEX, the limit's name and value in `limit`. */
function tooComplex(name: LimitName, max: number): AppError {
  const mb = Math.round((max / 1024 / 1024) * 10) / 10;
  return new AppError('UPLOAD_TOO_COMPLEX', {
    field: 'file',
    limit: { name, max },
    params: { max, mb },
    issues: [{ field: 'file', message: `uploadLimits.${name}` }],
  });
}

/** The refusal of a file that is not a readable spreadsheet (400, the importer's message). */
function unreadable(message: string): AppError {
  return new AppError('VALIDATION_FAILED', { field: 'file', issues: [{ field: 'file', message }] });
}

const isZip = (data: Buffer) => data.length >= 4 && data.readUInt32BE(0) === 0x504b0304;

function kindOf(data: Buffer, filename: string): 'xlsx' | 'csv' | null {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.xlsx') || isZip(data)) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return null;
}

// Parser workers running, and those waiting for one to finish.
let running = 0;
const waiting: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (running < PARALLEL_PARSES) running++;
  else if (waiting.length >= MAX_WAITING_PARSES) throw new AppError('RATE_LIMITED', { retryAfterSeconds: 10 });
  else await new Promise<void>((resolve) => waiting.push(resolve));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
}

const WORKER = new URL('./spreadsheet.worker-entry.mjs', import.meta.url);

/** Parses in a worker thread with a memory ceiling and a deadline; the main thread only receives rows in batches. */
async function parseInWorker(
  kind: 'xlsx' | 'csv',
  data: Buffer,
  limits: UploadLimits,
  unreadableKey: string,
): Promise<Spreadsheet> {
  const release = await turn();
  try {
    return await new Promise<Spreadsheet>((resolve, reject) => {
      const copy = new Uint8Array(data);
      const job: WorkerJob = { kind, data: copy, limits };
      const worker = new Worker(WORKER, {
        workerData: job,
        transferList: [copy.buffer],
        resourceLimits: { maxOldGenerationSizeMb: limits.parseMemoryMb },
      });
      const sheets: Sheet[] = [];
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        void worker.terminate();
        fn();
      };
      const deadline = setTimeout(
        () => finish(() => reject(tooComplex('parseSeconds', limits.parseSeconds))),
        limits.parseSeconds * 1000,
      );
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'sheet') sheets.push({ name: m.name, rows: [] });
        else if (m.type === 'rows') {
          const rows = sheets[sheets.length - 1]!.rows;
          for (const r of m.rows) rows.push(r);
        } else if (m.type === 'done') finish(() => resolve({ encoding: m.encoding, sheets }));
        else if (m.type === 'refused') finish(() => reject(tooComplex(m.name, m.max)));
        else finish(() => reject(unreadable(unreadableKey)));
      });
      worker.on('error', (err: Error & { code?: string }) =>
        finish(() =>
          reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex('parseMemoryMb', limits.parseMemoryMb) : err),
        ),
      );
      worker.on('exit', (code) =>
        finish(() => reject(new Error(`spreadsheet worker stopped (exit code ${code}) without an answer`))),
      );
    });
  } finally {
    release();
  }
}

/**
 * Reads a spreadsheet sent by a user or given to the command line — CSV (UTF-8 or Windows-1258, comma or semicolon)
 * or XLSX — into rows of plain cells, within UPLOAD_LIMITS: the size first; for an XLSX its ZIP central directory
 * (entries, unzipped size, compression ratio) before anything is inflated; then, in a worker thread, every entry
 * inflated and the sheets scanned for rows and cells before the spreadsheet library builds anything, and the parse
 * itself under a memory ceiling and a deadline. Refusals: 413 UPLOAD_TOO_COMPLEX naming the limit; 400 with the
 * `unreadable` message for anything that is not a readable spreadsheet of an accepted kind.
 */
export async function readSpreadsheet(data: Buffer, opts: ReadOptions): Promise<Spreadsheet> {
  const limits: UploadLimits = { ...UPLOAD_LIMITS, ...opts.limits };
  const unreadableKey = opts.unreadable ?? 'validation.fileType';
  if (data.length > limits.fileBytes) throw tooComplex('fileBytes', limits.fileBytes);
  const kind = kindOf(data, opts.filename);
  if (!kind || (opts.accept && !opts.accept.includes(kind))) throw unreadable(unreadableKey);
  if (kind === 'xlsx') {
    // The central directory alone, on this thread: a bomb is refused here without starting a worker.
    try {
      const archive = await openArchive(data);
      try {
        await checkArchive(archive, limits);
      } finally {
        archive.close();
      }
    } catch (err) {
      if (err instanceof LimitExceeded) throw tooComplex(err.limit, err.max);
      throw err instanceof BrokenArchive ? unreadable(unreadableKey) : err;
    }
  }
  return parseInWorker(kind, data, limits, unreadableKey);
}

/** A cell as text: dates as yyyy-mm-dd, empty as ''. */
export function cellAsText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c);
}

/** The first sheet (or the CSV) as rows of text cells: for importers that read every column as text. */
export async function readTextRows(data: Buffer, opts: ReadOptions): Promise<{ rows: string[][]; encoding: string }> {
  const book = await readSpreadsheet(data, opts);
  return { rows: (book.sheets[0]?.rows ?? []).map((r) => r.map(cellAsText)), encoding: book.encoding };
}
