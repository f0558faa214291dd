import { ApartmentOutlined, EditOutlined, NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Col, Flex, Progress, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router-dom';
import { formatDate } from '../../lib/format.ts';
import { CascadeModal } from './CascadeModal.tsx';
import { canReport, ProgressForm } from './ProgressForm.tsx';
import { TaskActions } from './TaskActions.tsx';
import {
  DueDate,
  formatNumber,
  formatPercent,
  KindTag,
  StatusTag,
  TaskProgress,
  TimelinessTag,
  usePlanText,
} from './TaskBits.tsx';
import { TaskFormDrawer } from './TaskFormDrawer.tsx';
import type { TaskFormTarget } from './taskFormValues.ts';
import { AttachmentsSection } from './TaskAttachments.tsx';
import { CommentBox } from './TaskComment.tsx';
import { ExtensionsSection } from './TaskExtensions.tsx';
import { TaskHistory } from './TaskHistory.tsx';
import { ReportedResult } from './TaskReported.tsx';
import { TaskCards } from './TaskCards.tsx';
import { getProgramme, getTask, programmeKey, taskKey, type TaskDetail } from './work.api.ts';
import { briefingPath, programmePath, PROGRAMMES_PATH, taskPath } from './work.paths.ts';
import './work.css';
import { DetailProblem } from '../../ui/DetailProblem.tsx';

/** '/nhiem-vu/:id' opens a task; '/nhiem-vu' alone goes to the programmes. */
export function TaskRoute() {
  const { id } = useParams<{ id?: string }>();
  return id ? <TaskPage key={id} id={id} /> : <Navigate to={PROGRAMMES_PATH} replace />;
}

const CLOSED = new Set(['accepted', 'cancelled']);

/** A task: where it sits, its facts, what the caller may do with it, its reports, subtasks and history. */
export function TaskPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: taskKey(id), queryFn: ({ signal }) => getTask(id, signal) });
  const programmeId = detail.data?.programme.id ?? '';
  const manage = detail.data?.permissions.manage ?? false;
  // The programme's groups, for the forms (managers only).
  const programme = useQuery({
    queryKey: programmeKey(programmeId),
    queryFn: ({ signal }) => getProgramme(programmeId, signal),
    enabled: manage && programmeId !== '',
  });
  const [form, setForm] = useState<TaskFormTarget | null>(null);
  const [cascading, setCascading] = useState(false);

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError)
    return (
      <DetailProblem
        title={t('work.task.pageTitle')}
        error={detail.error}
        notFound={t('work.task.notFound')}
        backTo={PROGRAMMES_PATH}
        backLabel={t('work.programme.backToList')}
      />
    );
  const d = detail.data;
  const task = d.task;
  const groups = programme.data?.groups ?? [];
  const programmeRef = { id: d.programme.id, year: d.programme.year, bodyId: d.programme.bodyId };
  const open = !CLOSED.has(task.status);

  const addSubtask = () =>
    setForm({
      programme: programmeRef,
      groups,
      parent: { id: task.id, number: task.number, title: task.title, groupId: task.groupId },
    });
  const edit = () => setForm({ programme: programmeRef, groups, task: d });

  const side = (
    <>
      {canReport(d) ? (
        <Card className="work-card" title={<h2 className="card-title">{t('work.progress.title')}</h2>}>
          <ProgressForm key={task.version} detail={d} />
        </Card>
      ) : null}
      <Card className="work-card">
        <ExtensionsSection detail={d} />
        <AttachmentsSection detail={d} />
        {d.permissions.comment ? (
          <section className="work-panel" aria-labelledby="work-comment-title">
            <Typography.Title level={4} id="work-comment-title" className="work-panel-title">
              {t('work.comments.title')}
            </Typography.Title>
            <CommentBox detail={d} />
          </section>
        ) : null}
      </Card>
    </>
  );

  return (
    <article className="work-task-page" aria-labelledby="work-task-title">
      <Breadcrumb
        className="work-breadcrumb"
        items={[
          { title: <Link to={PROGRAMMES_PATH}>{t('work.nav.programmes')}</Link> },
          { title: <Link to={programmePath(d.programme.id)}>{d.programme.title}</Link> },
          ...d.parents.map((p) => ({
            title: <Link to={taskPath(p.id)}>{t('work.task.numberTitle', { number: p.number, title: p.title })}</Link>,
          })),
          { title: t('work.task.numberShort', { number: task.number }) },
        ]}
      />
      <header className="work-task-header">
        <Space size={[6, 6]} wrap className="work-task-tags">
          <Tag className="work-number-tag">{t('work.task.numberShort', { number: task.number })}</Tag>
          <StatusTag status={task.status} />
          <TimelinessTag timeliness={task.timeliness} waitingDays={task.waitingDays} />
          <KindTag task={task} />
          {task.priority === 'high' ? <Tag color="red">{t('work.priority.high')}</Tag> : null}
          {task.cascaded ? <Tag>{t('work.task.cascadedTag')}</Tag> : null}
          {task.recurrence ? (
            <Tag>
              {t('work.task.recurrenceTag', { kind: t(`work.recurrence.${task.recurrence}`), n: task.occurrence ?? 1 })}
            </Tag>
          ) : null}
        </Space>
        <Typography.Title level={1} id="work-task-title" className="page-title work-task-title">
          {task.title}
        </Typography.Title>
        <Flex gap={16} wrap align="center" className="work-task-keyline">
          <div className="work-task-progress">
            <TaskProgress task={task} size="default" />
            {task.subtaskCount > 0 ? (
              <span className="muted work-rollup-note">{t('work.task.rollupNote', { count: task.subtaskCount })}</span>
            ) : null}
          </div>
          <div>
            <span className="muted">{t('work.task.dueDate')}: </span>
            <DueDate task={task} />
          </div>
        </Flex>
        {task.statusReason && ['returned', 'suspended', 'cancelled', 'assigned'].includes(task.status) ? (
          <Alert
            className="work-reason"
            type={task.status === 'assigned' ? 'info' : 'warning'}
            showIcon
            title={t(`work.task.reasonFor.${task.status}`)}
            description={<span className="work-pre">{task.statusReason}</span>}
          />
        ) : null}
        <Flex gap={8} wrap className="work-task-buttons">
          <TaskActions detail={d} />
          {d.permissions.manage && open ? (
            <Button icon={<EditOutlined aria-hidden />} onClick={edit}>
              {t('common.edit')}
            </Button>
          ) : null}
        </Flex>
      </header>

      {d.conclusion ? (
        <Alert
          className="work-conclusion"
          type="info"
          showIcon
          title={
            <>
              {t('work.task.fromConclusion')}{' '}
              <Link to={briefingPath(d.conclusion.briefingId)}>{d.conclusion.briefingTitle}</Link> (
              {formatDate(d.conclusion.heldOn)})
            </>
          }
          description={<span className="work-pre">{d.conclusion.text}</span>}
        />
      ) : null}

      <Row gutter={[16, 16]} className="work-task-body">
        <Col xs={{ span: 24, order: 2 }} xl={{ span: 15, order: 1 }}>
          <Card className="work-card" title={<h2 className="card-title">{t('work.task.details')}</h2>}>
            <TaskFacts detail={d} />
          </Card>
          <CooperatorsCard detail={d} />
          <Card
            className="work-card"
            title={<h2 className="card-title">{t('work.task.subtasksTitle', { count: d.subtasks.length })}</h2>}
          >
            {d.permissions.manage && open ? (
              <Flex gap={8} wrap className="work-subtask-actions">
                <Button icon={<PlusOutlined aria-hidden />} onClick={addSubtask}>
                  {t('work.task.addSubtask')}
                </Button>
                <Button icon={<NodeIndexOutlined aria-hidden />} onClick={() => setCascading(true)}>
                  {t('work.cascade.button')}
                </Button>
              </Flex>
            ) : null}
            {d.subtasks.length === 0 ? (
              <Typography.Text type="secondary">{t('work.task.noSubtasks')}</Typography.Text>
            ) : (
              <TaskCards tasks={d.subtasks} label={(s) => t('work.task.numberHash', { number: s.number })} />
            )}
          </Card>
          <Card className="work-card" title={<h2 className="card-title">{t('work.history.title')}</h2>}>
            <TaskHistory detail={d} />
          </Card>
        </Col>
        <Col xs={{ span: 24, order: 1 }} xl={{ span: 9, order: 2 }}>
          {side}
        </Col>
      </Row>
      <TaskFormDrawer target={form} onClose={() => setForm(null)} />
      <CascadeModal detail={cascading ? d : null} onClose={() => setCascading(false)} />
    </article>
  );
}

/** The facts of a task, as a definition list that stacks on a phone. */
function TaskFacts({ detail: d }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  const planText = usePlanText();
  const task = d.task;
  const facts: [string, ReactNode][] = [
    [
      t('work.task.programme'),
      <Link key="p" to={programmePath(d.programme.id)}>{`${d.programme.title} (${d.programme.bodyName})`}</Link>,
    ],
    [
      t('work.task.group'),
      task.groupName ? (
        `${task.groupPosition ?? ''}. ${task.groupName}`
      ) : (
        <span className="muted">{t('work.groups.ungrouped')}</span>
      ),
    ],
    [
      t('work.task.leadBody'),
      <span key="l">
        {task.leadBodyName}
        {task.unitName && !task.leadBodyName.includes(task.unitName) ? (
          <span className="muted"> · {task.unitName}</span>
        ) : null}
      </span>,
    ],
    [
      t('work.task.responsible'),
      task.responsiblePersonName ?? <span className="muted">{t('work.task.notNamed')}</span>,
    ],
    [t('work.task.assignee'), task.assigneeName ?? <span className="muted">—</span>],
    [t('work.task.startDate'), task.startDate ? formatDate(task.startDate) : <span className="muted">—</span>],
    [t('work.task.dueDate'), <DueDate key="d" task={task} />],
  ];
  if (task.reported) facts.push([t('work.task.targetVsResult'), <ReportedResult key="r" task={task} />]);
  else if (task.targetValue !== null || task.resultValue !== null) {
    const unit = task.targetUnit ? ` ${task.targetUnit}` : '';
    const result = task.resultValue !== null ? `${formatNumber(task.resultValue)}${unit}` : '—';
    const target = task.targetValue !== null ? `${formatNumber(task.targetValue)}${unit}` : '—';
    const plan = planText(task);
    facts.push([t('work.task.targetVsResult'), `${result} / ${target}${plan ? ` (${plan})` : ''}`]);
  }
  facts.push([t('work.task.priority'), t(`work.priority.${task.priority}`)]);
  if (task.weight !== 1) facts.push([t('work.task.weight'), formatNumber(task.weight)]);
  if (task.reportedDoneOn) facts.push([t('work.task.reportedDoneOn'), formatDate(task.reportedDoneOn)]);
  if (task.acceptedOn) facts.push([t('work.task.acceptedOn'), formatDate(task.acceptedOn)]);
  return (
    <>
      <dl className="work-facts">
        {facts.map(([label, value]) => (
          <div key={label} className="work-fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {task.description ? (
        <>
          <Typography.Title level={5} className="work-facts-subtitle">
            {t('work.task.description')}
          </Typography.Title>
          <Typography.Paragraph className="work-pre">{task.description}</Typography.Paragraph>
        </>
      ) : null}
    </>
  );
}

/** The cooperating bodies with their own part, person and progress. */
function CooperatorsCard({ detail: d }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  return (
    <Card
      className="work-card"
      title={<h2 className="card-title">{t('work.task.cooperatorsTitle', { count: d.cooperators.length })}</h2>}
    >
      {d.cooperators.length === 0 ? (
        <Typography.Text type="secondary">{t('work.task.noCooperators')}</Typography.Text>
      ) : (
        <ul className="work-coop-list">
          {d.cooperators.map((c) => (
            <li key={c.id} className="work-coop-item">
              <Flex justify="space-between" gap={8} wrap>
                <strong>
                  <ApartmentOutlined aria-hidden /> {c.bodyName}
                </strong>
                {c.personName ? <span>{c.personName}</span> : <span className="muted">{t('work.task.notNamed')}</span>}
              </Flex>
              {c.part ? <div className="work-pre work-coop-part-text">{c.part}</div> : null}
              <Progress
                percent={c.progress}
                size="small"
                format={(p) => formatPercent(p ?? 0)}
                aria-label={t('work.task.coopProgress', { body: c.bodyName })}
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
