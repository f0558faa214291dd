import { CalendarOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatDate } from '../../lib/format.ts';
import { formatPercent, StatusTag } from '../work/TaskBits.tsx';
import { taskPath } from '../work/work.paths.ts';
import type { Task } from '../work/work.api.ts';
import { RoleTags, useDaysText } from './TaskBadges.tsx';

/** Statuses a progress report still makes sense for. */
const REPORTABLE = new Set<Task['status']>(['assigned', 'in_progress', 'returned']);

/** Whether "Báo cáo tiến độ" is offered on the card, as the progress form decides (canReport) from what the list
 * says: a task with subtasks takes reports only on a cooperating body's part (its own progress rolls up). The
 * server decides in the end, and the sheet reads the task's permissions. */
export function mayReport(task: Task): boolean {
  if (!REPORTABLE.has(task.status)) return false;
  if (task.myRoles.includes('cooperate')) return true;
  return task.subtaskCount === 0 && task.myRoles.some((r) => r !== 'accept');
}

type Props = { task: Task; onReport: (task: Task) => void };

/** One task of "Việc của tôi": red when overdue, orange when due soon; tap opens the task, the button reports progress. */
export function TaskCard({ task, onReport }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const daysText = useDaysText();
  const tone =
    task.timeliness === 'overdue'
      ? 'overdue'
      : task.timeliness === 'due_soon'
        ? 'soon'
        : task.timeliness === 'awaiting_acceptance'
          ? 'waiting'
          : task.status === 'accepted'
            ? 'done'
            : 'normal';
  const days = daysText(task);

  return (
    <article
      className={`mywork-card mywork-card-${tone}`}
      onClick={(e) => {
        // The whole card opens the task, except its own links and buttons.
        if ((e.target as HTMLElement).closest('a,button')) return;
        void navigate(taskPath(task.id));
      }}
      aria-label={task.title}
    >
      <Link to={taskPath(task.id)} className="mywork-card-title">
        {task.title}
      </Link>
      <div className="mywork-card-meta">
        <span>{task.programmeTitle}</span>
        <span aria-hidden> · </span>
        <span>
          {t('myWork.leadBody')}: {task.leadBodyName}
        </span>
      </div>
      <div className="mywork-card-tags">
        <RoleTags roles={task.myRoles} />
        <StatusTag status={task.status} />
      </div>
      <div className={`mywork-card-due mywork-due-${tone}`}>
        <CalendarOutlined aria-hidden />{' '}
        {task.dueDate ? (
          <>
            {t('myWork.due')} <strong>{formatDate(task.dueDate)}</strong>
            {days ? <span className="mywork-days"> · {days}</span> : null}
          </>
        ) : (
          <Typography.Text type="secondary">{t('myWork.noDue')}</Typography.Text>
        )}
      </div>
      <div className="mywork-card-foot">
        <Progress
          className="mywork-progress"
          percent={Math.round(task.progress * 10) / 10}
          size="small"
          status={task.status === 'accepted' ? 'success' : task.timeliness === 'overdue' ? 'exception' : 'normal'}
          format={(p) => formatPercent(p ?? 0)}
          aria-label={t('myWork.progress')}
        />
        {mayReport(task) ? (
          <Button
            size="middle"
            icon={<EditOutlined aria-hidden />}
            onClick={() => onReport(task)}
            className="mywork-report-button"
          >
            {t('myWork.report.button')}
          </Button>
        ) : null}
      </div>
    </article>
  );
}
