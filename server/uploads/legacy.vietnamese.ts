import iconv from 'iconv-lite';
import { readSpreadsheet, type ReadOptions } from './spreadsheet.read.ts';
import { UPLOAD_LIMITS } from './upload.limits.ts';
import type { Cell, Spreadsheet } from './spreadsheet.types.ts';

/**
 * Vietnamese text typed before Unicode: TCVN3 (ABC, the .VnTime fonts: one byte per letter) and VNI (the VNI-Times
 * fonts: a letter followed by its marks, in Windows-1252 bytes). Such text reaches an import as the bytes of a CSV
 * (not UTF-8; the reader would take it for Windows-1258) or as the Latin-1 letters of an XLSX cell ("Th«n" for
 * "Thôn", "Thoân" for "Thôn"). Which reading is meant is decided for the whole file by the words each reading
 * gives: a reading scores a point for every word that is a Vietnamese syllable and loses one for every word that is
 * not, or for a stray symbol (¸ µ « ¬); a legacy reading is taken only when it scores higher than the text as read.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
// Vowel groups that end a syllable, and those that may take a final consonant.
const OPEN =
  '(?:uơ|uyu|uya|iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu)';
const CLOSABLE = '(?:uyê|oo|iê|yê|uô|ươ|oa|oă|oe|uâ|uê|uy|[aăâeêioôơuưy])';
const SYLLABLE = new RegExp(`^${INITIAL}(?:${OPEN}|${CLOSABLE}(?:ch|ng|nh|[cmnpt])?)$`, 'u');

/** Whether a word is one Vietnamese syllable: at most one tone mark, an initial, a vowel group and a final. */
export function isSyllable(word: string): boolean {
  const bare = word.toLowerCase().normalize('NFD');
  const tones = bare.match(TONES)?.length ?? 0;
  return tones <= 1 && SYLLABLE.test(bare.replace(TONES, '').normalize('NFC'));
}

/** How Vietnamese a text reads: + a word with a non-ASCII letter that is a syllable, − one that is not or a symbol
 * of the Latin-1 block (what legacy letters look like when read as Windows-125x). ASCII words count for no reading. */
function score(text: string): number {
  let s = 0;
  for (const m of text.matchAll(/[\u0080-\u00bf]|[\p{L}\p{M}]+/gu)) {
    const w = m[0];
    if (/^[\u0080-\u00bf]$/.test(w)) s--;
    else if (/[^\p{ASCII}]/u.test(w)) s += isSyllable(w) ? 1 : -1;
  }
  return s;
}

// VNI: the marks typed after a letter (lower and upper case), as Windows-1252 characters.
const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRC = '\u0302';
const BREVE = '\u0306';
const VNI_MARKS: Record<string, string> = {};
const marks = (chars: string, combining: string[]) =>
  [...chars].forEach((ch, i) => {
    VNI_MARKS[ch] = combining[i]!;
    VNI_MARKS[ch.toUpperCase()] = combining[i]!;
  });
marks('ùøûõï', [ACUTE, GRAVE, HOOK, TILDE, DOT]);
marks('âáàåãä', [CIRC, CIRC + ACUTE, CIRC + GRAVE, CIRC + HOOK, CIRC + TILDE, CIRC + DOT]);
marks('êéèúüë', [BREVE, BREVE + ACUTE, BREVE + GRAVE, BREVE + HOOK, BREVE + TILDE, BREVE + DOT]);
// VNI: letters of one character of their own.
const VNI_LETTERS: Record<string, string> = {
  ô: 'ơ',
  Ô: 'Ơ',
  ö: 'ư',
  Ö: 'Ư',
  ñ: 'đ',
  Ñ: 'Đ',
  æ: 'ỉ',
  Æ: 'Ỉ',
  ó: 'ĩ',
  Ó: 'Ĩ',
  ò: 'ị',
  Ò: 'Ị',
  î: 'ỵ',
  Î: 'Ỵ',
};
const VOWELS = new Set('aeiouy');

/** VNI text (its Windows-1252 characters) as Unicode, NFC. A mark applies to the vowel just before it. */
export function fromVni(text: string): string {
  const out: string[] = [];
  let vowelBefore = false;
  for (const ch of text) {
    const letter = VNI_LETTERS[ch];
    const mark = VNI_MARKS[ch];
    if (letter) out.push(letter);
    else if (mark && vowelBefore) {
      out.push(mark);
      continue;
    } else out.push(ch);
    vowelBefore = VOWELS.has((letter ?? ch).normalize('NFD')[0]!.toLowerCase());
  }
  return out.join('').normalize('NFC');
}

/** TCVN3 bytes as Unicode, NFC (iconv-lite's TCVN 5712 table holds TCVN3's letters). */
export function fromTcvn3(bytes: Buffer): string {
  return iconv.decode(bytes, 'tcvn').normalize('NFC');
}

const SAMPLE_BYTES = 256 * 1024;

const candidates = (bytes: Buffer): Record<LegacyEncoding, string> => ({
  tcvn3: fromTcvn3(bytes),
  vni: fromVni(iconv.decode(bytes, 'windows1252')),
});

/** The bytes of a CSV that is not UTF-8: its text when a legacy reading scores higher than Windows-1258's, else null
 * (the reader's own Windows-1258 reading stands). */
export function legacyCsvText(bytes: Buffer): { encoding: LegacyEncoding; text: string } | null {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return null;
  } catch {
    // not UTF-8: a Windows code page or a legacy font encoding
  }
  // Judged on the first part of the file: enough words to tell, and a large file costs no more.
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let best: LegacyEncoding | null = null;
  let top = score(iconv.decode(sample, 'windows1258').normalize('NFC'));
  for (const [encoding, text] of Object.entries(candidates(sample)) as [LegacyEncoding, string][]) {
    const s = score(text);
    if (s > top) [best, top] = [encoding, s];
  }
  if (!best) return null;
  return { encoding: best, text: best === 'tcvn3' ? fromTcvn3(bytes) : fromVni(iconv.decode(bytes, 'windows1252')) };
}

/** The bytes a text's characters were typed as, when it holds only Windows-1252 characters (else null). */
function cp1252Bytes(text: string): Buffer | null {
  const bytes = iconv.encode(text, 'windows1252');
  return iconv.decode(bytes, 'windows1252') === text ? bytes : null;
}

/** Text cells of a sheet typed with a legacy font, converted when a legacy reading of all of them scores higher than
 * the text as it is; cells that read better as they are, and text with characters beyond Windows-1252, are kept. */
export function fromLegacyCells(rows: Cell[][]): { rows: Cell[][]; encoding: LegacyEncoding | null } {
  const texts = new Map<string, Buffer>();
  for (const row of rows)
    for (const c of row)
      if (typeof c === 'string' && /[\u0080-\u00ff]/.test(c) && !texts.has(c)) {
        const bytes = cp1252Bytes(c);
        if (bytes) texts.set(c, bytes);
      }
  if (!texts.size) return { rows, encoding: null };
  const totals = { none: 0, tcvn3: 0, vni: 0 };
  const converted = new Map<string, Record<LegacyEncoding, string>>();
  for (const [text, bytes] of texts) {
    const { tcvn3, vni } = candidates(bytes);
    converted.set(text, { tcvn3, vni });
    totals.none += score(text);
    totals.tcvn3 += score(tcvn3);
    totals.vni += score(vni);
  }
  const encoding: LegacyEncoding | null =
    totals.tcvn3 > totals.none && totals.tcvn3 >= totals.vni ? 'tcvn3' : totals.vni > totals.none ? 'vni' : null;
  if (!encoding) return { rows, encoding: null };
  // A cell keeps its text when that reads better than its legacy reading (a Unicode name among legacy ones).
  const pick = (c: string) => {
    const legacy = converted.get(c)?.[encoding];
    return legacy !== undefined && score(legacy) >= score(c) ? legacy : c;
  };
  return { rows: rows.map((row) => row.map((c) => (typeof c === 'string' ? pick(c) : c))), encoding };
}

/**
 * readSpreadsheet, with legacy Vietnamese text detected and converted: a CSV in TCVN3 or VNI bytes is read as such,
 * and the text cells of an XLSX (or a UTF-8 CSV) typed with a legacy font are converted. The encoding says what was
 * found: utf-8, windows-1258, tcvn3, vni, xlsx, or xlsx+tcvn3 / xlsx+vni.
 */
export async function readSpreadsheetVietnamese(data: Buffer, opts: ReadOptions): Promise<Spreadsheet> {
  const isCsv = !(data.length >= 4 && data.readUInt32BE(0) === 0x504b0304) && !/\.xlsx$/i.test(opts.filename);
  const limit = { ...UPLOAD_LIMITS, ...opts.limits }.fileBytes;
  // Over the limit, the reader refuses the bytes as they are.
  const legacy = isCsv && data.length <= limit ? legacyCsvText(data) : null;
  if (legacy) {
    const book = await readSpreadsheet(Buffer.from(legacy.text, 'utf8'), opts);
    return { ...book, encoding: legacy.encoding };
  }
  const book = await readSpreadsheet(data, opts);
  const read = book.sheets.map((s) => ({ name: s.name, ...fromLegacyCells(s.rows) }));
  const found = read.find((s) => s.encoding)?.encoding;
  return {
    encoding: found ? (isCsv ? found : `${book.encoding}+${found}`) : book.encoding,
    sheets: read.map((s) => ({ name: s.name, rows: s.rows })),
  };
}
