import type { Paragraph, Table } from 'docx';
import {
  bodyText,
  countOf,
  dataTable,
  ddmmyyyy,
  packAdminDocument,
  para,
  percent,
  recipientsAndSignature,
  titleBlock,
  two,
} from '../../documents/admin-docx.ts';
import { layoutHeading, signingAuthority, type Issuer } from '../../documents/layouts.ts';
import { planPercent, viNumber } from '../../i18n/figures.ts';
import type { Counts, ProgrammeSummary } from '../work/index.ts';
import {
  endItem,
  figureSentence,
  reviewAbstract,
  reviewName,
  unitInSentence,
  type FigureCell,
  type FigureKind,
  type ReviewHeading,
  type ReviewTitle,
} from './reporting.exports.rules.ts';

/** The texts gathered under a heading: each from a unit or body (null: one source only, written without a name). */
export type NarrativeBlock = { source: string | null; paragraphs: string[] };

export type ReviewData = {
  issuer: Issuer;
  title: ReviewTitle;
  unitName: string;
  place: string;
  today: string;
  figures: { name: string; kind: FigureKind; cell: FigureCell }[];
  programme: ProgrammeSummary | null;
  narratives: Record<ReviewHeading, NarrativeBlock[]>;
};

const PARTIAL_MARK = ' (*)';
const PARTIAL_NOTE =
  '(*) Số liệu gồm cả đơn vị cũ chỉ một phần nhập vào đơn vị này sau sắp xếp đơn vị hành chính; cần đối chiếu trước khi sử dụng.';

const heading = (text: string) => para(text, { bold: true, before: 240, after: 60, keepNext: true });
const subheading = (text: string) => para(text, { bold: true, italics: true, before: 120, after: 60, keepNext: true });
/** An empty paragraph for the officer to write in. */
const toFill = () => bodyText('');

const rate = (c: Counts) => (c.total ? percent((c.done / c.total) * 100) : '');

/** The counts of a programme or a group in words: "05 nhiệm vụ, đã hoàn thành 02/05 nhiệm vụ (đạt 40%), không có
 * nhiệm vụ quá hạn, tiến độ chung đạt 56,5%". */
function countsPhrase(c: Counts): string {
  if (!c.total) return 'không có nhiệm vụ';
  const done = c.done
    ? `đã hoàn thành ${two(c.done)}/${two(c.total)} nhiệm vụ (đạt ${rate(c)})`
    : 'chưa có nhiệm vụ nào hoàn thành';
  return `${two(c.total)} nhiệm vụ, ${done}, ${countOf(c.overdue, 'nhiệm vụ quá hạn')}, tiến độ chung đạt ${percent(c.progress)}`;
}

function programmePart(p: ProgrammeSummary, issuerName: string): (Paragraph | Table)[] {
  const groups = p.groups.filter((g) => g.name !== null).length;
  return [
    bodyText(
      endItem(
        `Chương trình công tác năm ${p.year} của ${issuerName}${groups ? ` gồm ${two(groups)} nhóm nhiệm vụ` : ''}: ${countsPhrase(p.all)}`,
      ),
    ),
    ...p.groups.map((g) => bodyText(endItem(`- ${g.name ?? 'Nhiệm vụ khác'}: ${countsPhrase(g.counts)}`))),
  ];
}

function figuresPart(figures: ReviewData['figures']): (Paragraph | Table)[] {
  if (!figures.length) return [bodyText('Chưa có số liệu được duyệt trong kỳ.')];
  const num = (n: number | null) => (n === null ? '' : viNumber(n));
  const versus = (c: FigureCell) => {
    if (c.value === null || c.lastYear === null) return '';
    const d = Math.round((c.value - c.lastYear) * 100) / 100;
    return d === 0 ? 'bằng' : `${d > 0 ? 'tăng' : 'giảm'} ${viNumber(Math.abs(d))}`;
  };
  const out: (Paragraph | Table)[] = figures.map((f) =>
    bodyText(`- ${figureSentence(f.name, f.cell, f.kind, f.cell.partial ? PARTIAL_MARK : '')}`),
  );
  out.push(
    para('Bảng 1. Kết quả thực hiện các chỉ tiêu', {
      bold: true,
      italics: true,
      before: 120,
      after: 60,
      keepNext: true,
    }),
    dataTable(
      [
        'STT',
        'Chỉ tiêu',
        'Đơn vị tính',
        'Kế hoạch',
        'Kết quả',
        'Tỷ lệ so với KH',
        'Cùng kỳ năm trước',
        'So với cùng kỳ',
      ],
      figures.map((f, i) => [
        i + 1,
        f.name,
        f.kind.measure ?? '',
        num(f.cell.target),
        `${num(f.cell.value)}${f.cell.partial ? PARTIAL_MARK : ''}`,
        f.cell.percent === null ? '' : planPercent(f.cell.percent),
        num(f.cell.lastYear),
        versus(f.cell),
      ]),
      [7, 25, 10, 11, 11, 11, 11, 14],
      { align: ['center', 'left', 'center', 'right', 'right', 'center', 'right', 'left'] },
    ),
  );
  if (figures.some((f) => f.cell.partial)) out.push(para(PARTIAL_NOTE, { italics: true, size: 12, before: 60 }));
  return out;
}

/** The texts of a heading, each source's under its name; an empty paragraph to fill when there are none. */
function narrativePart(blocks: NarrativeBlock[]): Paragraph[] {
  if (!blocks.length) return [toFill()];
  return blocks.flatMap((b) =>
    b.paragraphs.map((text, i) => bodyText(endItem(b.source && i === 0 ? `- ${b.source}: ${text}` : text))),
  );
}

/**
 * The review report of a unit's period (báo cáo sơ kết / tổng kết) as a Word document in the issuing body's layout:
 * the heading, "BÁO CÁO" and its abstract; I. results (the body's programme by task group, the indicators with the
 * plan and the same period last year, the highlights the reports wrote); II. shortcomings; III. causes; IV. tasks
 * ahead (V. proposals when the reports made some); "Nơi nhận" and the signature. Dated today, the number left for the
 * office to write in; every section an officer edits before it is signed.
 */
export async function reviewDocument(d: ReviewData): Promise<Buffer> {
  const issuerName = d.issuer.name;
  const where = unitInSentence(d.unitName);
  const children: (Paragraph | Table)[] = [
    layoutHeading(d.issuer, { place: d.place, date: d.today }),
    ...titleBlock('Báo cáo', [reviewAbstract(d.title)]),
    bodyText(
      `${issuerName} báo cáo ${d.title.kind} ${d.title.subject} trên địa bàn ${where}${d.title.ahead ? `, phương hướng, nhiệm vụ ${d.title.ahead}` : ''} như sau:`,
    ),
    bodyText(
      `(Số liệu tổng hợp từ các báo cáo đã được duyệt, tính đến ngày ${ddmmyyyy(d.today)}; tỷ lệ so với kế hoạch (KH) làm tròn đến một chữ số thập phân.)`,
      { italics: true },
    ),
    heading('I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ'),
  ];
  let n = 0;
  if (d.programme) {
    children.push(subheading(`${++n}. Kết quả thực hiện chương trình công tác năm ${d.programme.year}`));
    children.push(...programmePart(d.programme, issuerName));
  }
  children.push(subheading(`${++n}. Kết quả thực hiện các chỉ tiêu`), ...figuresPart(d.figures));
  children.push(subheading(`${++n}. Kết quả nổi bật`), ...narrativePart(d.narratives.results));
  children.push(heading('II. TỒN TẠI, HẠN CHẾ'), ...narrativePart(d.narratives.shortcomings));
  children.push(heading('III. NGUYÊN NHÂN'), ...narrativePart(d.narratives.causes));
  children.push(
    heading(`IV. PHƯƠNG HƯỚNG, NHIỆM VỤ${d.title.ahead ? ` ${d.title.ahead.toLocaleUpperCase('vi')}` : ''}`),
    ...narrativePart(d.narratives.tasks),
  );
  if (d.narratives.proposals.length)
    children.push(heading('V. ĐỀ XUẤT, KIẾN NGHỊ'), ...narrativePart(d.narratives.proposals));
  children.push(
    bodyText(`Trên đây là báo cáo ${d.title.kind} ${d.title.subject} của ${issuerName}.`, { before: 120 }),
    recipientsAndSignature(['Cấp trên trực tiếp (b/c)', 'Các đơn vị trực thuộc', 'Lưu: VT'], {
      authority: [signingAuthority(d.issuer)],
      signer: null,
    }),
  );
  return packAdminDocument(children, { title: reviewName(d.title) });
}
