import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Grid, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { errorText } from '../../../ui/errors.ts';
import { useMe } from '../../auth/session.ts';
import { KINDS_KEY, listKinds } from '../../bodies/bodies.api.ts';
import { useHoldsPermission } from '../../roles/useHoldsPermission.ts';
import { REPORT_FORMS_PATH } from '../setup.paths.ts';
import { formKey, getReportForm, listUnitKinds, UNIT_KINDS_KEY, type FormVersion } from './forms.api.ts';
import { PeriodsCard } from './PeriodsCard.tsx';
import { VersionDrawer, type VersionTask } from './VersionDrawer.tsx';

/** One report form: its periods, and its versions (the latest first), each with who submits, when, its sections and
 * its indicators in order. Those who manage reporting correct a version or start a new one from a date. */
export function ReportFormPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = useHoldsPermission(me, 'reporting.manage');
  const [task, setTask] = useState<VersionTask | null>(null);
  const form = useQuery({ queryKey: formKey(id), queryFn: ({ signal }) => getReportForm(id, signal) });

  const back = (
    <Link to={REPORT_FORMS_PATH}>
      <ArrowLeftOutlined aria-hidden /> {t('reportForms.title')}
    </Link>
  );
  if (form.isPending) return <Spin />;
  if (form.isError)
    return (
      <>
        {back}
        <Alert type="error" showIcon title={errorText(form.error, t)} />
      </>
    );
  const f = form.data;
  const current = f.versions.find((v) => v.validTo === null) ?? f.versions[0] ?? null;

  return (
    <>
      {back}
      <PageHeader
        title={f.name}
        description={
          <>
            <span className="indicator-code">{f.code}</span> · {t(`reportForms.periodTypes.${f.periodType}`)}
          </>
        }
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setTask({ kind: 'newVersion', form: f, from: current })}
            >
              {t('reportForms.newVersion')}
            </Button>
          ) : null
        }
      />
      <PeriodsCard formId={f.id} />
      {f.versions.map((v) => (
        <VersionCard
          key={v.id}
          version={v}
          current={v === current}
          onEdit={canManage ? () => setTask({ kind: 'editVersion', form: f, version: v }) : undefined}
        />
      ))}
      <VersionDrawer task={task} onClose={() => setTask(null)} />
    </>
  );
}

/** The day before a version's end (its last day in force). */
function lastDay(validTo: string): string {
  const d = new Date(`${validTo}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function VersionCard({ version: v, current, onEdit }: { version: FormVersion; current: boolean; onEdit?: () => void }) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const unitKinds = useQuery({
    queryKey: UNIT_KINDS_KEY,
    queryFn: ({ signal }) => listUnitKinds(signal),
    staleTime: 600_000,
  });
  const bodyKinds = useQuery({ queryKey: KINDS_KEY, queryFn: listKinds, staleTime: 600_000 });
  const unitName = (code: string) => unitKinds.data?.find((k) => k.code === code)?.name ?? code;
  const bodyName = (code: string) => bodyKinds.data?.find((k) => k.code === code)?.name ?? code;
  const from = v.validFrom ? formatDate(v.validFrom) : t('reportForms.sinceEver');
  const to = v.validTo ? formatDate(lastDay(v.validTo)) : t('reportForms.untilNow');
  return (
    <Card
      className="report-form-card"
      title={
        <Flex gap={8} align="center" wrap>
          {t('reportForms.versionTitle', { from, to })}
          {current ? <Tag color="green">{t('reportForms.inForce')}</Tag> : null}
        </Flex>
      }
      extra={
        onEdit ? (
          <Button icon={<EditOutlined aria-hidden />} onClick={onEdit}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'submitter', label: t('reportForms.submitter'), children: t(`reportForms.submitters.${v.submitter}`) },
          {
            key: 'who',
            label: t('reportForms.who'),
            children: [...v.unitKinds.map(unitName), ...v.bodyKinds.map(bodyName)].join(', ') || '—',
          },
          {
            key: 'window',
            label: t('reportForms.window'),
            children:
              v.windowDay === null
                ? t('reportForms.calendar')
                : t('reportForms.windowLine', { from: v.windowDay, to: v.windowDay - 1 }),
          },
          {
            key: 'due',
            label: t('reportForms.deadlines'),
            children:
              t('reportForms.dueLine', { count: v.dueDays }) +
              ' · ' +
              (v.lockDays === null ? t('reportForms.noLock') : t('reportForms.lockLine', { count: v.lockDays })),
          },
          {
            key: 'sections',
            label: t('reportForms.sections'),
            span: 'filled',
            children: v.sections.length ? v.sections.map((s) => s.title).join(' · ') : '—',
          },
        ]}
      />
      {wide ? (
        <Table
          className="report-form-indicators"
          size="small"
          rowKey="indicatorId"
          pagination={false}
          dataSource={v.indicators}
          scroll={{ x: 480 }}
          columns={[
            { title: '#', key: 'position', dataIndex: 'position', width: 48 },
            {
              title: t('indicators.code'),
              key: 'code',
              width: 140,
              render: (_x, i) => <span className="indicator-code">{i.code}</span>,
            },
            { title: t('indicators.name'), key: 'name', dataIndex: 'name' },
            { title: t('indicators.measure'), key: 'measure', width: 100, render: (_x, i) => i.measure ?? '' },
            {
              title: t('reportForms.required'),
              key: 'required',
              width: 110,
              render: (_x, i) => (i.required ? <Tag color="orange">{t('reportForms.required')}</Tag> : null),
            },
          ]}
        />
      ) : (
        // On a phone the indicators are a numbered list: a table of five columns would scroll sideways.
        <ol className="report-form-indicator-list">
          {v.indicators.map((i) => (
            <li key={i.indicatorId}>
              <span className="indicator-code">{i.code}</span> {i.name}
              {i.measure ? <Typography.Text type="secondary"> ({i.measure})</Typography.Text> : null}{' '}
              {i.required ? <Tag color="orange">{t('reportForms.required')}</Tag> : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
