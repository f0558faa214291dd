/**
 * What Khối agrees to read from one uploaded or imported spreadsheet (CSV or XLSX) or archive. Every importer reads
 * through readSpreadsheet, which checks these before and while parsing; a file over one of them is refused with 413
 * UPLOAD_TOO_COMPLEX naming the limit and its value. They leave several times the room a province's registers or a
 * year's work programme need, while bounding what one file can cost: the memory and time a spreadsheet library needs
 * grow with the cells and unzipped bytes it is given, not with the bytes sent.
 */
export const UPLOAD_LIMITS = {
  /** bytes of the file as sent (the multipart limit of the import routes too) */
  fileBytes: 5 * 1024 * 1024,
  /** files inside an XLSX (a workbook has a dozen; thousands only make the reader walk them) */
  entries: 200,
  /** bytes of all the files inside an XLSX once unzipped, as declared and as actually inflated */
  uncompressedBytes: 50 * 1024 * 1024,
  /** unzipped size over zipped size of one file inside an XLSX, for files of RATIO_FLOOR_BYTES or more unzipped (a
   * real sheet's text compresses far less than a run of repeated bytes) */
  compressionRatio: 100,
  /** the highest row number of a sheet or CSV (header included) */
  rows: 20_000,
  /** the highest column number of a sheet or CSV */
  columns: 200,
  /** cells of the whole workbook, counting the cells that merged ranges, data validations and defined names span
   * (the spreadsheet library makes an object for each) */
  cells: 300_000,
  /** seconds the parser may take (it runs in a worker thread, stopped at this deadline) */
  parseSeconds: 20,
  /** megabytes of memory the parser's worker thread may use (stopped above) */
  parseMemoryMb: 512,
} as const;

export type UploadLimits = { [K in keyof typeof UPLOAD_LIMITS]: number };
export type LimitName = keyof UploadLimits;

/** Below this unzipped size a file's compression ratio is not checked: small files cannot make a bomb. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** Parser workers at once; more wait their turn (the server has few cores and answers other requests meanwhile). */
export const PARALLEL_PARSES = 2;
/** Files waiting for a parser; more are refused with 429 RATE_LIMITED, so a flood of uploads holds no more memory. */
export const MAX_WAITING_PARSES = 8;

/** A limit crossed, thrown where it is found (on the main thread or in the parser's worker); readSpreadsheet turns it
 * into the 413 UPLOAD_TOO_COMPLEX refusal. */
export class LimitExceeded extends Error {
  readonly limit: LimitName;
  readonly max: number;
  constructor(limit: LimitName, max: number) {
    super(`over the upload limit ${limit} (${max})`);
    this.limit = limit;
    this.max = max;
  }
}
