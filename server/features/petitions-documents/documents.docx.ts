import { Table, TableBorders, TableLayoutType, TableRow, WidthType, type Paragraph } from 'docx';
import {
  bodyText,
  cell,
  packAdminDocument,
  para,
  recipientsAndSignature,
  TEXT_WIDTH,
  titleBlock,
} from '../../documents/admin-docx.ts';
import { layoutHeading, signingAuthority, type Issuer } from '../../documents/layouts.ts';
import type { Notice } from './documents.texts.ts';

export type NoticeData = {
  issuer: Issuer;
  place: string;
  notice: Notice;
  status: 'draft' | 'signed' | 'issued' | 'cancelled';
  number: number | null;
  issuedOn: string | null;
  draftYear: number;
  signer: { name: string | null; title: string | null };
};

/** The receipt's signatures side by side (Mẫu 02/TCD): the citizen who handed the letter in and the officer. */
function bothSignatures(authority: string, signer: NoticeData['signer']): Table {
  const half = Math.round(TEXT_WIDTH / 2);
  const block = (head: string[], name: string | null) => [
    ...head.map((h, i) => para(h, { align: 'center', bold: i === 0, italics: i > 0, size: i === 0 ? 13 : 12 })),
    para('', { after: 1200 }),
    para(name ?? '', { align: 'center', bold: true }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, TEXT_WIDTH - half],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell([para('', { before: 240 }), ...block(['NGƯỜI GỬI ĐƠN', '(Ký, ghi rõ họ tên)'], null)], half),
          cell(
            [
              para('', { before: 240 }),
              ...block([authority, ...(signer.title ? [signer.title.toLocaleUpperCase('vi')] : [])], signer.name),
            ],
            TEXT_WIDTH - half,
          ),
        ],
      }),
    ],
  });
}

/**
 * A notice of a case as a Word document in the issuing body's layout (server/documents/layouts.ts): the heading with
 * "Số:      /TB-MTTQ" and a blank day until it is issued (then its number and issue day), "DỰ THẢO" above a draft,
 * the kind of document and its abstract (or a công văn's "V/v …" under the number), "Kính gửi", the text, and the
 * recipients with the signature block — the signer's position and name once signed.
 */
export async function noticeDocument(d: NoticeData): Promise<Buffer> {
  const n = d.notice;
  const issued = d.status === 'issued';
  const children: (Paragraph | Table)[] = [
    ...(d.status === 'draft' ? [para('DỰ THẢO', { align: 'right', bold: true, size: 12, after: 60 })] : []),
    layoutHeading(d.issuer, {
      place: d.place,
      date: issued && d.issuedOn ? d.issuedOn : { draftYear: d.draftYear },
      number: issued ? d.number : null,
      about: n.about,
    }),
    ...(n.title ? titleBlock(n.title, n.abstract) : [para('', { after: 240 })]),
    ...n.to.map((to, i) =>
      para(i === 0 ? `Kính gửi: ${to}.` : `${to}.`, { align: 'center', after: i === n.to.length - 1 ? 240 : 0 }),
    ),
    ...n.paragraphs.map((p) => bodyText(p)),
  ];
  const authority = signingAuthority(d.issuer);
  if (n.citizenSigns) children.push(bothSignatures(authority, d.signer));
  else
    children.push(
      recipientsAndSignature(n.recipients, {
        authority: [authority, ...(d.signer.title ? [d.signer.title] : [])],
        signer: d.signer.name,
      }),
    );
  return packAdminDocument(children, { title: n.filename });
}
