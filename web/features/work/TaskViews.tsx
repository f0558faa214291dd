import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import {
  Button,
  Empty,
  Flex,
  Grid,
  Progress,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useRef, useState, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, todayInVietnam } from '../../lib/format.ts';
import { DueDate, formatPercent, KindTag, StatusTag, TaskProgress, TIMELINESS_COLOR } from './TaskBits.tsx';
import { flatten, type Section, type TaskNode } from './taskTree.ts';
import { TASK_STATUSES, type Group, type Task } from './work.api.ts';
import { taskPath } from './work.paths.ts';

type ViewProps = {
  sections: Section[];
  /** Shown in an empty view. */
  emptyText: ReactNode;
  /** Adds a task to a group (managers); absent for others. */
  onAdd?: (group: Group | null) => void;
  loading?: boolean;
};

/** A group's heading: "2. Tên nhóm", its lead body and counts. */
function SectionHeading({ section, onAdd }: { section: Section; onAdd?: ViewProps['onAdd'] }) {
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

// ---------------------------------------------------------------- LIST

/** LIST: the programme as the office writes it — numbered groups, their tasks, subtasks expandable under each task.
 * A table on wider screens (task column fixed while the rest scrolls); compact cards on a phone. */
export function TaskListView({ sections, emptyText, onAdd, loading }: ViewProps) {
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
      width: 52,
      className: 'work-col-stt',
      fixed: wide ? 'left' : undefined,
    },
    {
      title: t('work.task.title'),
      key: 'title',
      width: 240,
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
    { title: t('work.task.kind'), key: 'kind', width: 108, render: (_v, task) => <KindTag task={task} compact /> },
    { title: t('work.task.leadBody'), dataIndex: 'leadBodyName', key: 'lead', width: 140 },
    {
      title: t('work.task.cooperators'),
      key: 'coop',
      width: 140,
      render: (_v, task) =>
        task.cooperators.length ? task.cooperators.map((c) => c.bodyName).join('; ') : <span className="muted">—</span>,
    },
    {
      title: t('work.task.responsible'),
      key: 'resp',
      width: 120,
      render: (_v, task) => task.responsiblePersonName ?? <span className="muted">—</span>,
    },
    { title: t('work.task.dueDate'), key: 'due', width: 108, render: (_v, task) => <DueDate task={task} /> },
    {
      title: t('work.task.status'),
      key: 'status',
      width: 124,
      render: (_v, task) => <StatusTag status={task.status} />,
    },
    {
      title: t('work.task.progress'),
      key: 'progress',
      width: 124,
      fixed: wide ? 'right' : undefined,
      render: (_v, task) => <TaskProgress task={task} />,
    },
  ];

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
              scroll={{ x: 1164 }}
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

// ---------------------------------------------------------------- BOARD

/** BOARD: one column per status, a card per task (top-level tasks of the list); a card opens the task. */
export function TaskBoardView({ sections, emptyText, loading }: ViewProps) {
  const { t } = useTranslation();
  const tasks = sections.flatMap((s) => s.roots);
  if (!loading && tasks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <div className="work-board" role="list" aria-label={t('work.views.board')}>
      {TASK_STATUSES.map((status) => {
        const items = tasks.filter((task) => task.status === status);
        return (
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
              {items.length === 0 ? <li className="muted work-board-empty">{t('work.board.empty')}</li> : null}
            </ul>
          </section>
        );
      })}
    </div>
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

// ---------------------------------------------------------------- TIMELINE

/** Position of a date on the year's axis, 0–100 %. */
function placeOf(date: string, year: number): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = Date.UTC(y, m - 1, d);
  return Math.min(100, Math.max(0, ((at - start) / (end - start)) * 100));
}

/** TIMELINE: a Gantt-like chart of the programme's year — tasks under their groups, bars from start to due date
 * coloured by timeliness (the filled part is the progress), and a line for today. */
export function TaskTimelineView({ sections, emptyText, loading, year }: ViewProps & { year: number }) {
  const { t } = useTranslation();
  const today = todayInVietnam();
  const todayIso = today.format('YYYY-MM-DD');
  const showToday = today.year() === year;
  const months = Array.from({ length: 12 }, (_v, i) => {
    const first = `${year}-${String(i + 1).padStart(2, '0')}-01`;
    const left = placeOf(first, year);
    const next = i === 11 ? 100 : placeOf(`${year}-${String(i + 2).padStart(2, '0')}-01`, year);
    return { i, left, width: next - left };
  });
  const hasAny = sections.some((s) => s.roots.length > 0);
  const scroller = useRef<HTMLDivElement>(null);
  const todayAt = showToday ? placeOf(todayIso, year) : null;
  // On a narrow screen the chart scrolls: start with today in view.
  useEffect(() => {
    const el = scroller.current;
    if (!el || todayAt === null || el.scrollWidth <= el.clientWidth) return;
    const label = el.querySelector<HTMLElement>('.work-tl-label')?.offsetWidth ?? 0;
    const track = el.scrollWidth - label;
    el.scrollLeft = Math.max(0, (track * todayAt) / 100 - (el.clientWidth - label) / 2);
  }, [todayAt, hasAny]);
  if (!loading && !hasAny) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;

  const grid = (
    <div className="work-tl-grid" aria-hidden>
      {months.map((m) => (
        <div key={m.i} className="work-tl-month-line" style={{ left: `${m.left}%` }} />
      ))}
      {showToday ? <div className="work-tl-today" style={{ left: `${placeOf(todayIso, year)}%` }} /> : null}
    </div>
  );

  return (
    <>
      <div className="work-tl-scroll" role="region" aria-label={t('work.views.timeline')} tabIndex={0} ref={scroller}>
        <div className="work-tl">
          <div className="work-tl-row work-tl-header">
            <div className="work-tl-label">{t('work.task.title')}</div>
            <div className="work-tl-track">
              {months.map((m) => (
                <div key={m.i} className="work-tl-month" style={{ left: `${m.left}%`, width: `${m.width}%` }}>
                  {t('work.timeline.month', { n: m.i + 1 })}
                </div>
              ))}
              {showToday ? (
                <div className="work-tl-today-label" style={{ left: `${placeOf(todayIso, year)}%` }}>
                  {t('work.timeline.today')}
                </div>
              ) : null}
            </div>
          </div>
          {sections.map((s) => (
            <div key={s.key} className="work-tl-section">
              <div className="work-tl-row work-tl-group">
                <div className="work-tl-label">
                  {s.group ? `${s.group.position}. ${s.group.name}` : t('work.groups.ungrouped')}
                </div>
                <div className="work-tl-track">{grid}</div>
              </div>
              {flatten(s.roots).map((task) => (
                <TimelineRow key={task.id} task={task} year={year} grid={grid} />
              ))}
            </div>
          ))}
        </div>
      </div>
      <Space size={[12, 4]} wrap className="work-tl-legend">
        {(['on_time', 'late', 'awaiting_acceptance', 'overdue', 'due_soon', 'open', 'no_due'] as const).map((k) => (
          <span key={k} className="work-tl-legend-item">
            <span className="work-tl-swatch" style={{ background: TIMELINESS_COLOR[k] }} /> {t(`work.timeliness.${k}`)}
          </span>
        ))}
      </Space>
    </>
  );
}

function TimelineRow({ task, year, grid }: { task: TaskNode; year: number; grid: ReactNode }) {
  const { t } = useTranslation();
  const color = TIMELINESS_COLOR[task.timeliness];
  const inYear = (d: string | null) => d !== null && Number(d.slice(0, 4)) <= year && Number(d.slice(0, 4)) >= year - 1;
  const start = task.startDate && inYear(task.startDate) ? task.startDate : null;
  const due = task.dueDate;
  const depth = task.stt.split('.').length - (task.groupId ? 2 : 1);
  const tip = [
    `${task.stt} ${task.title}`,
    `${t('work.task.startDate')}: ${task.startDate ? formatDate(task.startDate) : '—'}`,
    `${t('work.task.dueDate')}: ${due ? formatDate(due) : '—'}`,
    `${t(`work.status.${task.status}`)} · ${formatPercent(task.progress)}`,
  ].join('\n');

  let mark: ReactNode;
  if (due && start) {
    const left = placeOf(start, year);
    const right = placeOf(due, year);
    const width = Math.max(0.6, right - left + 100 / 365);
    mark = (
      <div
        className="work-tl-bar"
        style={{ left: `${left}%`, width: `${width}%`, borderColor: color, background: `${color}33` }}
      >
        <div className="work-tl-bar-fill" style={{ width: `${Math.min(100, task.progress)}%`, background: color }} />
      </div>
    );
  } else if (due) {
    mark = <div className="work-tl-diamond" style={{ left: `${placeOf(due, year)}%`, background: color }} />;
  } else {
    mark = <span className="work-tl-nodue muted">{t('work.task.noDue')}</span>;
  }
  const outOfYear =
    due && Number(due.slice(0, 4)) !== year ? <span className="work-tl-out muted">{formatDate(due)}</span> : null;

  return (
    <div className={`work-tl-row work-tl-task${depth > 0 ? ' work-tl-sub' : ''}`}>
      <div className="work-tl-label" style={{ paddingLeft: 8 + depth * 12 }}>
        <span className="work-tl-stt">{task.stt}</span>{' '}
        <Link to={taskPath(task.id)} title={task.title}>
          {task.title}
        </Link>
      </div>
      <Tooltip title={<span className="work-pre">{tip}</span>}>
        <div className="work-tl-track" aria-label={tip.replace(/\n/g, '; ')}>
          {grid}
          {mark}
          {outOfYear}
        </div>
      </Tooltip>
    </div>
  );
}
