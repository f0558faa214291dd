import type { Paragraph, Table } from 'docx';
import {
  bodyText,
  countOf,
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
import { planText, viNumber } from '../../i18n/figures.ts';
import { countTasks, daysOverdue, timelinessOf, type Counts } from '../work/index.ts';
import { STATUS_VI, type ExportTask, type ProgrammeExport } from './exports.presenter.ts';

/** The figures of the report, by the work module's counting rule (rollup.ts: top-level tasks, cancelled left out;
 * done = accepted; on time = accepted with the report dated on or before the due date; awaiting = reported done by
 * the due date, not yet accepted; overdue = not accepted and past due, reported done after it included; progress
 * weighted, accepted counting 100). */
export type ReportFigures = {
  all: Counts;
  byGroup: { name: string; counts: Counts }[];
  byBody: { name: string; counts: Counts }[];
  apart: { kind: string; name: string; counts: Counts; tasks: ExportTask[] }[];
  overdue: (ExportTask & { daysLate: number; waiting: boolean })[];
  /** Tasks with a target and a result (subtasks included, cancelled left out), in the programme's order. */
  targets: (ExportTask & { targetValue: number; resultValue: number })[];
};

/** Counts a programme for its report: over its top-level tasks, per group and per lead body; the kinds shown apart
 * (key tasks, commissioned tasks) with their tasks; every overdue task, subtasks included, most late first; and the
 * tasks with a target and a result. */
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
    .map((t) => ({
      ...t,
      daysLate: daysOverdue({ status: t.status, due_date: t.dueDate!, reported_done_on: t.reportedDoneOn }, today),
      waiting: t.status === 'reported_done',
    }))
    .sort((a, b) => b.daysLate - a.daysLate);
  const targets = data.tasks.flatMap((t) =>
    t.status !== 'cancelled' && t.targetValue !== null && t.resultValue !== null
      ? [{ ...t, targetValue: t.targetValue, resultValue: t.resultValue }]
      : [],
  );
  return { all: facts(tops), byGroup, byBody, apart, overdue, targets };
}

/** The overall results in words, zero counts written as an officer would ("không có nhiệm vụ quá hạn", a clause
 * with nothing to say left out). */
export function resultsText(a: Counts, today: string): string {
  const done = !a.done
    ? 'chưa có nhiệm vụ nào được nghiệm thu hoàn thành'
    : `đã hoàn thành ${two(a.done)} nhiệm vụ (đạt ${rate(a)}), ${
        !a.late
          ? 'đều đúng hạn'
          : !a.onTime
            ? 'đều sau hạn'
            : `trong đó ${two(a.onTime)} nhiệm vụ hoàn thành đúng hạn, ${two(a.late)} nhiệm vụ hoàn thành sau hạn`
      }`;
  const rest = [
    countOf(a.overdue, 'nhiệm vụ quá hạn chưa hoàn thành'),
    ...(a.awaiting ? [`${two(a.awaiting)} nhiệm vụ đã báo cáo hoàn thành, đang chờ nghiệm thu`] : []),
    ...(a.open ? [`${two(a.open)} nhiệm vụ đang thực hiện`] : []),
  ];
  return `Tính đến ngày ${ddmmyyyy(today)}, ${done}; ${rest.join('; ')}. Tiến độ chung đạt ${percent(a.progress)}.`;
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
        'Chờ nghiệm thu',
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
          r.counts.awaiting,
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
          total.awaiting,
          total.overdue,
          rate(total),
          percent(total.progress),
        ],
      ],
      [6, 25, 8, 10, 9, 8, 10, 8, 8, 8],
      {
        align: ['center', 'left', 'center', 'center', 'center', 'center', 'center', 'center', 'center', 'center'],
        boldRows: [rows.length],
      },
    ),
  ];
}

/** The tasks with a target and a result: the plan, the result and how it stands against the plan, as the office
 * writes it ("đạt 167,2%, vượt 14.793 hồ sơ so với KH"). */
function targetsTable(tasks: ReportFigures['targets']): Table {
  const amount = (v: number, unit: string | null) => `${viNumber(v)}${unit ? ` ${unit}` : ''}`;
  return dataTable(
    ['STT', 'Nội dung nhiệm vụ', 'Chỉ tiêu (KH)', 'Kết quả', 'So với kế hoạch'],
    tasks.map((t, j) => [
      j + 1,
      t.title,
      amount(t.targetValue, t.targetUnit),
      amount(t.resultValue, t.targetUnit),
      planText(t.resultValue, t.targetValue, t.targetUnit),
    ]),
    [7, 37, 16, 16, 24],
    { align: ['center', 'left', 'center', 'center', 'left'] },
  );
}

/**
 * The status report of a programme ("BÁO CÁO / Kết quả thực hiện chương trình công tác năm …") as a Word document in
 * the Decree 30 layout: the overall figures in words, tables per task group and per lead body, the targets against
 * the plan, the key tasks
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
      `Chương trình công tác năm ${p.year} của ${p.bodyName} gồm ${data.groups.length ? `${two(data.groups.length)} nhóm nhiệm vụ với ` : ''}${a.total ? `${two(a.total)} nhiệm vụ` : 'chưa có nhiệm vụ nào'}. ${resultsText(a, today)}`,
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

  const numerals = ['II', 'III', 'IV'];
  const heading = (title: string) =>
    para(`${numerals.shift()}. ${title}`, { bold: true, before: 240, after: 60, keepNext: true });
  if (f.targets.length) children.push(heading('KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'), targetsTable(f.targets));
  if (f.apart.length) {
    children.push(
      para(`${numerals.shift()}. ${f.apart.map((k) => k.name.toLocaleUpperCase('vi')).join(' VÀ ')}`, {
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
  children.push(heading('NHIỆM VỤ QUÁ HẠN'));
  if (!f.overdue.length) children.push(bodyText('Không có nhiệm vụ quá hạn.'));
  else {
    const waiting = f.overdue.filter((t) => t.waiting).length;
    children.push(
      bodyText(
        `Có ${two(f.overdue.length)} nhiệm vụ đã quá hạn nhưng chưa hoàn thành${waiting ? ` (trong đó ${two(waiting)} nhiệm vụ đã báo cáo hoàn thành sau hạn, đang chờ nghiệm thu)` : ''}:`,
      ),
    );
    children.push(
      dataTable(
        ['STT', 'Nội dung nhiệm vụ', 'Chủ trì', 'Người phụ trách', 'Hạn', 'Quá hạn (ngày)', 'Tiến độ'],
        f.overdue.map((t, j) => [
          j + 1,
          t.waiting ? `${t.title} (báo cáo hoàn thành ngày ${ddmmyyyy(t.reportedDoneOn)}, chờ nghiệm thu)` : t.title,
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
