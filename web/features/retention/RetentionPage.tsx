import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, InputNumber, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.ts';
import type { Body, Item, Ok } from '../../lib/contract.ts';
import { ListTable, type ListColumns } from '../../ui/ListTable.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { errorText } from '../../ui/errors.ts';

type Rule = Item<Ok<'/api/retention-rules'>>;
const KEY = ['retention-rules'];

/** "Quản trị › Lưu giữ dữ liệu cá nhân": per kind of record, how many months its personal fields are kept after it
 * ends; a daily job erases them afterwards, also from the audit log's values (Decree 13/2023). */
export function RetentionPage() {
  const { t } = useTranslation();
  const rules = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api<Ok<'/api/retention-rules'>>('/api/retention-rules', { signal }),
  });
  // On phones each kind of record is a card: its name, its personal fields, and the period with its button.
  const columns: ListColumns<Rule> = [
    { title: t('retention.kind'), dataIndex: 'name', key: 'name', phone: 'title' },
    {
      title: t('retention.fields'),
      key: 'fields',
      render: (_, r) => r.fields.map((f) => t(`retention.field.${f}`, { defaultValue: f })).join(', '),
    },
    {
      title: t('retention.period'),
      key: 'months',
      width: 420,
      phone: 'actions',
      render: (_, r) => <RuleEditor rule={r} />,
    },
  ];
  return (
    <div>
      <PageHeader title={t('retention.title')} description={t('retention.intro')} />
      <Card>
        {rules.isError ? <Typography.Text type="danger">{errorText(rules.error, t)}</Typography.Text> : null}
        <ListTable<Rule>
          label={t('retention.title')}
          rowKey="kind"
          columns={columns}
          rows={rules.data ?? []}
          loading={rules.isLoading}
          pagination={false}
          emptyText={rules.isLoading ? t('common.loading') : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          cardsOnPhone
        />
      </Card>
    </div>
  );
}

function RuleEditor({ rule }: { rule: Rule }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [keep, setKeep] = useState(rule.months === null);
  const [months, setMonths] = useState<number | null>(rule.months ?? 24);
  const save = useMutation({
    mutationFn: () => {
      const body: Body<'/api/retention-rules/{kind}', 'put'> = { version: rule.version, months: keep ? null : months };
      return api<Ok<'/api/retention-rules/{kind}', 'put'>>(`/api/retention-rules/${rule.kind}`, {
        method: 'PUT',
        body,
      });
    },
    onSuccess: (r) => {
      void message.success(t('retention.saved', { name: r.name }));
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  const changed = (keep ? null : months) !== rule.months;
  return (
    <Flex gap={8} align="center" wrap>
      <InputNumber
        min={1}
        max={1200}
        value={months}
        disabled={keep}
        onChange={(v) => setMonths(v)}
        suffix={t('retention.months')}
        style={{ width: 130 }}
        aria-label={t('retention.periodOf', { name: rule.name })}
      />
      <Switch size="small" checked={keep} onChange={setKeep} aria-label={t('retention.keepOf', { name: rule.name })} />
      <span>{t('retention.keep')}</span>
      <Button
        size="small"
        type="primary"
        disabled={!changed || (!keep && !months)}
        loading={save.isPending}
        onClick={() => save.mutate()}
      >
        {t('common.save')}
      </Button>
    </Flex>
  );
}
