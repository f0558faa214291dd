import type { Paragraph, Table } from 'docx';
import {
  bodyText,
  dataTable,
  ddmmyyyy,
  letterhead,
  packAdminDocument,
  para,
  percent,
  placeName,
  recipientsAndSignature,
  titleBlock,
  two,
} from '../../documents/admin-docx.ts';
import { symbolFor } from '../../documents/counters.ts';
import type { Database } from '../../db/database.ts';
import { countTasks, daysBetween, timelinessOf, type Counts } from '../work/index.ts';
import { STATUS_VI, type ExportTask, type ProgrammeExport } from './exports.presenter.ts';

/** The figures of the report, by the work module's counting rule (rollup.ts: top-level tasks, cancelled left out;
 * done = accepted; on time = accepted with the report dated on or before the due date; overdue = not accepted and
 * past due; progress weighted, accepted counting 100). */
export type ReportFigures = {
  all: Counts;
  byGroup: { name: string; counts: Counts }[];
  byBody: { name: string; counts: Counts }[];
  apart: { kind: string; name: string; counts: Counts; tasks: ExportTask[] }[];
  overdue: (ExportTask & { daysLate: number })[];
};

/** Counts a programme for its report: over its top-level tasks, per group and per lead body; the kinds shown apart
 * (key tasks, commissioned tasks) with their tasks; and every overdue task, subtasks included, most late first. */
export function reportFigures(data: ProgrammeExport, today: string): ReportFigures {
  const tops = data.tasks.filter((t) => !t.parentId);
  const facts = (list: ExportTask[]) =>
    countTasks(
      list.map((t) => ({
        status: t.status,
        due_date: t.dueDate,
        reported_done_on: t.reportedDoneOn,
        weight: t.weight,
        progress: t.progress,
      })),
      today,
    );
  const byGroup = [
    ...data.groups.map((g) => ({ name: g.name, counts: facts(tops.filter((t) => t.section === g.id)) })),
    ...(tops.some((t) => !t.section) ? [{ name: 'Nhiệm vụ khác', counts: facts(tops.filter((t) => !t.section)) }] : []),
  ];
  const bodies = [...new Map(tops.map((t) => [t.leadBodyId, t.leadBodyName])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1], 'vi'),
  );
  const byBody = bodies.map(([id, name]) => ({ name, counts: facts(tops.filter((t) => t.leadBodyId === id)) }));
  const apartKinds = [...new Map(tops.filter((t) => t.shownApart).map((t) => [t.kind, t.kindName])).entries()];
  const apart = apartKinds.map(([kind, name]) => {
    const tasks = tops.filter((t) => t.kind === kind && t.status !== 'cancelled');
    return { kind, name, counts: facts(tasks), tasks };
  });
  const overdue = data.tasks
    .filter(
      (t) =>
        timelinessOf({ status: t.status, due_date: t.dueDate, reported_done_on: t.reportedDoneOn }, today) ===
        'overdue',
    )
    .map((t) => ({ ...t, daysLate: daysBetween(t.dueDate!, today) }))
    .sort((a, b) => b.daysLate - a.daysLate);
  return { all: facts(tops), byGroup, byBody, apart, overdue };
}

const lower1 = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
const rate = (c: Counts) => (c.total ? percent((c.done / c.total) * 100) : '—');

function countsTable(title: string, rows: { name: string; counts: Counts }[], total: Counts): (Paragraph | Table)[] {
  return [
    para(title, { bold: true, italics: true, before: 120, after: 60, keepNext: true }),
    dataTable(
      [
        'STT',
        title.includes('nhóm') ? 'Nhóm nhiệm vụ' : 'Đơn vị chủ trì',
        'Tổng số',
        'Hoàn thành',
        'Đúng hạn',
        'Sau hạn',
        'Quá hạn',
        'Tỷ lệ hoàn thành',
        'Tiến độ',
      ],
      [
        ...rows.map((r, i) => [
          i + 1,
          r.name,
          r.counts.total,
          r.counts.done,
          r.counts.onTime,
          r.counts.late,
          r.counts.overdue,
          rate(r.counts),
          percent(r.counts.progress),
        ]),
        [
          '',
          'Tổng cộng',
          total.total,
          total.done,
          total.onTime,
          total.late,
          total.overdue,
          rate(total),
          percent(total.progress),
        ],
      ],
      [7, 29, 8, 10, 9, 8, 8, 11, 9],
      {
        align: ['center', 'left', 'center', 'center', 'center', 'center', 'center', 'center', 'center'],
        boldRows: [rows.length],
      },
    ),
  ];
}

/**
 * The status report of a programme ("BÁO CÁO / Kết quả thực hiện chương trình công tác năm …") as a Word document in
 * the Decree 30 layout: the overall figures in words, tables per task group and per lead body, the key tasks
 * registered with the Party committee and the commissioned tasks listed apart, and the overdue tasks. Dated today;
 * the number is left for the office to write in.
 */
export async function programmeReport(db: Database, data: ProgrammeExport, today: string): Promise<Buffer> {
  const f = reportFigures(data, today);
  const p = data.programme;
  const { symbol } = await symbolFor(db, p.bodyId, 'report');
  const children: (Paragraph | Table)[] = [
    letterhead({
      superiorName: p.superiorName,
      issuerName: p.bodyName,
      number: `      /${symbol}`,
      place: placeName(p.unitName),
      date: today,
    }),
    ...titleBlock('Báo cáo', [`Kết quả thực hiện chương trình công tác năm ${p.year}`]),
  ];
  const a = f.all;
  children.push(para('I. KẾT QUẢ CHUNG', { bold: true, before: 120, after: 60, keepNext: true }));
  children.push(
    bodyText(
      `Chương trình công tác năm ${p.year} của ${p.bodyName} gồm ${two(data.groups.length)} nhóm nhiệm vụ với ${two(a.total)} nhiệm vụ. Tính đến ngày ${ddmmyyyy(today)}, đã hoàn thành ${two(a.done)} nhiệm vụ (đạt ${rate(a)}), trong đó ${two(a.onTime)} nhiệm vụ hoàn thành đúng hạn, ${two(a.late)} nhiệm vụ hoàn thành sau hạn; ${two(a.overdue)} nhiệm vụ quá hạn chưa hoàn thành; ${two(a.open)} nhiệm vụ đang thực hiện. Tiến độ chung đạt ${percent(a.progress)}.`,
    ),
  );
  if (f.apart.length)
    children.push(
      bodyText(
        `Trong đó, hoàn thành ${f.apart.map((k) => `${two(k.counts.done)}/${two(k.counts.total)} ${lower1(k.name)}`).join(', ')}.`,
      ),
    );
  children.push(...countsTable('Bảng 1. Kết quả theo nhóm nhiệm vụ', f.byGroup, a));
  children.push(...countsTable('Bảng 2. Kết quả theo đơn vị chủ trì', f.byBody, a));

  if (f.apart.length) {
    children.push(
      para(`II. ${f.apart.map((k) => k.name.toLocaleUpperCase('vi')).join(' VÀ ')}`, {
        bold: true,
        before: 240,
        after: 60,
        keepNext: true,
      }),
    );
    for (const [i, k] of f.apart.entries()) {
      children.push(
        para(`${i + 1}. ${k.name}: hoàn thành ${two(k.counts.done)}/${two(k.counts.total)} nhiệm vụ`, {
          bold: true,
          italics: true,
          before: 120,
          after: 60,
          keepNext: true,
        }),
      );
      children.push(
        dataTable(
          ['STT', 'Nội dung nhiệm vụ', 'Chủ trì', 'Hạn', 'Trạng thái', 'Tiến độ'],
          k.tasks.map((t, j) => [
            j + 1,
            t.title,
            t.leadBodyName,
            ddmmyyyy(t.dueDate),
            STATUS_VI[t.status] ?? t.status,
            percent(t.progress),
          ]),
          [7, 36, 21, 15, 12, 9],
          { align: ['center', 'left', 'left', 'center', 'left', 'center'] },
        ),
      );
    }
  }
  const section = f.apart.length ? 'III' : 'II';
  children.push(para(`${section}. NHIỆM VỤ QUÁ HẠN`, { bold: true, before: 240, after: 60, keepNext: true }));
  if (!f.overdue.length) children.push(bodyText('Không có nhiệm vụ quá hạn.'));
  else {
    children.push(bodyText(`Có ${two(f.overdue.length)} nhiệm vụ đã quá hạn nhưng chưa hoàn thành:`));
    children.push(
      dataTable(
        ['STT', 'Nội dung nhiệm vụ', 'Chủ trì', 'Người phụ trách', 'Hạn', 'Quá hạn (ngày)', 'Tiến độ'],
        f.overdue.map((t, j) => [
          j + 1,
          t.title,
          t.leadBodyName,
          t.responsibleName ?? '',
          ddmmyyyy(t.dueDate),
          t.daysLate,
          percent(t.progress),
        ]),
        [7, 31, 19, 14, 15, 8, 8],
        { align: ['center', 'left', 'left', 'left', 'center', 'center', 'center'] },
      ),
    );
  }
  children.push(
    recipientsAndSignature(['Thường trực cấp ủy (b/c)', 'Các đơn vị chủ trì', 'Lưu: VT'], {
      authority: [`TM. ${p.bodyName}`],
      signer: null,
    }),
  );
  return packAdminDocument(children, { title: `Báo cáo kết quả thực hiện chương trình công tác năm ${p.year}` });
}
