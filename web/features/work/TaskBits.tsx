import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Progress, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatPercent, formatPlanPercent, planFigures } from '../../lib/format.ts';
import type { Task, TaskStatus, Timeliness } from './work.api.ts';

/** Tag colours of the statuses (antd presets), the same on every view; colour names, not the status presets
 * (success, warning), whose text is too pale on their background (web/ui/global.css darkens the named ones). */
export const STATUS_COLOR: Record<TaskStatus, string> = {
  draft: 'default',
  assigned: 'blue',
  in_progress: 'geekblue',
  reported_done: 'purple',
  accepted: 'green',
  returned: 'magenta',
  suspended: 'gold',
  cancelled: 'default',
};

/** Bar and text colours of timeliness (timeline bars, board cards, due dates); as text at least 4.5:1 on white. */
export const TIMELINESS_COLOR: Record<Timeliness, string> = {
  on_time: '#237804',
  late: '#874d00',
  awaiting_acceptance: '#722ed1',
  overdue: '#cf1322',
  due_soon: '#ad4e00',
  open: '#0958d9',
  no_due: '#707070',
  cancelled: '#757575',
};

const TIMELINESS_TAG: Record<Timeliness, string> = {
  on_time: 'green',
  late: 'gold',
  awaiting_acceptance: 'purple',
  overdue: 'red',
  due_soon: 'orange',
  open: 'blue',
  no_due: 'default',
  cancelled: 'default',
};

export function StatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} className={`work-status work-status-${status}`}>
      {t(`work.status.${status}`)}
    </Tag>
  );
}

/** How the task stands against its deadline; with how long it has waited for acceptance when it does. */
export function TimelinessTag({
  timeliness,
  waitingDays = null,
}: {
  timeliness: Timeliness;
  waitingDays?: number | null;
}) {
  const { t } = useTranslation();
  const waiting = useWaitingText()({ timeliness, waitingDays });
  if (timeliness === 'cancelled') return null;
  return <Tag color={TIMELINESS_TAG[timeliness]}>{waiting ?? t(`work.timeliness.${timeliness}`)}</Tag>;
}

/** Kinds with a short name for tables and cards ("Trọng tâm" for "Nhiệm vụ trọng tâm đăng ký với cấp ủy"). */
const SHORT_KINDS = new Set(['shared', 'specialised', 'key', 'commissioned']);

/** The kind of a task; `compact`: on one line, by its short name (or the name cut), the whole name on hover and
 * for screen readers. */
export function KindTag({ task, compact }: { task: Pick<Task, 'kind' | 'kindName'>; compact?: boolean }) {
  const { t } = useTranslation();
  const color =
    task.kind === 'key'
      ? 'red'
      : task.kind === 'commissioned'
        ? 'gold'
        : task.kind === 'specialised'
          ? 'cyan'
          : 'default';
  if (!compact) {
    return (
      <Tag color={color} className="work-kind-tag">
        {task.kindName}
      </Tag>
    );
  }
  const short = SHORT_KINDS.has(task.kind) ? t(`work.kindShort.${task.kind}`) : task.kindName;
  return (
    <Tooltip title={task.kindName}>
      <Tag color={color} className="work-kind-tag work-kind-compact">
        <span aria-hidden>{short}</span>
        <span className="work-sr-only">{task.kindName}</span>
      </Tag>
    </Tooltip>
  );
}

/** "Chờ nghiệm thu 3 ngày", or "Quá hạn, chờ nghiệm thu 3 ngày" when it was reported done after its due date; null
 * when the task does not wait for acceptance (the server's rule: timeliness and waitingDays). */
export function useWaitingText() {
  const { t } = useTranslation();
  return (task: Pick<Task, 'timeliness' | 'waitingDays'>): string | null =>
    task.waitingDays === null
      ? null
      : t(task.timeliness === 'overdue' ? 'work.task.overdueWaiting' : 'work.task.waiting', {
          count: task.waitingDays,
        });
}

/** The due date in force, red when overdue and orange when due within 7 days, with how long it has waited for
 * acceptance when it does; the original one when it was extended. */
export function DueDate({
  task,
  showOriginal = true,
}: {
  task: Pick<Task, 'dueDate' | 'originalDueDate' | 'timeliness' | 'daysLeft' | 'waitingDays'>;
  showOriginal?: boolean;
}) {
  const { t } = useTranslation();
  const waiting = useWaitingText()(task);
  if (!task.dueDate) return <span className="muted">{waiting ?? t('work.task.noDue')}</span>;
  const cls =
    task.timeliness === 'overdue'
      ? 'work-due-overdue'
      : task.timeliness === 'due_soon'
        ? 'work-due-soon'
        : task.timeliness === 'awaiting_acceptance'
          ? 'work-due-waiting'
          : '';
  const extended = task.originalDueDate && task.originalDueDate !== task.dueDate;
  const hint =
    waiting ??
    (task.timeliness === 'overdue' && task.daysLeft !== null
      ? t('work.task.overdueDays', { count: -task.daysLeft })
      : task.timeliness === 'due_soon' && task.daysLeft !== null
        ? t('work.task.daysLeft', { count: task.daysLeft })
        : null);
  return (
    <span className={`work-due ${cls}`}>
      {task.timeliness === 'overdue' ? (
        <ExclamationCircleOutlined aria-hidden />
      ) : task.timeliness === 'due_soon' ? (
        <ClockCircleOutlined aria-hidden />
      ) : null}{' '}
      <Tooltip title={hint}>
        <span>{formatDate(task.dueDate)}</span>
      </Tooltip>
      {hint ? <span className="work-sr-only"> ({hint})</span> : null}
      {extended && showOriginal ? (
        <span className="work-due-original">
          {t('work.task.originalDue', { date: formatDate(task.originalDueDate) })}
        </span>
      ) : null}
    </span>
  );
}

/** The progress bar, coloured by timeliness; the number is the server's rollup. */
export function TaskProgress({
  task,
  size = 'small',
}: {
  task: Pick<Task, 'progress' | 'timeliness' | 'status'>;
  size?: 'small' | 'default';
}) {
  const { t } = useTranslation();
  const status = task.status === 'accepted' ? 'success' : task.timeliness === 'overdue' ? 'exception' : 'normal';
  return (
    <Progress
      percent={Math.round(task.progress * 10) / 10}
      size={size === 'small' ? 'small' : undefined}
      status={status}
      format={(p) => `${formatPercent(p ?? 0)}`}
      aria-label={t('work.task.progress')}
    />
  );
}

// The figures' formats live in web/lib/format.ts; re-exported for the views that take them from here.
export { formatNumber, formatPercent } from '../../lib/format.ts';

/** A result against its plan as the office writes it: "đạt 167,2%, vượt 14.793 hồ sơ so với KH", "đạt 80,0%, còn
 * thiếu 4.400 hồ sơ so với KH"; null when there is nothing to compare (web/lib/format.ts planFigures). */
export function usePlanText() {
  const { t } = useTranslation();
  return (task: Pick<Task, 'resultValue' | 'targetValue' | 'targetUnit'>): string | null => {
    const f = planFigures(task.resultValue, task.targetValue);
    if (!f) return null;
    const amount = `${formatNumber(Math.abs(f.difference))}${task.targetUnit ? ` ${task.targetUnit}` : ''}`;
    const percent = formatPlanPercent(f.percent);
    const key = f.difference > 0 ? 'above' : f.difference < 0 ? 'below' : 'met';
    return t(`work.task.plan.${key}`, { percent, amount });
  };
}
