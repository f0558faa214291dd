import { EditOutlined, EyeOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { errorText } from '../../ui/errors.ts';
import { ListPage } from '../../ui/ListPage.tsx';
import type { ListColumns } from '../../ui/ListTable.tsx';
import { useListQuery } from '../../ui/useListQuery.ts';
import { ImportDrawer } from './ImportDrawer.tsx';
import { createSubmission, listMyReports, myReportsKey, REPORTING_KEY, type MyReport } from './reporting.api.ts';
import { reportPath } from './reporting.paths.ts';
import { LateDate, StatusCell } from './StatusTag.tsx';
import { SubmissionPage } from './SubmissionPage.tsx';
import './reporting.css';

/** "/bao-cao": the reports due from me; "/bao-cao/:id": one of them, to enter. */
export function MyReportsRoute() {
  const { id } = useParams();
  return id ? <SubmissionPage id={id} mode="entry" /> : <MyReportsPage />;
}

const keyOf = (r: MyReport) => `${r.form.id}|${r.period.id}|${r.unit.id}|${r.body?.id ?? ''}`;

/** Each report I must make now: its period, unit or body, due date and state; a button opens it (or starts it). */
function MyReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [opening, setOpening] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const list = useListQuery<Record<string, never>, MyReport>({
    filters: () => ({}),
    queryKey: () => myReportsKey,
    queryFn: (_f, _p, signal) => listMyReports(signal).then((r) => r.items),
  });

  const open = async (row: MyReport) => {
    if (row.submission) return navigate(reportPath(row.submission.id));
    setOpening(keyOf(row));
    try {
      const created = await createSubmission({
        formId: row.form.id,
        periodId: row.period.id,
        unitId: row.unit.id,
        bodyId: row.body?.id,
      });
      void queryClient.invalidateQueries({ queryKey: REPORTING_KEY });
      await navigate(reportPath(created.id));
    } catch (err) {
      // Someone of my unit started it meanwhile: open theirs.
      if (isApiError(err) && err.status === 409) {
        const fresh = await queryClient.fetchQuery({ queryKey: myReportsKey, queryFn: () => listMyReports() });
        const again = fresh.items.find((r) => keyOf(r) === keyOf(row));
        if (again?.submission) return navigate(reportPath(again.submission.id));
      }
      void message.error(errorText(err, t));
    } finally {
      setOpening(null);
    }
  };

  const columns: ListColumns<MyReport> = [
    {
      key: 'report',
      title: t('reporting.col.report'),
      phone: 'title',
      render: (_, r) => (
        <div>
          <div className="report-name">{r.form.name}</div>
          <Typography.Text type="secondary">{r.period.label}</Typography.Text>
        </div>
      ),
    },
    {
      key: 'unit',
      title: t('reporting.col.unit'),
      width: 220,
      render: (_, r) => r.body?.name ?? r.unit.name,
    },
    {
      key: 'due',
      title: t('reporting.col.due'),
      width: 130,
      render: (_, r) => <LateDate text={formatDate(r.period.due)} late={r.late} />,
    },
    {
      key: 'status',
      title: t('reporting.col.status'),
      width: 200,
      render: (_, r) => <StatusCell status={r.submission?.status ?? null} returnReason={r.submission?.returnReason} />,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_, r) => {
        const editable = !r.submission || r.submission.status === 'draft' || r.submission.status === 'returned';
        return (
          <Button
            type={editable ? 'primary' : 'default'}
            size="small"
            icon={editable ? <EditOutlined aria-hidden /> : <EyeOutlined aria-hidden />}
            loading={opening === keyOf(r)}
            onClick={() => void open(r)}
            aria-label={`${editable ? t('reporting.enter') : t('reporting.view')}: ${r.form.name}, ${r.period.label}`}
          >
            {editable ? t('reporting.enter') : t('reporting.view')}
          </Button>
        );
      },
    },
  ];

  return (
    <>
      <ListPage<MyReport>
        title={t('reporting.mine.title')}
        description={t('reporting.mine.intro')}
        actions={
          <Button icon={<FileExcelOutlined aria-hidden />} onClick={() => setImporting(true)}>
            {t('reporting.import.button')}
          </Button>
        }
        list={list}
        columns={columns}
        cardsOnPhone
        rowKey={keyOf}
        emptyText={t('reporting.mine.empty')}
      />
      <ImportDrawer open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
