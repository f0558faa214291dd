import type { LimitName, UploadLimits } from './upload.limits.ts';

/** A cell as the importers see it: text (NFC), a number, a truth value, a date (an Excel date cell) or empty. */
export type Cell = string | number | boolean | Date | null;

/** One sheet (a CSV is one sheet without a name): its rows from row 1, each its cells from column A. */
export type Sheet = { name: string; rows: Cell[][] };

/** What was read: the sheets in workbook order, and how (xlsx, or the CSV's encoding: utf-8, windows-1258). */
export type Spreadsheet = { encoding: string; sheets: Sheet[] };

export type WorkerJob = { kind: 'xlsx' | 'csv'; data: Uint8Array; limits: UploadLimits };

export type WorkerMessage =
  | { type: 'sheet'; name: string }
  | { type: 'rows'; rows: Cell[][] }
  | { type: 'done'; encoding: string }
  | { type: 'refused'; name: LimitName; max: number }
  | { type: 'unreadable'; reason: string };
