import type { Lang } from '../../i18n/messages.ts';
import { daysBetween, timelinessOf, waitingDays } from './rollup.ts';
import type { TaskReported } from './task.reported.ts';
import type { TaskListRow } from './tasks.repository.ts';
import type { TaskItem } from './task.schemas.ts';

const NONE: ReadonlyMap<string, TaskReported> = new Map();

/** What the caller is to a task in "my work": lead, assignee, responsible, cooperating, accepting. */
export type Involvement = TaskItem['myRoles'][number];

/** A task as the API gives it: a list row, its progress by the rollup rule, the caller's roles on it, and its
 * figures from reporting when it names an indicator (reportedOf): they are then its result, and its target when it
 * has none of its own. */
export function presentTask(
  r: TaskListRow,
  lang: Lang,
  today: string,
  progress: Map<string, number>,
  roles: Involvement[] = [],
  reported: ReadonlyMap<string, TaskReported> = NONE,
): TaskItem {
  const fromReports = reported.get(r.id) ?? null;
  return {
    id: r.id,
    programmeId: r.programme_id,
    programmeTitle: r.programme_title,
    number: r.number,
    groupId: r.group_id,
    groupName: r.group_name,
    groupPosition: r.group_position,
    parentId: r.parent_id,
    kind: r.kind,
    kindName: lang === 'en' ? r.kind_en : r.kind_vi,
    title: r.title,
    leadBodyId: r.lead_body_id,
    leadBodyName: r.lead_body_name,
    unitName: r.unit_name,
    responsiblePersonId: r.responsible_person_id,
    responsiblePersonName: r.responsible_name,
    assigneeAccountId: r.assignee_account_id,
    assigneeName: r.assignee_name,
    cooperators: r.cooperators,
    startDate: r.start_date,
    dueDate: r.due_date,
    originalDueDate: r.original_due_date,
    targetValue: fromReports ? fromReports.target : r.target_value === null ? null : Number(r.target_value),
    targetUnit: r.target_unit ?? fromReports?.measure ?? null,
    resultValue: fromReports ? fromReports.value : r.result_value === null ? null : Number(r.result_value),
    targetIndicatorId: r.target_indicator_id,
    targetIndicatorUnitId: r.target_indicator_unit_id,
    targetIndicatorPeriod: r.target_indicator_period,
    reported: fromReports,
    priority: r.priority,
    weight: Number(r.weight),
    status: r.status,
    statusReason: r.status_reason,
    progress: progress.get(r.id) ?? r.reported_progress,
    subtaskCount: r.subtask_count,
    reportedDoneOn: r.reported_done_on,
    acceptedOn: r.accepted_on,
    timeliness: timelinessOf(r, today),
    daysLeft: r.due_date ? daysBetween(today, r.due_date) : null,
    waitingDays: waitingDays(r, today),
    recurrence: r.recurrence,
    occurrence: r.occurrence,
    cascaded: r.cascaded,
    myRoles: roles,
    version: r.version,
  };
}
