import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  convertMillimetersToTwip,
  Document,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  Footer,
  type FileChild,
} from 'docx';
import { viPercent } from '../i18n/figures.ts';

/**
 * The administrative document layout of Decree 30/2020/NĐ-CP (Phụ lục I): A4, margins top 20 mm, bottom 20 mm,
 * left 30 mm, right 15 mm; Times New Roman; a header table with the issuing body on the left and the national
 * motto on the right, the number and symbol under the body, place and date under the motto; the kind of
 * document in capitals with its abstract; the text at 14 pt; "Nơi nhận:" and the signature block side by side.
 * LibreOffice renders Times New Roman with the metric-compatible Liberation Serif.
 */

const FONT = 'Times New Roman';
/** Text width: 210 − 30 − 15 mm. */
export const TEXT_WIDTH = convertMillimetersToTwip(165);
/** Text width of an A4 landscape page (a register's table): 297 − 20 − 20 mm. */
export const LANDSCAPE_TEXT_WIDTH = convertMillimetersToTwip(257);
const pt = (n: number) => n * 2; // docx sizes are half-points

type RunOpts = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean; allCaps?: boolean };
type ParaOpts = RunOpts & {
  align?: 'left' | 'center' | 'right' | 'justify';
  firstLine?: boolean;
  before?: number;
  after?: number;
  keepNext?: boolean;
  indentLeft?: number;
};

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

export function run(text: string, o: RunOpts = {}): TextRun {
  return new TextRun({
    text: text.normalize('NFC'),
    bold: o.bold,
    italics: o.italics,
    size: pt(o.size ?? 14),
    font: FONT,
    ...(o.underline ? { underline: {} } : {}),
    allCaps: o.allCaps,
  });
}

/** One paragraph of runs (a string is one run with the paragraph's options). */
export function para(content: string | TextRun[], o: ParaOpts = {}): Paragraph {
  const children = typeof content === 'string' ? [run(content, o)] : content;
  return new Paragraph({
    children,
    alignment: ALIGN[o.align ?? 'left'],
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 276 },
    indent: {
      ...(o.firstLine ? { firstLine: convertMillimetersToTwip(12.7) } : {}),
      ...(o.indentLeft ? { left: o.indentLeft } : {}),
    },
    keepNext: o.keepNext,
  });
}

/** A paragraph of body text: 14 pt, justified, first line indented, 6 pt after. */
export function bodyText(content: string | TextRun[], o: ParaOpts = {}): Paragraph {
  return para(content, { align: 'justify', firstLine: true, after: 120, ...o });
}

/** The short centred rule drawn under the body name, the motto and the abstract. */
export function rule(widthTwips: number, cellWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - widthTwips) / 2));
  // An empty 4 pt line with a bottom border: the rule sits a few points under the text above it.
  return new Paragraph({
    children: [new TextRun({ text: '', size: pt(4), font: FONT })],
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    indent: { left: side, right: side },
    spacing: { before: 0, after: 80, line: 120, lineRule: LineRuleType.EXACT },
  });
}

/** "ngày 12 tháng 3 năm 2026": days below 10 and the months January and February written with a leading zero. */
export function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `ngày ${String(d).padStart(2, '0')} tháng ${m < 3 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

/** dd/mm/yyyy */
export function ddmmyyyy(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const UNIT_WORDS =
  /^(tỉnh|thành phố|thị xã|huyện|quận|phường|xã|thị trấn|đặc khu|thôn|khu|bản|ấp|tổ dân phố|khu phố)\s+/iu;

/** The place name of a document: the unit's name without its kind ("Thành phố Móng Cái" → "Móng Cái"). */
export function placeName(unitName: string | null): string {
  if (!unitName) return '';
  return unitName.normalize('NFC').replace(UNIT_WORDS, '').trim();
}

const noBorders = TableBorders.NONE;

/** A borderless cell of a heading table. */
export function cell(children: Paragraph[], width: number, extra: Partial<{ columnSpan: number }> = {}) {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    borders: noBorders,
    margins: { left: 40, right: 40 },
    ...extra,
  });
}

/** The header of the document: the issuing body (its superior above it, when known) and the number on the left;
 * the national motto and the place and date on the right. `number` is e.g. "05/TB-CQK", or "     /TB-CQK" for a draft
 * (whose date is left blank but for the year). */
export function letterhead(h: {
  superiorName?: string | null;
  issuerName: string;
  number: string;
  place: string;
  date: string | { draftYear: number };
}): Table {
  const left = Math.round(TEXT_WIDTH * 0.4);
  const right = TEXT_WIDTH - left;
  const leftCol = [
    ...(h.superiorName ? [para(h.superiorName.toLocaleUpperCase('vi'), { align: 'center', size: 13 })] : []),
    para(h.issuerName.toLocaleUpperCase('vi'), { align: 'center', size: 13, bold: true }),
    rule(convertMillimetersToTwip(25), left),
  ];
  const rightCol = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', size: 12, bold: true }),
    para('Độc lập - Tự do - Hạnh phúc', { align: 'center', size: 14, bold: true }),
    rule(convertMillimetersToTwip(55), right),
  ];
  const day = typeof h.date === 'string' ? vnDate(h.date) : `ngày      tháng      năm ${h.date.draftYear}`;
  const dateLine = `${h.place ? h.place + ', ' : ''}${day}`;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: noBorders,
    rows: [
      new TableRow({ children: [cell(leftCol, left), cell(rightCol, right)] }),
      new TableRow({
        children: [
          cell([para(`Số: ${h.number}`, { align: 'center', size: 13 })], left),
          cell([para(dateLine, { align: 'center', size: 14, italics: true })], right),
        ],
      }),
    ],
  });
}

/** The kind of document in capitals and its abstract (trích yếu), centred and bold, with a rule under it. */
export function titleBlock(kind: string, abstract: string[]): Paragraph[] {
  return [
    para(kind.toLocaleUpperCase('vi'), { align: 'center', bold: true, size: 14, before: 360 }),
    ...abstract.map((line) => para(line, { align: 'center', bold: true, size: 14 })),
    rule(convertMillimetersToTwip(35), TEXT_WIDTH),
    para('', { after: 120 }),
  ];
}

/** "Nơi nhận:" on the left (12 pt bold italic, entries 11 pt) and the signature block on the right (authority
 * and title in bold capitals, room for the signature, the signer's name in bold). */
export function recipientsAndSignature(
  recipients: string[],
  sign: { authority: string[]; signer: string | null },
): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const items = recipients.map((r, i) => para(`- ${r}${i === recipients.length - 1 ? '.' : ';'}`, { size: 11 }));
  const signature = [
    ...sign.authority.map((a) => para(a.toLocaleUpperCase('vi'), { align: 'center', bold: true, size: 14 })),
    para('', { after: 1200 }),
    para(sign.signer ?? '', { align: 'center', bold: true, size: 14 }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: noBorders,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell([para('Nơi nhận:', { bold: true, italics: true, size: 12, before: 240 }), ...items], left),
          cell([para('', { before: 240 }), ...signature], right),
        ],
      }),
    ],
  });
}

/** A bordered table of figures or tasks: a bold header row, 12 pt text; `widths` are fractions of the text width. */
export function dataTable(
  headers: string[],
  rows: (string | number)[][],
  widths: number[],
  o: { align?: ('left' | 'center' | 'right')[]; boldRows?: number[]; width?: number } = {},
): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const width = o.width ?? TEXT_WIDTH;
  const cols = widths.map((w) => Math.round((width * w) / total));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const mk = (text: string | number, i: number, bold: boolean, header: boolean) =>
    new TableCell({
      width: { size: cols[i]!, type: WidthType.DXA },
      borders,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children: String(text)
        .split('\n')
        .map((line) => para(line, { size: 12, bold, align: header ? 'center' : (o.align?.[i] ?? 'left') })),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width, type: WidthType.DXA },
    columnWidths: cols,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => mk(h, i, true, true)) }),
      ...rows.map(
        (r, ri) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) => mk(v, i, o.boldRows?.includes(ri) ?? false, false)),
          }),
      ),
    ],
  });
}

/** Packs the document: A4 portrait (or landscape, for a register's wide table: the binding side's 30 mm at the top,
 * 20 mm left and right), Decree 30 margins, Times New Roman 14 pt, page numbers centred at the foot from the second page. */
export async function packAdminDocument(
  children: FileChild[],
  meta: { title: string; creator?: string; landscape?: boolean },
): Promise<Buffer> {
  const doc = new Document({
    creator: meta.creator ?? 'Khối',
    title: meta.title,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            // docx swaps the page's width and height itself when told the orientation: give it portrait sizes.
            size: {
              width: convertMillimetersToTwip(210),
              height: convertMillimetersToTwip(297),
              ...(meta.landscape ? { orientation: PageOrientation.LANDSCAPE } : {}),
            },
            margin: {
              top: convertMillimetersToTwip(meta.landscape ? 30 : 20),
              bottom: convertMillimetersToTwip(meta.landscape ? 15 : 20),
              left: convertMillimetersToTwip(meta.landscape ? 20 : 30),
              right: convertMillimetersToTwip(meta.landscape ? 20 : 15),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })],
              }),
            ],
          }),
          first: new Footer({ children: [] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Two digits at least, as counts are written in reports ("hoàn thành 04 nhiệm vụ"). */
export const two = (n: number) => String(n).padStart(2, '0');

/** A count with its noun as an officer writes it: "04 nhiệm vụ quá hạn", and "không có nhiệm vụ quá hạn" for none
 * (never "00 nhiệm vụ"). */
export const countOf = (n: number, noun: string) => (n ? `${two(n)} ${noun}` : `không có ${noun}`);

/** A percentage the Vietnamese way: "12,5%" (server/i18n/figures.ts). */
export const percent = viPercent;

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A Content-Disposition naming the file in UTF-8 with an ASCII fallback. */
export function attachment(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename.normalize('NFC'))}`;
}
