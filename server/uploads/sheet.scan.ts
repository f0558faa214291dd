import { LimitExceeded, type UploadLimits } from './upload.limits.ts';

/** The highest column an XLSX can hold (XFD); a column definition past it is not a spreadsheet. */
const XLSX_MAX_COLUMN = 16_384;
/** The longest tag read across two chunks; a sheet's tags are a few hundred bytes. */
const MAX_TAG_CHARS = 1024 * 1024;

export class MalformedSheet extends Error {}

/** "AB" → 28; Infinity for anything longer than a column name can be. */
function columnNumber(letters: string): number {
  if (letters.length > 7) return Infinity;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const REF = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/;

/** A1 or A1:C9 (with or without $) → its corners; null for anything else (whole rows or columns, names). */
function area(ref: string): { right: number; bottom: number; cells: number } | null {
  const m = REF.exec(ref.trim());
  if (!m) return null;
  const c1 = columnNumber(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return {
    right: Math.max(c1, c2),
    bottom: Math.max(r1, r2),
    cells: (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1),
  };
}

const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c|mergeCell|dataValidation|col)(?=[\s/>])([^>]*)>/g;
const ATTR = /(?:^|\s)(r|ref|sqref|max)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Counts what a spreadsheet library would build from a workbook's XML, read as it is inflated and before the library
 * sees it: rows and cells (their highest numbers, as the library numbers them), and the cells that merged ranges,
 * data validations and defined names span, which the library makes one by one. Throws LimitExceeded at the first limit
 * crossed, MalformedSheet for XML no spreadsheet holds.
 */
export class WorkbookScan {
  private cells = 0;
  private readonly limits: UploadLimits;

  constructor(limits: UploadLimits) {
    this.limits = limits;
  }

  private addCells(n: number) {
    this.cells += n;
    if (this.cells > this.limits.cells) throw new LimitExceeded('cells', this.limits.cells);
  }

  private reach(row: number, column: number) {
    if (row > this.limits.rows) throw new LimitExceeded('rows', this.limits.rows);
    if (column > this.limits.columns) throw new LimitExceeded('columns', this.limits.columns);
  }

  /** A scanner for one worksheet's XML, fed its text in pieces. */
  sheet(): { feed: (text: string) => void; end: () => void } {
    let carry = '';
    let row = 0;
    let column = 0;
    const tag = (name: string, attrs: string) => {
      const a: Record<string, string> = {};
      for (const m of attrs.matchAll(ATTR)) a[m[1]!] = m[2] ?? m[3] ?? '';
      if (name === 'row') {
        row = a.r !== undefined ? Number(a.r) : row + 1;
        if (!Number.isSafeInteger(row) || row < 1) throw new MalformedSheet('row number');
        column = 0;
        this.reach(row, 0);
      } else if (name === 'c') {
        const m = a.r !== undefined ? /^([A-Za-z]+)(\d+)$/.exec(a.r) : null;
        if (a.r !== undefined && !m) throw new MalformedSheet('cell reference');
        column = m ? columnNumber(m[1]!) : column + 1;
        this.reach(m ? Number(m[2]) : row, column);
        this.addCells(1);
      } else if (name === 'mergeCell') {
        const r = area(a.ref ?? '');
        if (!r) return;
        this.reach(r.bottom, r.right);
        this.addCells(r.cells);
      } else if (name === 'dataValidation') {
        for (const ref of (a.sqref ?? '').split(/\s+/).filter(Boolean)) this.addCells(area(ref)?.cells ?? 0);
      } else if (name === 'col') {
        const max = Number(a.max);
        if (!Number.isSafeInteger(max) || max > XLSX_MAX_COLUMN) throw new MalformedSheet('column definition');
      }
    };
    return {
      feed: (text: string) => {
        const all = carry + text;
        // A tag cut at the end of this piece waits for the next one; text between tags is not needed.
        const open = all.lastIndexOf('<');
        const cut = open >= 0 && all.indexOf('>', open) < 0 ? open : all.length;
        carry = all.slice(cut);
        if (carry.length > MAX_TAG_CHARS) throw new MalformedSheet('tag too long');
        for (const m of all.slice(0, cut).matchAll(TAG)) tag(m[1]!, m[2]!);
      },
      end: () => {
        if (carry) for (const m of carry.matchAll(TAG)) tag(m[1]!, m[2]!);
        carry = '';
      },
    };
  }

  /** The workbook part: its defined names (print areas, named ranges) over ranges of cells. */
  workbook(xml: string): void {
    for (const m of xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?definedName\b[^>]*>([^<]*)</g)) {
      for (const ref of m[1]!.split(',')) {
        const r = area(ref.slice(ref.lastIndexOf('!') + 1));
        if (r) this.addCells(r.cells);
      }
    }
  }
}
