import { UnorderedListOutlined } from '@ant-design/icons';
import { Empty, Flex, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DueDate, formatPercent, StatusTag, TIMELINESS_COLOR } from './TaskBits.tsx';
import type { TaskNode, TaskViewProps } from './taskTree.ts';
import { TASK_STATUSES } from './work.api.ts';
import { taskPath } from './work.paths.ts';

/** BOARD: one column per status with tasks, a card per task (top-level tasks of the list); a card opens the task. The
 * columns wrap onto as many rows as the screen needs (one under the other on a phone), never hidden off to the side;
 * the statuses without a task are named on one line above them. */
export function TaskBoardView({ sections, emptyText, loading }: TaskViewProps) {
  const { t } = useTranslation();
  const tasks = sections.flatMap((s) => s.roots);
  if (!loading && tasks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  const columns = TASK_STATUSES.map((status) => ({ status, items: tasks.filter((task) => task.status === status) }));
  const empty = columns.filter((c) => c.items.length === 0);
  return (
    <>
      {!loading && empty.length ? (
        <p className="work-board-none">
          <span className="muted">{t('work.board.empty')}:</span>{' '}
          {empty.map((c) => (
            <StatusTag key={c.status} status={c.status} />
          ))}
        </p>
      ) : null}
      <div className="work-board" role="list" aria-label={t('work.views.board')}>
        {columns
          .filter((c) => c.items.length > 0)
          .map(({ status, items }) => (
            <section
              key={status}
              className="work-board-col"
              role="listitem"
              aria-label={`${t(`work.status.${status}`)} (${items.length})`}
            >
              <header className="work-board-head">
                <StatusTag status={status} />
                <span className="work-board-count">{items.length}</span>
              </header>
              <ul className="work-board-cards">
                {items.map((task) => (
                  <li key={task.id}>
                    <BoardCard task={task} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
      </div>
    </>
  );
}

function BoardCard({ task }: { task: TaskNode }) {
  const { t } = useTranslation();
  return (
    <Link
      to={taskPath(task.id)}
      className="work-board-card"
      style={{ borderLeftColor: TIMELINESS_COLOR[task.timeliness] }}
    >
      <div className="work-board-card-title">
        <span className="work-board-stt">{task.stt}</span> {task.title}
      </div>
      <div className="work-board-card-line">{task.leadBodyName}</div>
      {task.responsiblePersonName ? (
        <div className="work-board-card-line muted">{task.responsiblePersonName}</div>
      ) : null}
      <Flex justify="space-between" align="center" gap={6} wrap className="work-board-card-foot">
        <DueDate task={task} showOriginal={false} />
        {task.subtaskCount > 0 ? (
          <span className="muted">
            <UnorderedListOutlined aria-hidden /> {task.subtaskCount}
          </span>
        ) : null}
      </Flex>
      <Progress
        percent={task.progress}
        size="small"
        showInfo
        format={(p) => formatPercent(p ?? 0)}
        strokeColor={TIMELINESS_COLOR[task.timeliness]}
        aria-label={t('work.task.progress')}
      />
    </Link>
  );
}
