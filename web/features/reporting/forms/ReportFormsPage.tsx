import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ListPage } from '../../../ui/ListPage.tsx';
import type { ListColumns } from '../../../ui/ListTable.tsx';
import { useListQuery } from '../../../ui/useListQuery.ts';
import { useMe } from '../../auth/session.ts';
import { useHoldsPermission } from '../../roles/useHoldsPermission.ts';
import { reportFormPath } from '../setup.paths.ts';
import { formsListKey, listReportForms, type FormSummary } from './forms.api.ts';
import { ReportFormPage } from './ReportFormPage.tsx';
import { VersionDrawer } from './VersionDrawer.tsx';
import './forms.css';

/** /bao-cao/mau: the list of report forms; /bao-cao/mau/:id: one form with its versions. */
export function ReportFormsRoute() {
  const { id } = useParams<{ id?: string }>();
  return id ? <ReportFormPage id={id} /> : <ReportFormsPage />;
}

/** "Báo cáo › Mẫu báo cáo": every form with the version in force today. */
function ReportFormsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = useHoldsPermission(me, 'reporting.manage');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useListQuery({
    filters: () => ({}),
    queryKey: () => formsListKey,
    queryFn: async (_f, _p, signal) => (await listReportForms(signal)).items,
    pageSize: 50,
  });

  const columns: ListColumns<FormSummary> = [
    {
      title: t('reportForms.name'),
      key: 'name',
      phone: 'title',
      render: (_v, f) => <Link to={reportFormPath(f.id)}>{f.name}</Link>,
    },
    {
      title: t('reportForms.code'),
      key: 'code',
      width: 150,
      render: (_v, f) => <span className="indicator-code">{f.code}</span>,
    },
    {
      title: t('reportForms.periodType'),
      key: 'periodType',
      width: 150,
      render: (_v, f) => t(`reportForms.periodTypes.${f.periodType}`),
    },
    {
      title: t('reportForms.current'),
      key: 'current',
      width: 320,
      render: (_v, f) =>
        f.current
          ? t('reportForms.currentLine', { count: f.current.indicators.length, due: f.current.dueDays })
          : t('reportForms.noCurrent'),
    },
  ];

  return (
    <ListPage<FormSummary>
      title={t('reportForms.title')}
      description={t('reportForms.intro')}
      actions={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('reportForms.add')}
          </Button>
        ) : null
      }
      list={list}
      columns={columns}
      cardsOnPhone
      emptyText={t('reportForms.empty')}
    >
      <VersionDrawer
        task={creating ? { kind: 'createForm' } : null}
        onClose={() => setCreating(false)}
        onSaved={(f) => void navigate(reportFormPath(f.id))}
      />
    </ListPage>
  );
}
