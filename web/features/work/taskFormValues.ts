import dayjs, { type Dayjs } from 'dayjs';
import type { CooperatorInput, Group, Priority, Recurrence, TaskDetail } from './work.api.ts';

/** What the form adds to or edits. `parent` makes a subtask; `task` edits an existing task. */
export type TaskFormTarget = {
  /** bodyId: the owner body, whose scope the lead and cooperating bodies are chosen from. */
  programme: { id: string; year: number; bodyId: string };
  groups: Group[];
  /** The group chosen by default (adding from a group's header). */
  groupId?: string | null;
  parent?: { id: string; number: number; title: string; groupId: string | null } | null;
  task?: TaskDetail | null;
};

export type CooperatorRow = { bodyId?: string | null; part?: string; personId?: string | null };

export type TaskFormValues = {
  groupId?: string | null;
  kind: string;
  title: string;
  description?: string;
  leadBodyId?: string | null;
  cooperators: CooperatorRow[];
  responsiblePersonId?: string | null;
  assigneeAccountId?: string | null;
  startDate?: Dayjs | null;
  dueDate?: Dayjs | null;
  targetValue?: number | null;
  targetUnit?: string;
  targetIndicatorId?: string | null;
  targetIndicatorPeriod?: string;
  priority: Priority;
  weight: number;
  recurrence: Recurrence | 'none';
  assign: boolean;
};

export const TASK_FORM_FIELDS = [
  'groupId',
  'kind',
  'title',
  'description',
  'leadBodyId',
  'cooperators',
  'responsiblePersonId',
  'assigneeAccountId',
  'startDate',
  'dueDate',
  'targetValue',
  'targetUnit',
  'targetIndicatorId',
  'targetIndicatorPeriod',
  'priority',
  'weight',
  'recurrence',
  'assign',
] as const;

export const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
export const blank = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** The form's starting values: the task's own when editing, a blank task (in the chosen group) when adding. */
export function initialValuesOf(target: TaskFormTarget): TaskFormValues {
  const editing = target.task ?? null;
  const task = editing?.task ?? null;
  return task
    ? {
        groupId: task.groupId,
        kind: task.kind,
        title: task.title,
        description: task.description ?? '',
        leadBodyId: task.leadBodyId,
        cooperators: editing!.cooperators.map((c) => ({ bodyId: c.bodyId, part: c.part ?? '', personId: c.personId })),
        responsiblePersonId: task.responsiblePersonId,
        assigneeAccountId: task.assigneeAccountId,
        startDate: task.startDate ? dayjs(task.startDate) : null,
        dueDate: task.dueDate ? dayjs(task.dueDate) : null,
        // a target read from reporting is not the task's own: saving leaves it to reporting
        targetValue: task.reported?.targetFromReporting ? null : task.targetValue,
        targetUnit: task.targetUnit ?? '',
        targetIndicatorId: task.targetIndicatorId,
        targetIndicatorPeriod: task.targetIndicatorPeriod ?? '',
        priority: task.priority,
        weight: task.weight,
        recurrence: task.recurrence ?? 'none',
        assign: false,
      }
    : {
        groupId: target.parent?.groupId ?? target.groupId ?? null,
        kind: 'shared',
        title: '',
        description: '',
        leadBodyId: null,
        cooperators: [],
        responsiblePersonId: null,
        assigneeAccountId: null,
        startDate: null,
        dueDate: null,
        targetValue: null,
        targetUnit: '',
        targetIndicatorId: null,
        targetIndicatorPeriod: '',
        priority: 'normal',
        weight: 1,
        recurrence: 'none',
        assign: true,
      };
}

/** The filled cooperator rows as the API takes them (a row without a body is dropped). */
export const cooperatorsOf = (rows: CooperatorRow[]): CooperatorInput[] =>
  rows
    .filter((r) => r.bodyId)
    .map((r) => ({
      bodyId: r.bodyId!,
      ...(blank(r.part) ? { part: blank(r.part)! } : {}),
      personId: r.personId ?? null,
    }));
