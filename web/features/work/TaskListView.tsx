import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Grid, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TaskCards } from './TaskCards.tsx';
import { DueDate, formatPercent, KindTag, StatusTag, TaskProgress } from './TaskBits.tsx';
import type { Section, TaskNode, TaskViewProps } from './taskTree.ts';
import { taskPath } from './work.paths.ts';

/** A group's heading: "2. Tên nhóm", its lead body and counts. */
function SectionHeading({ section, onAdd }: { section: Section; onAdd?: TaskViewProps['onAdd'] }) {
  const { t } = useTranslation();
  const g = section.group;
  return (
    <Flex className="work-section-head" justify="space-between" align="center" gap={8} wrap>
      <div className="work-section-title-wrap">
        <Typography.Title level={4} className="work-section-title">
          {g ? `${g.position}. ${g.name}` : t('work.groups.ungrouped')}
        </Typography.Title>
        {g ? (
          <span className="muted work-section-meta">
            {g.leadBodyName ? `${t('work.groups.leadBody')}: ${g.leadBodyName} · ` : ''}
            {t('work.counts.summary', { total: g.counts.total, done: g.counts.done, overdue: g.counts.overdue })} ·{' '}
            {formatPercent(g.counts.progress)}
          </span>
        ) : null}
      </div>
      {onAdd ? (
        <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onAdd(g)}>
          {t('work.programme.addTask')}
        </Button>
      ) : null}
    </Flex>
  );
}

/** The task column's least width; below the columns' sum the table scrolls inside its box (never on a phone, where
 * the tasks are cards). */
const TITLE_MIN = 200;

/** LIST: the programme as the office writes it — numbered groups, their tasks, subtasks expandable under each task.
 * A table on wider screens (task column fixed while the rest scrolls); compact cards on a phone. */
export function TaskListView({ sections, emptyText, onAdd, loading }: TaskViewProps) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const phone = screens.sm === false;
  const wide = screens.lg === true;
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const columns: TableColumnsType<TaskNode> = [
    {
      title: t('work.task.stt'),
      dataIndex: 'stt',
      key: 'stt',
      width: 48,
      className: 'work-col-stt',
      fixed: wide ? 'left' : undefined,
    },
    {
      title: t('work.task.title'),
      key: 'title',
      // No width: the task column takes whatever the others leave, at least TITLE_MIN.
      fixed: wide ? 'left' : undefined,
      render: (_v, task) => (
        <div className="work-title-cell">
          <Link to={taskPath(task.id)} className="work-task-link">
            {task.title}
          </Link>
          {task.subtaskCount > 0 && !task.children ? (
            <span className="muted work-sub-count"> · {t('work.task.subtasks', { count: task.subtaskCount })}</span>
          ) : null}
          {task.cascaded ? <Tag className="work-mini-tag">{t('work.task.cascadedTag')}</Tag> : null}
          {task.recurrence ? <Tag className="work-mini-tag">{t(`work.recurrence.${task.recurrence}`)}</Tag> : null}
          {task.priority === 'high' ? (
            <Tag color="red" className="work-mini-tag">
              {t('work.priority.high')}
            </Tag>
          ) : null}
        </div>
      ),
    },
    { title: t('work.task.kind'), key: 'kind', width: 104, render: (_v, task) => <KindTag task={task} compact /> },
    {
      // The lead body with the person answering for the task under it, as the cards show them: one column less, so
      // that the status fits beside them on a laptop.
      title: (
        <>
          {t('work.task.leadBody')}
          <span className="work-col-sub">{t('work.task.responsible')}</span>
        </>
      ),
      key: 'lead',
      width: 148,
      render: (_v, task) => (
        <>
          {task.leadBodyName}
          {task.responsiblePersonName ? (
            <span className="work-col-sub work-lead-person">{task.responsiblePersonName}</span>
          ) : null}
        </>
      ),
    },
    {
      title: t('work.task.cooperators'),
      key: 'coop',
      width: 124,
      render: (_v, task) =>
        task.cooperators.length ? task.cooperators.map((c) => c.bodyName).join('; ') : <span className="muted">—</span>,
    },
    { title: t('work.task.dueDate'), key: 'due', width: 108, render: (_v, task) => <DueDate task={task} /> },
    {
      title: t('work.task.status'),
      key: 'status',
      width: 140,
      render: (_v, task) => <StatusTag status={task.status} />,
    },
    {
      title: t('work.task.progress'),
      key: 'progress',
      width: 120,
      fixed: wide ? 'right' : undefined,
      render: (_v, task) => <TaskProgress task={task} />,
    },
  ];

  const tableWidth = columns.reduce((n, c) => n + (typeof c.width === 'number' ? c.width : 0), TITLE_MIN);

  if (!loading && sections.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <div className="work-list">
      {sections.map((s) => (
        <section
          key={s.key}
          className="work-section"
          aria-label={s.group ? `${s.group.position}. ${s.group.name}` : t('work.groups.ungrouped')}
        >
          <SectionHeading section={s} onAdd={onAdd} />
          {phone ? (
            s.roots.length ? (
              <TaskCards tasks={s.roots} />
            ) : (
              <Typography.Text type="secondary">{t('work.programme.groupEmpty')}</Typography.Text>
            )
          ) : (
            <Table<TaskNode>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={s.roots}
              loading={loading}
              pagination={false}
              scroll={{ x: tableWidth }}
              expandable={{
                expandIconColumnIndex: 1,
                expandedRowKeys: expanded,
                onExpandedRowsChange: (keys) => setExpanded(keys),
                indentSize: 18,
              }}
              rowClassName={(task) => `work-row-${task.status}${task.parentId ? ' work-row-sub' : ''}`}
              locale={{ emptyText: t('work.programme.groupEmpty') }}
              aria-label={s.group ? s.group.name : t('work.groups.ungrouped')}
            />
          )}
        </section>
      ))}
    </div>
  );
}
