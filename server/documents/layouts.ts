import {
  convertMillimetersToTwip,
  Table,
  TableBorders,
  TableLayoutType,
  TableRow,
  WidthType,
  type Paragraph,
} from 'docx';
import { cell, para, rule, TEXT_WIDTH, vnDate } from './admin-docx.ts';

/**
 * The document layouts a body issues in, kept as data per body kind and body (body_kinds.document_layout,
 * bodies.document_layout; migration 0018). They share the page, fonts and body text of admin-docx.ts and differ in
 * the heading block, the way the number is written and the signing authority:
 * - `decree30`, the state format (Decree 30/2020/NĐ-CP): the issuer (under its superior) on the left, the national
 *   motto on the right, "Số: 05/BC-UBND", "TM. ỦY BAN NHÂN DÂN".
 * - `party36`, the Party's format (Hướng dẫn 36-HD/VPTW): the superior Party organisation ("ĐẢNG BỘ TỈNH QUẢNG
 *   NINH") over the issuer and a star on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, "Số 05-BC/ĐU", "T/M ĐẢNG ỦY".
 * - `front`, the Front's format (the guidance of the Front's central standing board): "ỦY BAN MTTQ VIỆT NAM", the
 *   place and "BAN THƯỜNG TRỰC" on the left for a Front committee, the national motto on the right, "Số: 05/BC-MTTQ-BTT",
 *   "TM. BAN THƯỜNG TRỰC"; the member organisations and the bloc office write their own name there.
 */
export const DOCUMENT_LAYOUTS = ['decree30', 'party36', 'front'] as const;
export type DocumentLayout = (typeof DOCUMENT_LAYOUTS)[number];

export const isDocumentLayout = (s: string | null | undefined): s is DocumentLayout =>
  (DOCUMENT_LAYOUTS as readonly string[]).includes(s ?? '');

/** What the heading and the signature need of the issuing body. */
export type Issuer = {
  layout: DocumentLayout;
  /** body kind code ('front', 'party_committee'…) */
  kind: string;
  name: string;
  /** the body's unit ("Phường Móng Cái 1") */
  unitName: string | null;
  /** the body directly above it on the same unit */
  superiorName: string | null;
  /** the unit above the body's unit (the Party's superior organisation is its Party organisation) */
  parentUnitName: string | null;
  /** the document symbol in the state format, from the counters ("BC-MTTQ") */
  symbol: string;
};

const UNIT_WORD =
  /\s(tỉnh|thành phố|thị xã|huyện|quận|phường|xã|thị trấn|đặc khu|thôn|khu|bản|ấp|tổ dân phố|khu phố)\s/iu;

/** The collective that signs for a body: its name without the place ("Ủy ban nhân dân phường X" → "Ủy ban nhân
 * dân"), or the whole name when it names no place. */
export function collectiveOf(name: string): string {
  const n = name.normalize('NFC').trim();
  const m = UNIT_WORD.exec(` ${n} `);
  const head = m ? ` ${n} `.slice(0, m.index).trim() : n;
  return head || n;
}

/** The Party's abbreviation of a committee for its symbols: "Đảng ủy" ĐU, "Tỉnh ủy"/"Thành ủy"/"Thị ủy" TU, "Huyện
 * ủy" HU, "Quận ủy" QU; otherwise the state-format abbreviation. */
function partyAbbreviation(name: string, fallback: string): string {
  const head = collectiveOf(name).toLocaleLowerCase('vi');
  const known: Record<string, string> = {
    'đảng ủy': 'ĐU',
    'tỉnh ủy': 'TU',
    'thành ủy': 'TU',
    'thị ủy': 'TU',
    'huyện ủy': 'HU',
    'quận ủy': 'QU',
  };
  return known[head] ?? fallback;
}

/** The number as the layout writes it, with room for the office to write the number in ("Số:      /BC-UBND"). */
export function numberLine(i: Issuer, number: number | null = null): string {
  const n = number === null ? '      ' : String(number).padStart(2, '0');
  const dash = i.symbol.indexOf('-');
  const series = dash < 0 ? i.symbol : i.symbol.slice(0, dash);
  const abbr = dash < 0 ? '' : i.symbol.slice(dash + 1);
  if (i.layout === 'party36') return `Số ${n}-${series}/${partyAbbreviation(i.name, abbr)}`;
  if (i.layout === 'front' && i.kind === 'front') return `Số: ${n}/${i.symbol}-BTT`;
  return `Số: ${n}/${i.symbol}`;
}

/** The signing authority above the signature ("TM. BAN THƯỜNG TRỰC", "T/M ĐẢNG ỦY", "TM. ỦY BAN NHÂN DÂN"). */
export function signingAuthority(i: Issuer): string {
  if (i.layout === 'party36') return `T/M ${collectiveOf(i.name)}`;
  if (i.layout === 'front' && i.kind === 'front') return 'TM. BAN THƯỜNG TRỰC';
  return `TM. ${collectiveOf(i.name)}`;
}

const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi');

/** The left column of the heading: who issues. */
function issuerLines(i: Issuer, width: number): Paragraph[] {
  if (i.layout === 'party36') {
    const superior = i.superiorName ?? (i.parentUnitName ? `Đảng bộ ${i.parentUnitName}` : null);
    return [
      ...(superior ? [para(upper(superior), { align: 'center', size: 14 })] : []),
      para(upper(i.name), { align: 'center', size: 14, bold: true }),
      para('*', { align: 'center', size: 14, after: 60 }),
    ];
  }
  const lines =
    i.layout === 'front' && i.kind === 'front'
      ? [
          para('ỦY BAN MTTQ VIỆT NAM', { align: 'center', size: 13 }),
          ...(i.unitName ? [para(upper(i.unitName), { align: 'center', size: 13 })] : []),
          para('BAN THƯỜNG TRỰC', { align: 'center', size: 13, bold: true }),
        ]
      : [
          ...(i.superiorName ? [para(upper(i.superiorName), { align: 'center', size: 13 })] : []),
          para(upper(i.name), { align: 'center', size: 13, bold: true }),
        ];
  return [...lines, rule(convertMillimetersToTwip(25), width)];
}

/** The right column of the heading: the national motto, or the Party's title. */
function mottoLines(i: Issuer, width: number): Paragraph[] {
  if (i.layout === 'party36')
    return [
      para('ĐẢNG CỘNG SẢN VIỆT NAM', { align: 'center', size: 15, bold: true }),
      rule(convertMillimetersToTwip(60), width),
    ];
  return [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', size: 12, bold: true }),
    para('Độc lập - Tự do - Hạnh phúc', { align: 'center', size: 14, bold: true }),
    rule(convertMillimetersToTwip(55), width),
  ];
}

/** The heading block of a document in the issuer's layout: who issues and the number on the left, the motto (or the
 * Party's title) and the place and date on the right. The number is left for the office to write in, and so is the
 * day of a draft (`{ draftYear }`); a công văn's abstract ("V/v …", `about`) stands under its number. */
export function layoutHeading(
  i: Issuer,
  h: { place: string; date: string | { draftYear: number }; number?: number | null; about?: string | null },
): Table {
  // The Party's heading names two organisations at 14 pt on the left and only its title on the right.
  const left = Math.round(TEXT_WIDTH * (i.layout === 'party36' ? 0.5 : 0.4));
  const right = TEXT_WIDTH - left;
  const day = typeof h.date === 'string' ? vnDate(h.date) : `ngày      tháng      năm ${h.date.draftYear}`;
  const dateLine = `${h.place ? h.place + ', ' : ''}${day}`;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ children: [cell(issuerLines(i, left), left), cell(mottoLines(i, right), right)] }),
      new TableRow({
        children: [
          cell(
            [
              para(numberLine(i, h.number ?? null), { align: 'center', size: 13 }),
              ...(h.about ? [para(h.about, { align: 'center', size: 12 })] : []),
            ],
            left,
          ),
          cell([para(dateLine, { align: 'center', size: 14, italics: true })], right),
        ],
      }),
    ],
  });
}
