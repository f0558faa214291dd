import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  NodeIndexOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Empty, Flex, Row, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { formatDate } from '../../lib/format.ts';
import { RecordPage } from '../../ui/DetailProblem.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { errorText } from '../../ui/errors.ts';
import { ListPage } from '../../ui/ListPage.tsx';
import type { ListColumns } from '../../ui/ListTable.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ListSearch } from '../../ui/SearchBox.tsx';
import { useListQuery } from '../../ui/useListQuery.ts';
import { projectPath } from '../clearance/clearance.api.ts';
import { StatusTag } from '../work/TaskBits.tsx';
import { taskPath } from '../work/work.paths.ts';
import { DialogueFormModal } from './DialogueFormModal.tsx';
import {
  deleteDialogue,
  dialogueKey,
  dialoguePath,
  DIALOGUES_KEY,
  DIALOGUES_PATH,
  dialoguesKey,
  getDialogue,
  listDialogues,
  setMinutesFile,
  type Dialogue,
  type DialogueDetail,
} from './dialogues.api.ts';
import './dialogues.css';

/** "Đối thoại": the dialogues with residents, or one dialogue's page (/doi-thoai/:id). */
export function DialoguesPage() {
  const { id } = useParams();
  return id ? <DialoguePage id={id} /> : <DialogueList />;
}

function DialogueList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // The filters live in the address: da (key project), q.
  const list = useListQuery({
    filters: (p) => ({ projectId: p.get('da'), q: p.get('q') || null }),
    queryKey: (filters, paging) => dialoguesKey({ ...filters, ...paging }),
    queryFn: (filters, paging, signal) => listDialogues({ ...filters, ...paging }, signal),
    pageParams: { page: 'trang', pageSize: 'so' },
    pageSizes: [20, 50, 100],
  });
  const [creating, setCreating] = useState(false);
  const columns: ListColumns<Dialogue> = [
    {
      title: t('dialogues.heldOn'),
      key: 'heldOn',
      width: 110,
      render: (_v, d) => <span className="list-nowrap">{formatDate(d.heldOn)}</span>,
    },
    {
      title: t('dialogues.titleField'),
      key: 'title',
      phone: 'title',
      render: (_v, d) => (
        <div>
          <Link to={dialoguePath(d.id)} className="dialogue-link">
            {d.title}
          </Link>
          <div className="dialogue-sub">
            {d.place} · {d.bodyName}
          </div>
        </div>
      ),
    },
    {
      title: t('dialogues.project'),
      key: 'project',
      width: 220,
      responsive: ['md'],
      phone: 'line',
      render: (_v, d) =>
        d.projectId && d.projectName ? (
          <Link to={projectPath(d.projectId)}>{d.projectName}</Link>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      title: t('dialogues.attendeesColumn'),
      key: 'attendees',
      width: 120,
      align: 'right',
      responsive: ['lg'],
      render: (_v, d) => t('dialogues.attendeesOf', { count: d.attendeeCount, residents: d.residentCount }),
    },
    {
      title: t('dialogues.tasksColumn'),
      key: 'tasks',
      width: 120,
      align: 'right',
      render: (_v, d) => `${d.taskCount}/${d.outcomeCount}`,
    },
  ];
  return (
    <ListPage<Dialogue>
      title={t('dialogues.title')}
      description={t('dialogues.intro')}
      onAdd={() => setCreating(true)}
      filters={<ListSearch list={list} className="table-search dialogue-search" label={t('dialogues.search')} />}
      list={list}
      columns={columns}
      cardsOnPhone
      onRow={(d) => ({ onDoubleClick: () => void navigate(dialoguePath(d.id)) })}
      emptyText={t('dialogues.empty')}
    >
      <DialogueFormModal
        open={creating}
        detail={null}
        projectId={params.get('da')}
        onClose={() => setCreating(false)}
        onSaved={(d) => {
          setCreating(false);
          void navigate(dialoguePath(d.dialogue.id));
        }}
      />
    </ListPage>
  );
}

function DialoguePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: dialogueKey(id), queryFn: ({ signal }) => getDialogue(id, signal) });
  return (
    <RecordPage
      query={detail}
      title={t('dialogues.title')}
      notFound={t('dialogues.notFound')}
      backTo={DIALOGUES_PATH}
      backLabel={t('dialogues.backToList')}
      view={(data) => <DialogueView detail={data} />}
    />
  );
}

function DialogueView({ detail }: { detail: DialogueDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const fileId = useId();
  const d = detail.dialogue;
  const manage = detail.permissions.manage;
  const none = <span className="muted">{t('common.none')}</span>;
  const saved = (x: DialogueDetail) => {
    queryClient.setQueryData(dialogueKey(x.dialogue.id), x);
    void queryClient.invalidateQueries({ queryKey: [...DIALOGUES_KEY, 'list'] });
  };
  const confirmDelete = useDeleteRecord({
    remove: () => deleteDialogue(d.id, d.version),
    listKey: DIALOGUES_KEY,
    listPath: DIALOGUES_PATH,
    confirm: t('dialogues.deleteConfirm', { title: d.title }),
    explain: t('dialogues.deleteExplain'),
    deleted: t('dialogues.deleted', { title: d.title }),
  });
  const upload = useMutation({
    mutationFn: (file: File) => setMinutesFile(d.id, file),
    onSuccess: (x) => {
      saved(x);
      void message.success(t('dialogues.minutesAttached'));
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  const officials = detail.attendees.filter((a) => a.kind === 'official');
  const residents = detail.attendees.filter((a) => a.kind === 'resident');
  const people = (list: typeof officials) =>
    list.length === 0 ? (
      none
    ) : (
      <ul className="dialogue-attendees">
        {list.map((a) => (
          <li key={a.id}>
            <strong>{a.name}</strong>
            {a.role ? <span className="muted"> — {a.role}</span> : null}
          </li>
        ))}
      </ul>
    );

  return (
    <div className="dialogue-page">
      <Link to={DIALOGUES_PATH} className="dialogue-back">
        <ArrowLeftOutlined aria-hidden /> {t('dialogues.backToList')}
      </Link>
      <PageHeader
        title={d.title}
        description={`${formatDate(d.heldOn)} · ${d.place}`}
        extra={
          manage ? (
            <>
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button danger icon={<DeleteOutlined aria-hidden />} onClick={confirmDelete}>
                {t('common.delete')}
              </Button>
            </>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={<h2 className="card-title">{t('dialogues.outcomes')}</h2>}
            extra={
              <span className="muted">{t('dialogues.tasksOf', { tasks: d.taskCount, count: d.outcomeCount })}</span>
            }
          >
            {detail.outcomes.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dialogues.noOutcomes')} />
            ) : (
              <ol className="dialogue-outcomes">
                {detail.outcomes.map((o) => (
                  <li key={o.id}>
                    <Typography.Paragraph className="dialogue-outcome-text">{o.text}</Typography.Paragraph>
                    <OutcomeTask task={o.task} />
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card title={<h2 className="card-title">{t('dialogues.details')}</h2>}>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'heldOn', label: t('dialogues.heldOn'), children: formatDate(d.heldOn) },
                  { key: 'place', label: t('dialogues.place'), children: d.place },
                  {
                    key: 'body',
                    label: t('dialogues.body'),
                    children: d.unitName ? `${d.bodyName} (${d.unitName})` : d.bodyName,
                  },
                  { key: 'chair', label: t('dialogues.chair'), children: d.chairName ?? none },
                  {
                    key: 'project',
                    label: t('dialogues.project'),
                    children:
                      d.projectId && d.projectName ? <Link to={projectPath(d.projectId)}>{d.projectName}</Link> : none,
                  },
                ]}
              />
            </Card>
            <Card title={<h2 className="card-title">{t('dialogues.officials', { count: officials.length })}</h2>}>
              {people(officials)}
            </Card>
            <Card title={<h2 className="card-title">{t('dialogues.residents', { count: residents.length })}</h2>}>
              {people(residents)}
            </Card>
            <Card title={<h2 className="card-title">{t('dialogues.minutes')}</h2>}>
              <div className="dialogue-pre">{d.minutes ?? none}</div>
              <Flex gap={8} wrap align="center" className="dialogue-file">
                {d.minutesFileUrl ? (
                  <a href={d.minutesFileUrl} target="_blank" rel="noreferrer">
                    <PaperClipOutlined aria-hidden /> {d.minutesFileName}
                  </a>
                ) : null}
                {manage ? (
                  <>
                    <input
                      id={fileId}
                      type="file"
                      accept=".pdf,.docx,.jpg,.jpeg,.png,.webp"
                      className="visually-hidden"
                      onChange={(e) => {
                        const file = e.target.files?.[0];
                        if (file) upload.mutate(file);
                        e.target.value = '';
                      }}
                    />
                    <label htmlFor={fileId} className="ant-btn ant-btn-default dialogue-upload">
                      <UploadOutlined aria-hidden />{' '}
                      {d.minutesFileUrl ? t('dialogues.replaceFile') : t('dialogues.attachFile')}
                    </label>
                  </>
                ) : null}
              </Flex>
            </Card>
          </Flex>
        </Col>
      </Row>
      <DialogueFormModal
        open={editing}
        detail={detail}
        onClose={() => setEditing(false)}
        onSaved={(x) => {
          saved(x);
          setEditing(false);
          void message.success(t('dialogues.saved', { title: x.dialogue.title }));
        }}
      />
    </div>
  );
}

/** The task an outcome became (its number, status, lead body and due date), or that it has none. */
function OutcomeTask({ task }: { task: DialogueDetail['outcomes'][number]['task'] }) {
  const { t } = useTranslation();
  if (!task) return <Tag>{t('dialogues.noTask')}</Tag>;
  const due = task.dueDate ? t('dialogues.dueOn', { date: formatDate(task.dueDate) }) : null;
  return (
    <Flex gap={6} wrap align="center">
      <NodeIndexOutlined aria-hidden />
      <Link to={taskPath(task.id)}>{t('dialogues.taskNumber', { number: task.number })}</Link>
      <StatusTag status={task.status} />
      <span className="muted">{[task.leadBodyName, due].filter(Boolean).join(' · ')}</span>
    </Flex>
  );
}
