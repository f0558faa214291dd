import { WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatDateTime } from '../../lib/format.ts';
import { ListPage } from '../../ui/ListPage.tsx';
import type { ListColumns } from '../../ui/ListTable.tsx';
import { useListQuery } from '../../ui/useListQuery.ts';
import {
  formPeriodsKey,
  formsKey,
  listFormPeriods,
  listForms,
  listSubmissions,
  submissionsKey,
  type SubmissionStatus,
  type SubmissionSummary,
} from './reporting.api.ts';
import { reviewPath } from './reporting.paths.ts';
import { LateDate, StatusCell } from './StatusTag.tsx';
import { SubmissionPage } from './SubmissionPage.tsx';
import './reporting.css';

const STATUSES: SubmissionStatus[] = ['submitted', 'returned', 'approved', 'draft'];

/** "/bao-cao/duyet": the reports I review; "/bao-cao/duyet/:id": one of them, with approve and return. */
export function ReviewRoute() {
  const { id } = useParams();
  return id ? <SubmissionPage id={id} mode="review" /> : <ReviewList />;
}

type Filters = { form?: string; period?: string; status?: SubmissionStatus };
const isStatus = (v: string | null): v is SubmissionStatus => STATUSES.includes(v as SubmissionStatus);

function ReviewList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListQuery<Filters, SubmissionSummary>({
    filters: (p) => {
      const status = p.get('trangthai');
      return {
        form: p.get('mau') ?? undefined,
        period: p.get('ky') ?? undefined,
        status: isStatus(status) ? status : undefined,
      };
    },
    queryKey: (f, paging) => submissionsKey({ ...f, ...paging }),
    queryFn: (f, paging, signal) => listSubmissions({ ...f, ...paging }, signal),
  });
  const forms = useQuery({ queryKey: formsKey, queryFn: ({ signal }) => listForms(signal), staleTime: 60_000 });
  const formId = list.filters.form;
  const periods = useQuery({
    queryKey: formPeriodsKey(formId ?? ''),
    queryFn: ({ signal }) => listFormPeriods(formId!, signal),
    enabled: !!formId,
    staleTime: 60_000,
  });

  const columns: ListColumns<SubmissionSummary> = [
    {
      key: 'report',
      title: t('reporting.col.report'),
      phone: 'title',
      render: (_, r) => (
        <Link to={reviewPath(r.id)}>
          <span className="report-name">{r.form.name}</span>
          <br />
          <Typography.Text type="secondary">{r.periodLabel}</Typography.Text>
        </Link>
      ),
    },
    { key: 'unit', title: t('reporting.col.unit'), width: 220, render: (_, r) => r.body?.name ?? r.unit.name },
    {
      key: 'submitted',
      title: t('reporting.col.submitted'),
      width: 170,
      render: (_, r) => <LateDate text={formatDateTime(r.submittedAt)} late={r.late} />,
    },
    {
      key: 'status',
      title: t('reporting.col.status'),
      width: 200,
      render: (_, r) => (
        <StatusCell status={r.status} returnReason={r.returnReason}>
          {r.conflicts > 0 ? (
            <Tag color="orange" icon={<WarningOutlined aria-hidden />}>
              {t('reporting.conflicts.count', { count: r.conflicts })}
            </Tag>
          ) : null}
        </StatusCell>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      render: (_, r) => (
        <Button
          size="small"
          type={r.status === 'submitted' ? 'primary' : 'default'}
          onClick={() => void navigate(reviewPath(r.id))}
          aria-label={`${r.status === 'submitted' ? t('reporting.review.open') : t('reporting.view')}: ${r.form.name}, ${r.periodLabel}, ${r.body?.name ?? r.unit.name}`}
        >
          {r.status === 'submitted' ? t('reporting.review.open') : t('reporting.view')}
        </Button>
      ),
    },
  ];

  return (
    <ListPage<SubmissionSummary>
      title={t('reporting.review.title')}
      description={t('reporting.review.intro')}
      list={list}
      columns={columns}
      cardsOnPhone
      emptyText={t('reporting.review.empty')}
      filters={
        <>
          <Select
            aria-label={t('reporting.col.form')}
            placeholder={t('reporting.col.form')}
            allowClear
            value={formId ?? null}
            options={(forms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
            onChange={(v: string | null) => list.setFilters({ mau: v, ky: null })}
            style={{ minWidth: 220 }}
          />
          {/* The periods are the chosen form's. */}
          {formId ? (
            <Select
              aria-label={t('reporting.col.period')}
              placeholder={t('reporting.col.period')}
              allowClear
              value={list.filters.period ?? null}
              options={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: p.label }))}
              onChange={(v: string | null) => list.setFilters({ ky: v })}
              style={{ minWidth: 160 }}
            />
          ) : null}
          <Select
            aria-label={t('reporting.col.status')}
            placeholder={t('reporting.col.status')}
            allowClear
            value={list.filters.status ?? null}
            options={STATUSES.map((s) => ({ value: s, label: t(`reporting.status.${s}`) }))}
            onChange={(v: string | null) => list.setFilters({ trangthai: v })}
            style={{ minWidth: 150 }}
          />
        </>
      }
    />
  );
}
