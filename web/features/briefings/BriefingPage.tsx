import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  FileWordOutlined,
  NodeIndexOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Empty, Flex, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../lib/format.ts';
import { errorText } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { StatusTag } from '../work/TaskBits.tsx';
import { programmePath, taskPath } from '../work/work.paths.ts';
import { BriefingFormModal } from './BriefingFormModal.tsx';
import {
  BRIEFINGS_KEY,
  BRIEFINGS_PATH,
  briefingKey,
  deleteBriefing,
  getBriefing,
  issueNotice,
  noticeDocxUrl,
  type BriefingDetail,
  type Conclusion,
} from './briefings.api.ts';
import { ConclusionTaskModal } from './ConclusionTaskModal.tsx';
import { RecordPage } from '../../ui/DetailProblem.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';

/** One briefing: who, when, what was said; its conclusions with the tasks they became; the conclusions notice. */
export function BriefingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: briefingKey(id), queryFn: ({ signal }) => getBriefing(id, signal) });
  return (
    <RecordPage
      query={detail}
      title={t('briefings.title')}
      notFound={t('briefings.notFound')}
      backTo={BRIEFINGS_PATH}
      backLabel={t('briefings.backToList')}
      view={(data) => <BriefingView detail={data} />}
    />
  );
}

function BriefingView({ detail }: { detail: BriefingDetail }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [converting, setConverting] = useState<Conclusion | null>(null);
  const b = detail.briefing;
  const manage = detail.permissions.manage;
  const none = <span className="muted">{t('common.none')}</span>;

  const saved = (d: BriefingDetail) => {
    queryClient.setQueryData(briefingKey(d.briefing.id), d);
    void queryClient.invalidateQueries({ queryKey: [...BRIEFINGS_KEY, 'list'] });
  };

  const issue = useMutation({
    mutationFn: () => issueNotice(b.id, b.version),
    onSuccess: (d) => {
      saved(d);
      void message.success(t('briefings.noticeIssued', { label: d.briefing.notice?.label ?? '' }));
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  const confirmDelete = useDeleteRecord({
    remove: () => deleteBriefing(b.id, b.version),
    listKey: BRIEFINGS_KEY,
    listPath: BRIEFINGS_PATH,
    confirm: t('briefings.deleteConfirm', { title: b.title }),
    explain: t('briefings.deleteExplain'),
    deleted: t('briefings.deleted', { title: b.title }),
  });

  const confirmIssue = () => {
    modal.confirm({
      title: t('briefings.issueConfirm', { title: b.title }),
      content: t('briefings.issueExplain'),
      okText: t('briefings.issue'),
      cancelText: t('common.cancel'),
      onOk: () => issue.mutateAsync().catch(() => undefined),
    });
  };

  const wordButton = (
    <Button icon={<FileWordOutlined aria-hidden />} href={noticeDocxUrl(b.id)} type={b.notice ? 'primary' : 'default'}>
      {b.notice ? t('briefings.downloadNotice') : t('briefings.downloadDraft')}
    </Button>
  );

  return (
    <div className="briefing-page">
      <Link to={BRIEFINGS_PATH} className="briefing-back">
        <ArrowLeftOutlined aria-hidden /> {t('briefings.backToList')}
      </Link>
      <PageHeader
        title={b.title}
        description={`${formatDate(b.heldOn)} · ${b.bodyName}`}
        extra={
          <>
            {manage && !b.notice ? (
              <Button
                type="primary"
                icon={<SafetyCertificateOutlined aria-hidden />}
                onClick={confirmIssue}
                loading={issue.isPending}
                disabled={detail.conclusions.length === 0}
              >
                {t('briefings.issue')}
              </Button>
            ) : null}
            {wordButton}
            {manage ? (
              <>
                <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                  {t('common.edit')}
                </Button>
                <Button danger icon={<DeleteOutlined aria-hidden />} onClick={confirmDelete}>
                  {t('common.delete')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={<h2 className="card-title">{t('briefings.conclusions')}</h2>}
            extra={
              <span className="muted">
                {t('briefings.linkedOf', { linked: b.linkedCount, count: b.conclusionCount })}
              </span>
            }
          >
            {detail.conclusions.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('briefings.noConclusions')} />
            ) : (
              <ol className="briefing-conclusions">
                {detail.conclusions.map((c) => (
                  <li key={c.id}>
                    <Typography.Paragraph className="briefing-conclusion-text">{c.text}</Typography.Paragraph>
                    {c.task ? (
                      <Flex gap={6} wrap align="center" className="briefing-conclusion-task">
                        <NodeIndexOutlined aria-hidden />
                        <Link to={taskPath(c.task.id)}>{t('briefings.taskNumber', { number: c.task.number })}</Link>
                        <StatusTag status={c.task.status} />
                        <span className="muted">
                          {c.task.leadBodyName}
                          {c.task.dueDate ? ` · ${t('briefings.dueOn', { date: formatDate(c.task.dueDate) })}` : ''}
                        </span>
                      </Flex>
                    ) : manage ? (
                      <Button size="small" icon={<NodeIndexOutlined aria-hidden />} onClick={() => setConverting(c)}>
                        {t('briefings.makeTask')}
                      </Button>
                    ) : (
                      <Tag>{t('briefings.noTask')}</Tag>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Card title={<h2 className="card-title">{t('briefings.details')}</h2>}>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'heldOn', label: t('briefings.heldOn'), children: formatDate(b.heldOn) },
                  {
                    key: 'body',
                    label: t('briefings.body'),
                    children: b.unitName ? `${b.bodyName} (${b.unitName})` : b.bodyName,
                  },
                  { key: 'chair', label: t('briefings.chair'), children: b.chairName ?? none },
                  {
                    key: 'programme',
                    label: t('briefings.programme'),
                    children: b.programmeId ? <Link to={programmePath(b.programmeId)}>{b.programmeTitle}</Link> : none,
                  },
                  {
                    key: 'notice',
                    label: t('briefings.notice'),
                    children: b.notice ? (
                      <span>
                        <Tag color="green">{b.notice.label}</Tag>{' '}
                        {t('briefings.issuedOn', { date: formatDate(b.notice.issuedOn) })}
                      </span>
                    ) : (
                      <Tag>{t('briefings.noticeDraft')}</Tag>
                    ),
                  },
                ]}
              />
            </Card>
            <Card
              title={
                <h2 className="card-title">{t('briefings.attendeesCount', { count: detail.attendees.length })}</h2>
              }
            >
              {detail.attendees.length === 0 ? (
                none
              ) : (
                <ul className="briefing-attendees">
                  {detail.attendees.map((a) => (
                    <li key={a.id}>
                      <strong>{a.name}</strong>
                      {a.bodyName ? <span className="muted"> — {a.bodyName}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title={<h2 className="card-title">{t('briefings.content')}</h2>}>
              <Typography.Title level={3} className="briefing-h3">
                {t('briefings.agenda')}
              </Typography.Title>
              <div className="briefing-pre">{b.agenda ?? none}</div>
              <Typography.Title level={3} className="briefing-h3">
                {t('briefings.minutes')}
              </Typography.Title>
              <div className="briefing-pre">{b.minutes ?? none}</div>
            </Card>
          </Flex>
        </Col>
      </Row>
      <BriefingFormModal
        open={editing}
        detail={detail}
        onClose={() => setEditing(false)}
        onSaved={(d) => {
          saved(d);
          setEditing(false);
          void message.success(t('briefings.saved', { title: d.briefing.title }));
        }}
      />
      <ConclusionTaskModal briefing={detail} conclusion={converting} onClose={() => setConverting(null)} />
    </div>
  );
}
