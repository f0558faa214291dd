import type { Paragraph, Table } from 'docx';
import {
  bodyText,
  ddmmyyyy,
  letterhead,
  packAdminDocument,
  para,
  placeName,
  recipientsAndSignature,
  run,
  titleBlock,
} from '../../documents/admin-docx.ts';
import { formatNumber, symbolFor } from '../../documents/counters.ts';
import { fold } from '../../i18n/names.ts';
import type { WorkReading } from '../work/index.ts';
import * as repo from './briefings.repository.ts';
import { briefingDetail, NOTICE_SERIES, readableBriefing } from './briefings.service.ts';

/** "Chủ tịch Ủy ban MTTQ Phường Móng Cái 1": the chair's position, naming the body unless the title already does. */
function chairTitle(position: string | null, bodyName: string, kindShort: string | null): string | null {
  if (!position) return null;
  const p = fold(position);
  if ((kindShort && p.includes(fold(kindShort))) || p.includes(fold(bodyName))) return position;
  return `${position} ${bodyName}`;
}

/**
 * The conclusions notice (Thông báo kết luận) of a briefing as a Word document in the Decree 30 layout: the issuing
 * body (with the body directly above it on the same unit, when there is one, as its superior), the number once
 * issued ("Số: 05/TB-MTTQ"; blank before), place and date, "THÔNG BÁO / Kết luận của đồng chí … tại cuộc họp giao
 * ban ngày …", the text with the numbered conclusions (lead body and due date of the task each became), the
 * recipients and the signature block. NOT_FOUND when the caller cannot read the briefing.
 */
export async function noticeDocx(r: WorkReading, id: string): Promise<{ data: Buffer; filename: string }> {
  const { app, caller: c } = r;
  const row = await readableBriefing(app.db, c, id);
  const detail = await briefingDetail(r, id);
  const b = detail.briefing;
  const body = await repo.noticeIssuer(app.db, row.body_id);
  const number = b.notice
    ? formatNumber(b.notice.number, b.notice.symbol)
    : `      /${(await symbolFor(app.db, row.body_id, NOTICE_SERIES)).symbol}`;
  const position = row.chair_person_id
    ? await repo.positionIn(app.db, row.chair_person_id, row.body_id, row.held_on)
    : null;
  const chair = row.chair_name ? { name: row.chair_name, title: chairTitle(position, body.name, body.short_vi) } : null;
  const chairWords = chair ? `đồng chí ${chair.name}${chair.title ? `, ${chair.title}` : ''}` : null;

  const children: (Paragraph | Table)[] = [
    letterhead({
      superiorName: body.superior,
      issuerName: body.name,
      number,
      place: placeName(row.unit_name),
      date: b.notice?.issuedOn ?? { draftYear: Number(c.today.slice(0, 4)) },
    }),
    ...titleBlock('Thông báo', [
      chairWords ? `Kết luận của ${chairWords}` : `Kết luận của ${body.name}`,
      `tại cuộc họp giao ban ngày ${ddmmyyyy(row.held_on)}`,
    ]),
  ];
  const present = detail.attendees.map((a) => (a.bodyName ? `${a.name} (${a.bodyName})` : a.name));
  children.push(
    bodyText(
      `Ngày ${ddmmyyyy(row.held_on)}, ${body.name} tổ chức cuộc họp giao ban: ${row.title}${chairWords ? `, do ${chairWords} chủ trì` : ''}.${present.length ? ` Tham dự cuộc họp có: ${present.join('; ')}.` : ''}`,
    ),
  );
  if (row.agenda) children.push(bodyText(`Nội dung cuộc họp: ${row.agenda}`));
  children.push(
    bodyText(
      `Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, ${chair ? 'đồng chí chủ trì' : 'cuộc họp'} kết luận như sau:`,
    ),
  );
  for (const [i, k] of detail.conclusions.entries()) {
    // One stop, after the bracket: "… (Chủ trì: …; thời hạn: 12/12/2026)."
    const runs = [run(`${i + 1}. ${k.task ? k.text.replace(/[.;,\s]+$/u, '') : k.text}`)];
    if (k.task)
      runs.push(
        run(` (Chủ trì: ${k.task.leadBodyName}${k.task.dueDate ? `; thời hạn: ${ddmmyyyy(k.task.dueDate)}` : ''})`, {
          italics: true,
        }),
        run('.'),
      );
    children.push(bodyText(runs));
  }
  children.push(bodyText(`${body.name} thông báo để các cơ quan, đơn vị và cá nhân liên quan biết, thực hiện./.`));

  const leads = [...new Set(detail.conclusions.flatMap((k) => (k.task ? [k.task.leadBodyName] : [])))].filter(
    (n) => n !== body.name,
  );
  const recipients = [...(detail.attendees.length ? ['Như thành phần dự họp'] : []), ...leads, 'Lưu: VT'];
  children.push(
    recipientsAndSignature(recipients, {
      authority: [`TM. ${body.name}`, ...(position ? [position] : [])],
      signer: chair?.name ?? null,
    }),
  );
  children.push(para(''));

  const data = await packAdminDocument(children, { title: `Thông báo kết luận ${ddmmyyyy(row.held_on)}` });
  return { data, filename: `Thông báo kết luận ${row.held_on}.docx` };
}
