import type { TaskReported, TaskRow } from '../work/index.ts';

/** A task as the exports show it, with its progress by the rollup rule and its place in the tree. */
export type ExportTask = {
  id: string;
  parentId: string | null;
  groupId: string | null;
  number: number;
  kind: string;
  kindName: string;
  shownApart: boolean;
  title: string;
  description: string | null;
  leadBodyId: string;
  leadBodyName: string;
  cooperators: string[];
  responsibleName: string | null;
  startDate: string | null;
  dueDate: string | null;
  targetValue: number | null;
  targetUnit: string | null;
  resultValue: number | null;
  weight: number;
  status: string;
  statusReason: string | null;
  reportedDoneOn: string | null;
  progress: number;
  /** "1", "1.2", "1.2.1": the numbering within its group (top-level tasks from 1 in each group) */
  stt: string;
  depth: number;
  /** the group of the section the task is listed in: its top-level ancestor's group (null: no group) */
  section: string | null;
};

export type ExportGroup = { id: string; position: number; name: string; roman: string };

export type ProgrammeExport = {
  programme: {
    id: string;
    year: number;
    title: string;
    bodyId: string;
    bodyName: string;
    unitName: string | null;
    superiorName: string | null;
  };
  groups: ExportGroup[];
  /** in the order of the table: tasks without a group first, then group by group, each parent before its subtasks */
  tasks: ExportTask[];
};

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
export function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

export const STATUS_VI: Record<string, string> = {
  draft: 'Dự thảo',
  assigned: 'Đã giao',
  in_progress: 'Đang thực hiện',
  reported_done: 'Báo cáo hoàn thành',
  accepted: 'Hoàn thành',
  returned: 'Trả lại',
  suspended: 'Tạm dừng',
  cancelled: 'Đã hủy',
};

type ExportRow = TaskRow & { shown_apart: boolean };
type Header = {
  id: string;
  year: number;
  title: string;
  body_id: string;
  body_name: string;
  unit_name: string | null;
  superior_name: string | null;
};

/** A programme for an export or a report, in the order of the table: tasks without a group first, then group by
 * group, each parent before its subtasks (numbered within its group); a task whose parent is not shown is listed as
 * a top-level one. `progress`: by the rollup rule over every task. */
export function presentExport(
  p: Header,
  groups: readonly { id: string; position: number; name: string }[],
  rows: readonly ExportRow[],
  progress: Map<string, number>,
  reported: ReadonlyMap<string, TaskReported> = new Map(),
): ProgrammeExport {
  const present = new Set(rows.map((r) => r.id));
  const children = new Map<string, ExportRow[]>();
  for (const r of rows) {
    if (!r.parent_id || !present.has(r.parent_id)) continue;
    const list = children.get(r.parent_id) ?? [];
    list.push(r);
    children.set(r.parent_id, list);
  }
  const tasks: ExportTask[] = [];
  const visit = (r: ExportRow, stt: string, depth: number, section: string | null) => {
    const fromReports = reported.get(r.id);
    tasks.push({
      id: r.id,
      parentId: r.parent_id && present.has(r.parent_id) ? r.parent_id : null,
      groupId: r.group_id,
      number: r.number,
      kind: r.kind,
      kindName: r.kind_vi,
      shownApart: r.shown_apart,
      title: r.title,
      description: r.description,
      leadBodyId: r.lead_body_id,
      leadBodyName: r.lead_body_name,
      cooperators: r.cooperators.map((co) => co.bodyName),
      responsibleName: r.responsible_name,
      startDate: r.start_date,
      dueDate: r.due_date,
      targetValue: fromReports ? fromReports.target : r.target_value === null ? null : Number(r.target_value),
      targetUnit: r.target_unit ?? fromReports?.measure ?? null,
      resultValue: fromReports ? fromReports.value : r.result_value === null ? null : Number(r.result_value),
      weight: Number(r.weight),
      status: r.status,
      statusReason: r.status_reason,
      reportedDoneOn: r.reported_done_on,
      progress: progress.get(r.id) ?? r.reported_progress,
      stt,
      depth,
      section,
    });
    for (const [i, k] of (children.get(r.id) ?? []).entries()) visit(k, `${stt}.${i + 1}`, depth + 1, section);
  };
  const groupIds = new Set(groups.map((g) => g.id));
  const tops = rows.filter((r) => !r.parent_id || !present.has(r.parent_id));
  const sections: (string | null)[] = [null, ...groups.map((g) => g.id)];
  for (const gid of sections) {
    const mine = tops.filter((r) => (gid === null ? !r.group_id || !groupIds.has(r.group_id) : r.group_id === gid));
    for (const [i, r] of mine.entries()) visit(r, String(i + 1), 0, gid);
  }
  return {
    programme: {
      id: p.id,
      year: p.year,
      title: p.title,
      bodyId: p.body_id,
      bodyName: p.body_name,
      unitName: p.unit_name,
      superiorName: p.superior_name,
    },
    groups: groups.map((g, i) => ({ id: g.id, position: g.position, name: g.name, roman: roman(i + 1) })),
    tasks,
  };
}
