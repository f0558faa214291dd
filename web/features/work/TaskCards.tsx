import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DueDate, KindTag, StatusTag, TaskProgress, TIMELINESS_COLOR } from './TaskBits.tsx';
import type { TaskNode } from './taskTree.ts';
import type { Task } from './work.api.ts';
import { taskPath } from './work.paths.ts';

/**
 * Tasks as compact cards (phones, and subtasks on a task's page): place number and title, lead body and person,
 * status, due date and progress; a task's subtasks open under it.
 */
export function TaskCards({ tasks, label }: { tasks: readonly (TaskNode | Task)[]; label?: (task: Task) => string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <ul className="work-cards">
      {tasks.map((task) => {
        const children = 'children' in task ? task.children : undefined;
        const stt = label ? label(task) : 'stt' in task ? task.stt : String(task.number);
        return (
          <li key={task.id} className={`work-card-item work-row-${task.status}`}>
            <div className="work-card-row" style={{ borderLeftColor: TIMELINESS_COLOR[task.timeliness] }}>
              <div className="work-card-main">
                <div className="work-card-title">
                  <span className="work-board-stt">{stt}</span>{' '}
                  <Link to={taskPath(task.id)} className="work-task-link">
                    {task.title}
                  </Link>
                </div>
                <div className="work-card-meta">
                  {task.leadBodyName}
                  {task.responsiblePersonName ? <span className="muted"> · {task.responsiblePersonName}</span> : null}
                </div>
                <Space size={[6, 4]} wrap className="work-card-tags">
                  <StatusTag status={task.status} />
                  <DueDate task={task} showOriginal={false} />
                  {task.kind !== 'shared' ? <KindTag task={task} compact /> : null}
                </Space>
              </div>
              <div className="work-card-progress">
                <TaskProgress task={task} />
              </div>
            </div>
            {children?.length ? (
              <>
                <Button
                  type="link"
                  size="small"
                  className="work-card-toggle"
                  aria-expanded={open.has(task.id)}
                  onClick={() => toggle(task.id)}
                >
                  {open.has(task.id)
                    ? t('work.task.hideSubtasks')
                    : t('work.task.subtasks', { count: children.length })}
                </Button>
                {open.has(task.id) ? (
                  <div className="work-card-children">
                    <TaskCards tasks={children} />
                  </div>
                ) : null}
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
