import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Select, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { errorText } from '../../ui/errors.ts';
import { ListTable, type ListColumns } from '../../ui/ListTable.tsx';
import {
  completenessKey,
  formPeriodsKey,
  formsKey,
  getCompleteness,
  listFormPeriods,
  listForms,
  remind,
  type Completeness,
  type CompletenessStatus,
} from './reporting.api.ts';

type Item = Completeness['items'][number];
type Props = {
  unit: string;
  form: string | null;
  period: string | null;
  onChange: (next: { form?: string | null; period?: string | null }) => void;
};

const COLOR: Record<CompletenessStatus, string> = {
  on_time: 'green',
  late: 'orange',
  missing: 'red',
  draft: 'blue',
  returned: 'volcano',
};

/** Who of the unit's subtree sent a form's report for a period: on time, late, not at all; "Nhắc" the missing. */
export function CompletenessTab({ unit, form, period, onChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const forms = useQuery({ queryKey: formsKey, queryFn: ({ signal }) => listForms(signal), staleTime: 60_000 });
  const formId = form ?? forms.data?.items[0]?.id ?? null;
  const periods = useQuery({
    queryKey: formPeriodsKey(formId ?? ''),
    queryFn: ({ signal }) => listFormPeriods(formId!, signal),
    enabled: !!formId,
    staleTime: 60_000,
  });
  const periodId = period ?? periods.data?.items[0]?.id ?? null;
  const q = { form: formId ?? '', period: periodId ?? '', unit };
  const result = useQuery({
    queryKey: completenessKey(q),
    queryFn: ({ signal }) => getCompleteness(q, signal),
    enabled: !!formId && !!periodId && !!unit,
    refetchInterval: 15_000,
  });
  const reminding = useMutation({
    mutationFn: (item: Item) => remind({ formId: formId!, periodId: periodId!, unitId: item.unit.id }),
    onSuccess: (r) => void message.success(t('reporting.completeness.reminded', { count: r.notified })),
    onError: (err) => void message.error(errorText(err, t)),
  });

  const columns: ListColumns<Item> = [
    { key: 'unit', title: t('reporting.col.unit'), phone: 'title', render: (_, i) => i.body?.name ?? i.unit.name },
    {
      key: 'status',
      title: t('reporting.col.status'),
      width: 160,
      render: (_, i) => <Tag color={COLOR[i.status]}>{t(`reporting.completeness.${i.status}`)}</Tag>,
    },
    {
      key: 'submitted',
      title: t('reporting.col.submitted'),
      width: 170,
      render: (_, i) => formatDateTime(i.submittedAt),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      render: (_, i) =>
        i.status === 'on_time' || i.status === 'late' ? null : (
          <Button
            size="small"
            icon={<BellOutlined aria-hidden />}
            loading={reminding.isPending && reminding.variables?.unit.id === i.unit.id}
            onClick={() => reminding.mutate(i)}
            aria-label={`${t('reporting.completeness.remind')}: ${i.body?.name ?? i.unit.name}`}
          >
            {t('reporting.completeness.remind')}
          </Button>
        ),
    },
  ];

  const data = result.data;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap className="dashboard-filters">
        <Select
          aria-label={t('reporting.col.form')}
          value={formId}
          options={(forms.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
          onChange={(v: string) => onChange({ form: v, period: null })}
          style={{ minWidth: 220 }}
        />
        <Select
          aria-label={t('reporting.col.period')}
          value={periodId}
          options={(periods.data?.items ?? []).map((p) => ({ value: p.id, label: p.label }))}
          onChange={(v: string) => onChange({ period: v })}
          style={{ minWidth: 160 }}
        />
      </Flex>
      {data ? (
        <Flex gap={24} wrap className="completeness-figures">
          <Statistic title={t('reporting.completeness.expected')} value={data.expected} />
          <Statistic title={t('reporting.completeness.on_time')} value={data.onTime} />
          <Statistic title={t('reporting.completeness.late')} value={data.late} />
          <Statistic title={t('reporting.completeness.missing')} value={data.missing} />
        </Flex>
      ) : null}
      <ListTable<Item>
        label={t('reporting.completeness.title')}
        columns={columns}
        rows={data?.items ?? []}
        rowKey={(i) => `${i.unit.id}|${i.body?.id ?? ''}`}
        loading={result.isFetching}
        pagination={false}
        cardsOnPhone
        emptyText={
          result.isError ? (
            errorText(result.error, t)
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reporting.completeness.empty')} />
          )
        }
      />
    </Flex>
  );
}
