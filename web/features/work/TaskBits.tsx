import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Progress, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { currentLocale } from '../../lib/i18n.ts';
import type { Task, TaskStatus, Timeliness } from './work.api.ts';

/** Tag colours of the statuses (antd presets), the same on every view. */
export const STATUS_COLOR: Record<TaskStatus, string> = {
  draft: 'default',
  assigned: 'blue',
  in_progress: 'geekblue',
  reported_done: 'purple',
  accepted: 'success',
  returned: 'magenta',
  suspended: 'warning',
  cancelled: 'default',
};

/** Bar and text colours of timeliness (timeline bars, board cards, due dates). */
export const TIMELINESS_COLOR: Record<Timeliness, string> = {
  on_time: '#389e0d',
  late: '#ad6800',
  overdue: '#cf1322',
  due_soon: '#d46b08',
  open: '#1677ff',
  no_due: '#8c8c8c',
  cancelled: '#bfbfbf',
};

const TIMELINESS_TAG: Record<Timeliness, string> = {
  on_time: 'green',
  late: 'gold',
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

export function TimelinessTag({ timeliness }: { timeliness: Timeliness }) {
  const { t } = useTranslation();
  if (timeliness === 'cancelled') return null;
  return <Tag color={TIMELINESS_TAG[timeliness]}>{t(`work.timeliness.${timeliness}`)}</Tag>;
}

/** The kind of a task; `compact` cuts a long name (shown whole on hover). */
export function KindTag({ task, compact }: { task: Pick<Task, 'kind' | 'kindName'>; compact?: boolean }) {
  const color =
    task.kind === 'key'
      ? 'red'
      : task.kind === 'commissioned'
        ? 'gold'
        : task.kind === 'specialised'
          ? 'cyan'
          : 'default';
  const tag = (
    <Tag color={color} className={compact ? 'work-kind-tag work-kind-compact' : 'work-kind-tag'}>
      {task.kindName}
    </Tag>
  );
  return compact ? <Tooltip title={task.kindName}>{tag}</Tooltip> : tag;
}

/** The due date in force, red when overdue and orange when due within 7 days; the original one when it was extended. */
export function DueDate({
  task,
  showOriginal = true,
}: {
  task: Pick<Task, 'dueDate' | 'originalDueDate' | 'timeliness' | 'daysLeft'>;
  showOriginal?: boolean;
}) {
  const { t } = useTranslation();
  if (!task.dueDate) return <span className="muted">{t('work.task.noDue')}</span>;
  const cls =
    task.timeliness === 'overdue' ? 'work-due-overdue' : task.timeliness === 'due_soon' ? 'work-due-soon' : '';
  const extended = task.originalDueDate && task.originalDueDate !== task.dueDate;
  const hint =
    task.timeliness === 'overdue' && task.daysLeft !== null
      ? t('work.task.overdueDays', { count: -task.daysLeft })
      : task.timeliness === 'due_soon' && task.daysLeft !== null
        ? t('work.task.daysLeft', { count: task.daysLeft })
        : null;
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

/** 12,5 % in Vietnamese, 12.5% in English. */
export function formatPercent(value: number, lang: string = currentLocale()): string {
  const n = Math.round(value * 10) / 10;
  return lang.startsWith('en') ? `${n}%` : `${n.toLocaleString('vi-VN')} %`;
}

/** 1.234,5 (vi) / 1,234.5 (en). */
export function formatNumber(value: number, lang: string = currentLocale()): string {
  return value.toLocaleString(lang.startsWith('en') ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 });
}
