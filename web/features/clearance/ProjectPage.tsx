import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, HomeOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Flex, Row, Select, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../lib/format.ts';
import { RecordPage } from '../../ui/DetailProblem.tsx';
import { useDeleteRecord } from '../../ui/useDeleteRecord.ts';
import { errorText } from '../../ui/errors.ts';
import { ListTable, type ListColumns } from '../../ui/ListTable.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { SearchBox } from '../../ui/SearchBox.tsx';
import { DIALOGUES_PATH } from '../dialogues/dialogues.api.ts';
import { taskPath } from '../work/work.paths.ts';
import {
  CLEARANCE_KEY,
  CONSENT_STATUSES,
  deleteProject,
  getProject,
  householdsKey,
  listHouseholds,
  PROJECTS_PATH,
  projectKey,
  STATUS_COLOR,
  type ConsentStatus,
  type Household,
  type ProjectDetail,
} from './clearance.api.ts';
import { HouseholdDrawer, HouseholdFormModal } from './HouseholdParts.tsx';
import { ConsentFigure, formatPercent, ScheduleTag } from './KeyProjectsPage.tsx';
import { ProjectFormModal } from './ProjectFormModal.tsx';
import { VisitFormModal } from './VisitFormModal.tsx';

/** One key project: what a leader reads at a glance, the register of households and their consent, visits. */
export function ProjectPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useQuery({ queryKey: projectKey(id), queryFn: ({ signal }) => getProject(id, signal) });
  return (
    <RecordPage
      query={detail}
      title={t('clearance.title')}
      notFound={t('clearance.notFound')}
      backTo={PROJECTS_PATH}
      backLabel={t('clearance.backToList')}
      view={(data) => <ProjectView detail={data} />}
    />
  );
}

export function ConsentTag({ status }: { status: ConsentStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`clearance.status.${status}`)}</Tag>;
}

function ProjectView({ detail }: { detail: ProjectDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const p = detail.project;
  const s = p.summary;
  const [editing, setEditing] = useState(false);
  const [visiting, setVisiting] = useState<string | null | false>(false);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const none = <span className="muted">{t('common.none')}</span>;

  const confirmDelete = useDeleteRecord({
    remove: () => deleteProject(p.id, p.version),
    listKey: CLEARANCE_KEY,
    listPath: PROJECTS_PATH,
    confirm: t('clearance.deleteConfirm', { name: p.name }),
    deleted: t('clearance.deleted', { name: p.name }),
  });

  // Editing and deleting the project: its body's managers.
  const manageButtons = [
    <Button key="edit" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
      {t('common.edit')}
    </Button>,
    <Button key="delete" danger icon={<DeleteOutlined aria-hidden />} onClick={confirmDelete}>
      {t('common.delete')}
    </Button>,
  ];

  return (
    <div className="clearance-page">
      <Link to={PROJECTS_PATH} className="clearance-back">
        <ArrowLeftOutlined aria-hidden /> {t('clearance.backToList')}
      </Link>
      <PageHeader
        title={p.name}
        description={`${p.code} · ${p.bodyName}`}
        extra={
          <>
            {detail.permissions.visit ? (
              <Button type="primary" icon={<HomeOutlined aria-hidden />} onClick={() => setVisiting(null)}>
                {t('clearance.logVisit')}
              </Button>
            ) : null}
            {detail.permissions.manage ? manageButtons : null}
          </>
        }
      />
      <Card className="clearance-glance">
        <Flex vertical gap={8}>
          <Typography.Title level={2} className="clearance-headline">
            {t('clearance.headline', {
              consented: s.consented,
              households: s.households,
              percent: formatPercent(s.consentPercent ?? 0),
            })}
          </Typography.Title>
          <Flex gap={8} wrap align="center">
            <ScheduleTag status={s.status} />
            <span className="muted">
              {t('clearance.expectedToday', { percent: formatPercent(s.expectedPercent) })}
              {' · '}
              {t('clearance.until', { date: formatDate(p.plannedCompletionDate) })}
            </span>
          </Flex>
          <ConsentFigure summary={s} />
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Statistic title={t('clearance.handedOver')} value={formatPercent(s.handedOverPercent ?? 0)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('clearance.visits30')} value={s.visitsLast30Days} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('clearance.dialogues')} value={s.dialogues} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('clearance.openPetitions')} value={s.openPetitions} />
            </Col>
          </Row>
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Households detail={detail} onOpen={setOpen} onAdd={() => setAdding(true)} />
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card title={<h2 className="card-title">{t('clearance.details')}</h2>}>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'investor', label: t('clearance.investor'), children: p.investor ?? none },
                  { key: 'start', label: t('clearance.startDate'), children: formatDate(p.startDate) },
                  {
                    key: 'planned',
                    label: t('clearance.plannedCompletion'),
                    children: formatDate(p.plannedCompletionDate),
                  },
                  {
                    key: 'units',
                    label: t('clearance.affectedUnits'),
                    children: detail.affectedUnits.length ? detail.affectedUnits.map((u) => u.name).join(', ') : none,
                  },
                  {
                    key: 'task',
                    label: t('clearance.task'),
                    children: p.task ? <Link to={taskPath(p.task.id)}>{p.task.title}</Link> : none,
                  },
                  {
                    key: 'dialogues',
                    label: t('clearance.dialogues'),
                    children: (
                      <Link to={`${DIALOGUES_PATH}?da=${encodeURIComponent(p.id)}`}>{t('clearance.seeDialogues')}</Link>
                    ),
                  },
                ]}
              />
              {p.description ? <div className="clearance-pre">{p.description}</div> : null}
            </Card>
            <Card title={<h2 className="card-title">{t('clearance.milestones')}</h2>}>
              {detail.milestones.length === 0 ? (
                <span className="muted">{t('clearance.straightLine')}</span>
              ) : (
                <ul className="clearance-list">
                  {detail.milestones.map((m) => (
                    <li key={m.id}>
                      <strong>{formatDate(m.dueOn)}</strong> — {m.title} ({m.targetPercent}%)
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title={<h2 className="card-title">{t('clearance.curve')}</h2>}>
              <table className="clearance-curve">
                <caption className="visually-hidden">{t('clearance.curve')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('clearance.day')}</th>
                    <th scope="col">{t('clearance.reached')}</th>
                    <th scope="col">{t('clearance.expected')}</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.curve.map((c) => (
                    <tr key={c.day}>
                      <td>{formatDate(c.day)}</td>
                      <td>{c.consentPercent === null ? '—' : formatPercent(c.consentPercent)}</td>
                      <td>{formatPercent(c.expectedPercent)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          </Flex>
        </Col>
      </Row>
      <ProjectFormModal
        open={editing}
        detail={detail}
        onClose={() => setEditing(false)}
        onSaved={(d) => {
          queryClient.setQueryData(projectKey(p.id), d);
          setEditing(false);
          void message.success(t('clearance.saved', { name: d.project.name }));
        }}
      />
      <VisitFormModal
        projectId={p.id}
        householdId={visiting === false ? null : visiting}
        open={visiting !== false}
        onClose={() => setVisiting(false)}
      />
      <HouseholdFormModal projectId={p.id} open={adding} onClose={() => setAdding(false)} />
      <HouseholdDrawer
        id={open}
        canVisit={detail.permissions.visit}
        onClose={() => setOpen(null)}
        onVisit={(householdId) => setVisiting(householdId)}
      />
    </div>
  );
}

/** The register: each household's number, head (where shown), unit and consent now; opens its history. */
function Households({
  detail,
  onOpen,
  onAdd,
}: {
  detail: ProjectDetail;
  onOpen: (id: string) => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ConsentStatus | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = { status, q: q || null, page, pageSize: 50 };
  const id = detail.project.id;
  const list = useQuery({
    queryKey: householdsKey(id, query),
    queryFn: ({ signal }) => listHouseholds(id, query, signal),
    placeholderData: keepPreviousData,
  });
  const columns: ListColumns<Household> = [
    { title: t('clearance.number'), key: 'number', width: 70, render: (_v, h) => h.number },
    {
      title: t('clearance.head'),
      key: 'head',
      phone: 'title',
      render: (_v, h) => (
        <button type="button" className="clearance-linkbutton" onClick={() => onOpen(h.id)}>
          {h.headName ?? t('clearance.householdN', { n: h.number })}
        </button>
      ),
    },
    {
      title: t('clearance.unit'),
      key: 'unit',
      width: 140,
      responsive: ['md'],
      render: (_v, h) => h.unitName ?? <span className="muted">—</span>,
    },
    {
      title: t('clearance.consent'),
      key: 'status',
      width: 190,
      render: (_v, h) => (
        <span>
          <ConsentTag status={h.status} />
          {h.statusOn ? <span className="muted">{formatDate(h.statusOn)}</span> : null}
        </span>
      ),
    },
    {
      title: t('clearance.lastVisit'),
      key: 'visits',
      width: 150,
      responsive: ['xxl'],
      render: (_v, h) =>
        h.lastVisitOn ? (
          `${formatDate(h.lastVisitOn)} (${h.visits})`
        ) : (
          <span className="muted">{t('clearance.noVisit')}</span>
        ),
    },
  ];
  return (
    <Card
      title={<h2 className="card-title">{t('clearance.households')}</h2>}
      extra={
        detail.permissions.manage ? (
          <Button icon={<PlusOutlined aria-hidden />} onClick={onAdd}>
            {t('clearance.addHousehold')}
          </Button>
        ) : null
      }
    >
      <Flex gap={8} wrap className="clearance-filters">
        <Select<ConsentStatus>
          allowClear
          value={status ?? undefined}
          onChange={(v) => {
            setStatus(v ?? null);
            setPage(1);
          }}
          placeholder={t('clearance.statusFilter')}
          aria-label={t('clearance.statusFilter')}
          options={CONSENT_STATUSES.map((s) => ({ value: s, label: t(`clearance.status.${s}`) }))}
          className="clearance-status-filter"
        />
        <SearchBox
          className="clearance-search"
          label={t('clearance.searchHousehold')}
          value={q}
          onSearch={(text) => {
            setQ(text ?? '');
            setPage(1);
          }}
        />
      </Flex>
      <ListTable<Household>
        label={t('clearance.households')}
        rowKey="id"
        columns={columns}
        rows={list.data?.items ?? []}
        loading={list.isFetching}
        cardsOnPhone
        pagination={{
          current: page,
          pageSize: 50,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        emptyText={list.isError ? errorText(list.error, t) : t('clearance.noHouseholds')}
      />
      {detail.project.summary.households > detail.project.summary.registered ? (
        <Typography.Paragraph type="secondary" className="clearance-note">
          {t('clearance.notAllRegistered', {
            registered: detail.project.summary.registered,
            households: detail.project.summary.households,
          })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
