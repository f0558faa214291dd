import type { Paragraph, Table } from 'docx';
import {
  bodyText,
  dataTable,
  ddmmyyyy,
  LANDSCAPE_TEXT_WIDTH,
  packAdminDocument,
  para,
  recipientsAndSignature,
  titleBlock,
} from '../../documents/admin-docx.ts';
import { layoutHeading, signingAuthority, type Issuer } from '../../documents/layouts.ts';
import { REGISTER_COLUMNS, REGISTER_TITLES, type Register } from './registers.ts';
import type { ReportRow } from './report.ts';

/** A register as a Word document: A4 landscape, the body and "SỔ TIẾP CÔNG DÂN / NĂM 2026" above the table of
 * the register's columns (repeated on every page), the day it was printed under it. */
export async function registerDocument(d: {
  bodyName: string;
  superiorName: string | null;
  register: Register;
  year: number;
  rows: string[][];
  today: string;
}): Promise<Buffer> {
  const cols = REGISTER_COLUMNS[d.register];
  const title = `${REGISTER_TITLES[d.register]} năm ${d.year}`;
  const children: (Paragraph | Table)[] = [
    ...(d.superiorName ? [para(d.superiorName.toLocaleUpperCase('vi'), { size: 13 })] : []),
    para(d.bodyName.toLocaleUpperCase('vi'), { size: 13, bold: true }),
    para(REGISTER_TITLES[d.register].toLocaleUpperCase('vi'), { align: 'center', bold: true, size: 16, before: 240 }),
    para(`Năm ${d.year}`, { align: 'center', bold: true, after: 240 }),
    d.rows.length
      ? dataTable(
          cols.map((c) => c.header),
          d.rows,
          cols.map((c) => c.width),
          { width: LANDSCAPE_TEXT_WIDTH, align: cols.map((_, i) => (i < 2 ? 'center' : 'left')) },
        )
      : para('Sổ chưa có vụ việc nào.', { italics: true, align: 'center' }),
    para(`Ngày in: ${ddmmyyyy(d.today)}; ${d.rows.length} vụ việc.`, { italics: true, size: 12, before: 120 }),
  ];
  return packAdminDocument(children, { title, landscape: true });
}

const heading = (text: string) => para(text, { bold: true, before: 240, after: 60, keepNext: true });

/** The six-monthly / yearly petition report as a báo cáo in the issuing body's layout: the heading, "BÁO CÁO" and
 * its abstract, the figures in sentences under I–III, the table of every count against the same period last year,
 * a section for the officer to write the assessment in, the recipients and the signature. */
export async function reportDocument(d: {
  issuer: Issuer;
  place: string;
  today: string;
  periodLabel: string;
  from: string;
  to: string;
  sentences: { received: string[]; handled: string[]; timeliness: string[] };
  rows: ReportRow[];
}): Promise<Buffer> {
  const subject = `công tác tiếp công dân, tiếp nhận và xử lý đơn thư ${d.periodLabel.toLocaleLowerCase('vi')}`;
  const children: (Paragraph | Table)[] = [
    layoutHeading(d.issuer, { place: d.place, date: d.today }),
    ...titleBlock('Báo cáo', [`Kết quả ${subject}`]),
    bodyText(
      `${d.issuer.name} báo cáo kết quả ${subject} (từ ngày ${ddmmyyyy(d.from)} đến ngày ${ddmmyyyy(d.to)}) như sau:`,
    ),
    heading('I. TÌNH HÌNH TIẾP NHẬN ĐƠN'),
    ...d.sentences.received.map((s) => bodyText(s)),
    heading('II. KẾT QUẢ XỬ LÝ ĐƠN'),
    ...d.sentences.handled.map((s) => bodyText(s)),
    heading('III. THEO DÕI, ĐÔN ĐỐC VÀ THỜI HẠN XỬ LÝ'),
    ...d.sentences.timeliness.map((s) => bodyText(s)),
    para('Bảng tổng hợp số liệu (so với cùng kỳ năm trước)', {
      bold: true,
      italics: true,
      before: 120,
      after: 60,
      keepNext: true,
    }),
    dataTable(
      ['Nhóm', 'Nội dung', 'Kỳ này', 'Cùng kỳ năm trước', 'Tăng (+), giảm (−)', 'Tỷ lệ'],
      d.rows.map((r) => [r.group, r.label, r.now, r.before, r.change, r.share]),
      [18, 30, 10, 12, 14, 12],
      { align: ['left', 'left', 'right', 'right', 'right', 'right'] },
    ),
    heading('IV. NHẬN XÉT, ĐÁNH GIÁ VÀ KIẾN NGHỊ'),
    bodyText(''),
    bodyText(`Trên đây là báo cáo kết quả ${subject} của ${d.issuer.name}.`, { before: 120 }),
    recipientsAndSignature(['Cấp trên trực tiếp (b/c)', 'Lưu: VT'], {
      authority: [signingAuthority(d.issuer)],
      signer: null,
    }),
  ];
  return packAdminDocument(children, { title: `Báo cáo ${subject}` });
}
