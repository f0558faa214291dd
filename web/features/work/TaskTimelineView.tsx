import { Empty, Space, Tooltip } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, todayInVietnam } from '../../lib/format.ts';
import { formatPercent, TIMELINESS_COLOR } from './TaskBits.tsx';
import { flatten, type TaskNode, type TaskViewProps } from './taskTree.ts';
import { taskPath } from './work.paths.ts';

/** Position of a date on the year's axis, 0–100 %. */
function placeOf(date: string, year: number): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = Date.UTC(y, m - 1, d);
  return Math.min(100, Math.max(0, ((at - start) / (end - start)) * 100));
}

/** "Hôm nay" hangs from its line towards the middle of the year, so that it stays inside the chart at any width (it
 * sits on its own line, under the months' names). */
function todayEdge(at: number): string {
  return at > 50 ? 'work-tl-today-label-end' : 'work-tl-today-label-start';
}

/** TIMELINE: a Gantt-like chart of the programme's year — tasks under their groups, bars from start to due date
 * coloured by timeliness (the filled part is the progress), and a line for today. On a phone each task's name sits
 * above its bar and the year fits the screen's width (work.css). */
export function TaskTimelineView({ sections, emptyText, loading, year }: TaskViewProps & { year: number }) {
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
      {todayAt !== null ? <div className="work-tl-today" style={{ left: `${todayAt}%` }} /> : null}
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
                  <span className="work-tl-month-name">{t('work.timeline.month', { n: m.i + 1 })}</span>
                </div>
              ))}
              {todayAt !== null ? (
                <div className={`work-tl-today-label ${todayEdge(todayAt)}`} style={{ left: `${todayAt}%` }}>
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
        <div className="work-tl-track" role="img" aria-label={tip.replace(/\n/g, '; ')}>
          {grid}
          {mark}
          {outOfYear}
        </div>
      </Tooltip>
    </div>
  );
}
