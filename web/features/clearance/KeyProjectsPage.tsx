import { Progress, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatDate } from '../../lib/format.ts';
import { ListPage } from '../../ui/ListPage.tsx';
import type { ListColumns } from '../../ui/ListTable.tsx';
import { ListSearch } from '../../ui/SearchBox.tsx';
import { useListQuery } from '../../ui/useListQuery.ts';
import { listProjects, projectPath, projectsKey, SCHEDULE_COLOR, type KeyProject } from './clearance.api.ts';
import { ProjectFormModal } from './ProjectFormModal.tsx';
import { ProjectPage } from './ProjectPage.tsx';
import './clearance.css';

/** "Dự án trọng điểm": the key projects with their consent and schedule, or one project's page (/du-an-trong-diem/:id). */
export function KeyProjectsPage() {
  const { id } = useParams();
  return id ? <ProjectPage id={id} /> : <ProjectList />;
}

/** "32/40 hộ (80%)" with a bar against the line the schedule expects. */
export function ConsentFigure({ summary }: { summary: KeyProject['summary'] }) {
  const { t } = useTranslation();
  return (
    <div className="clearance-consent">
      <span>
        {t('clearance.consentOf', { consented: summary.consented, households: summary.households })}
        {summary.consentPercent !== null ? ` (${formatPercent(summary.consentPercent)})` : ''}
      </span>
      <Progress
        percent={summary.consentPercent ?? 0}
        success={{ percent: summary.handedOverPercent ?? 0 }}
        showInfo={false}
        size="small"
        aria-label={t('clearance.consentBar', {
          percent: formatPercent(summary.consentPercent ?? 0),
          expected: formatPercent(summary.expectedPercent),
        })}
      />
    </div>
  );
}

export const formatPercent = (n: number) => `${n.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;

export function ScheduleTag({ status }: { status: KeyProject['summary']['status'] }) {
  const { t } = useTranslation();
  return <Tag color={SCHEDULE_COLOR[status]}>{t(`clearance.schedule.${status}`)}</Tag>;
}

function ProjectList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListQuery({
    filters: (params) => ({ q: params.get('q') || null }),
    queryKey: (filters, paging) => projectsKey({ ...filters, ...paging }),
    queryFn: (filters, paging, signal) => listProjects({ ...filters, ...paging }, signal),
    pageParams: { page: 'trang', pageSize: 'so' },
    pageSizes: [20, 50, 100],
  });
  const [creating, setCreating] = useState(false);

  const columns: ListColumns<KeyProject> = [
    {
      title: t('clearance.project'),
      key: 'name',
      phone: 'title',
      render: (_v, p) => (
        <div>
          <Link to={projectPath(p.id)} className="clearance-link">
            {p.name}
          </Link>
          <div className="clearance-sub">
            {p.code} · {p.bodyName}
          </div>
        </div>
      ),
    },
    {
      title: t('clearance.consent'),
      key: 'consent',
      width: 220,
      render: (_v, p) => <ConsentFigure summary={p.summary} />,
    },
    {
      title: t('clearance.scheduleColumn'),
      key: 'status',
      width: 150,
      render: (_v, p) => <ScheduleTag status={p.summary.status} />,
    },
    {
      title: t('clearance.plannedCompletion'),
      key: 'planned',
      width: 130,
      responsive: ['md'],
      phone: 'line',
      render: (_v, p) => <span className="list-nowrap">{formatDate(p.plannedCompletionDate)}</span>,
    },
    {
      title: t('clearance.visits30'),
      key: 'visits',
      width: 110,
      align: 'right',
      responsive: ['lg'],
      render: (_v, p) => p.summary.visitsLast30Days,
    },
    {
      title: t('clearance.dialogues'),
      key: 'dialogues',
      width: 100,
      align: 'right',
      responsive: ['lg'],
      render: (_v, p) => p.summary.dialogues,
    },
    {
      title: t('clearance.openPetitions'),
      key: 'petitions',
      width: 110,
      align: 'right',
      responsive: ['lg'],
      render: (_v, p) => p.summary.openPetitions,
    },
  ];

  return (
    <ListPage<KeyProject>
      title={t('clearance.title')}
      description={t('clearance.intro')}
      onAdd={() => setCreating(true)}
      filters={<ListSearch list={list} className="table-search clearance-search" label={t('clearance.search')} />}
      list={list}
      columns={columns}
      cardsOnPhone
      onRow={(p) => ({ onDoubleClick: () => void navigate(projectPath(p.id)) })}
      emptyText={t('clearance.empty')}
    >
      <ProjectFormModal
        open={creating}
        detail={null}
        onClose={() => setCreating(false)}
        onSaved={(d) => {
          setCreating(false);
          void navigate(projectPath(d.project.id));
        }}
      />
    </ListPage>
  );
}
