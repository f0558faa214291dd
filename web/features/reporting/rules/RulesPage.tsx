import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../ui/errors.ts';
import { ListPage } from '../../../ui/ListPage.tsx';
import type { ListColumns } from '../../../ui/ListTable.tsx';
import { useListQuery } from '../../../ui/useListQuery.ts';
import { useMe } from '../../auth/session.ts';
import { useHoldsPermission } from '../../roles/useHoldsPermission.ts';
import '../indicators/indicators.css';
import { RuleDrawer } from './RuleDrawer.tsx';
import { ruleSentence, useRuleNames } from './ruleNames.ts';
import { deleteRule, listRules, ruleListKey, RULES_KEY, type Rule } from './rules.api.ts';
import './rules.css';

/** "Báo cáo › Quy tắc kiểm tra": the checks a report's values go through before it is sent, each a warning or a
 * block, filtered by form; those who manage reporting add, change and delete them. */
export function RulesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = useHoldsPermission(me, 'reporting.manage');
  const names = useRuleNames();
  const list = useListQuery({
    filters: (params) => ({ form: params.get('mau') }),
    queryKey: (f) => ruleListKey(f),
    queryFn: async (f, _paging, signal) => (await listRules({ form: f.form }, signal)).items,
    pageSize: 50,
  });
  const [open, setOpen] = useState<Rule | 'new' | null>(null);
  const indicatorName = (id: string) => names.indicators.find((i) => i.id === id)?.name ?? '…';
  const formName = (id: string | null) =>
    id === null ? t('reportingRules.everyForm') : (names.forms.find((f) => f.id === id)?.name ?? '…');

  const columns: ListColumns<Rule> = [
    {
      title: t('reportingRules.rule'),
      key: 'rule',
      phone: 'title',
      render: (_v, r) => {
        const sentence = ruleSentence(r, indicatorName, t);
        return canManage ? (
          <Button type="link" className="rule-link" onClick={() => setOpen(r)}>
            {sentence}
          </Button>
        ) : (
          sentence
        );
      },
    },
    {
      title: t('reportingRules.severity'),
      key: 'severity',
      width: 120,
      render: (_v, r) => (
        <Tag color={r.severity === 'blocking' ? 'red' : 'orange'}>{t(`reportingRules.severities.${r.severity}`)}</Tag>
      ),
    },
    { title: t('reportingRules.form'), key: 'form', width: 260, render: (_v, r) => formName(r.formId) },
    {
      title: t('reportingRules.message'),
      key: 'message',
      responsive: ['lg'],
      render: (_v, r) => r.message ?? '',
    },
    ...(canManage
      ? [{ title: '', key: 'actions', width: 64, render: (_v: unknown, r: Rule) => <RemoveRule rule={r} /> }]
      : []),
  ];

  return (
    <ListPage<Rule>
      title={t('reportingRules.title')}
      description={t('reportingRules.intro')}
      actions={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen('new')}>
            {t('reportingRules.add')}
          </Button>
        ) : null
      }
      filters={
        <Select
          className="rule-form-filter"
          allowClear
          aria-label={t('reportingRules.form')}
          placeholder={t('reportingRules.allForms')}
          value={list.filters.form}
          onChange={(v: string | undefined) => list.setFilters({ mau: v ?? null })}
          options={names.forms.map((f) => ({ value: f.id, label: f.name }))}
        />
      }
      list={list}
      columns={columns}
      cardsOnPhone
      emptyText={list.filters.form ? t('reportingRules.noMatch') : t('reportingRules.empty')}
    >
      <RuleDrawer rule={open} onClose={() => setOpen(null)} />
    </ListPage>
  );
}

/** Xóa in the rule's row, after a question naming it; a stale row (changed meanwhile) is refused with the reason. */
function RemoveRule({ rule }: { rule: Rule }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const names = useRuleNames();
  const sentence = ruleSentence(rule, (id) => names.indicators.find((i) => i.id === id)?.name ?? '…', t);
  const remove = useMutation({
    mutationFn: () => deleteRule(rule.id, rule.version),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: RULES_KEY });
      void message.success(t('reportingRules.deleted'));
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  return (
    <Popconfirm
      title={t('reportingRules.deleteConfirm', { rule: sentence })}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={() => remove.mutate()}
    >
      <Button
        danger
        type="text"
        icon={<DeleteOutlined aria-hidden />}
        loading={remove.isPending}
        aria-label={t('reportingRules.deleteLabel', { rule: sentence })}
      />
    </Popconfirm>
  );
}
