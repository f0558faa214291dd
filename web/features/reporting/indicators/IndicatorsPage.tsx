import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../../../ui/ListPage.tsx';
import type { ListColumns } from '../../../ui/ListTable.tsx';
import { SearchBox } from '../../../ui/SearchBox.tsx';
import { useListQuery } from '../../../ui/useListQuery.ts';
import { useMe } from '../../auth/session.ts';
import { useHoldsPermission } from '../../roles/useHoldsPermission.ts';
import { IndicatorDrawer } from './IndicatorDrawer.tsx';
import {
  INDICATOR_KINDS,
  indicatorListKey,
  listIndicatorsBy,
  type Indicator,
  type IndicatorKind,
} from './indicators.api.ts';
import './indicators.css';

const isKind = (s: string | null): s is IndicatorKind => INDICATOR_KINDS.includes(s as IndicatorKind);

/** "Báo cáo › Chỉ tiêu": the indicators every report is made of, searched by code or name without diacritics; those
 * who manage reporting add and change them in a drawer. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = useHoldsPermission(me, 'reporting.manage');
  const list = useListQuery({
    filters: (params) => {
      const kind = params.get('loai');
      return { q: params.get('q') ?? '', kind: isKind(kind) ? kind : null };
    },
    queryKey: (f) => indicatorListKey(f),
    queryFn: async (f, _paging, signal) => (await listIndicatorsBy({ q: f.q || null, kind: f.kind }, signal)).items,
    pageSize: 50,
  });
  const { q, kind } = list.filters;
  // null: closed; 'new': adding; an indicator: editing it.
  const [open, setOpen] = useState<Indicator | 'new' | null>(null);

  const columns: ListColumns<Indicator> = [
    {
      title: t('indicators.code'),
      key: 'code',
      width: 150,
      phone: 'title',
      render: (_v, i) =>
        canManage ? (
          <Button type="link" className="indicator-code-link" onClick={() => setOpen(i)}>
            <span className="indicator-code">{i.code}</span>
          </Button>
        ) : (
          <span className="indicator-code">{i.code}</span>
        ),
    },
    { title: t('indicators.name'), key: 'name', dataIndex: 'name' },
    { title: t('indicators.measure'), key: 'measure', width: 110, render: (_v, i) => i.measure ?? '' },
    {
      title: t('indicators.valueType'),
      key: 'valueType',
      width: 130,
      responsive: ['md'],
      render: (_v, i) => t(`indicators.valueTypes.${i.valueType}`),
    },
    {
      title: t('indicators.kind'),
      key: 'kind',
      width: 240,
      render: (_v, i) => <KindCell indicator={i} />,
    },
    {
      title: t('indicators.aggregation'),
      key: 'aggregation',
      width: 200,
      responsive: ['xxl'],
      render: (_v, i) =>
        t('indicators.aggregationLine', {
          tree: t(`indicators.tree.${i.treeAggregation}`),
          time: t(`indicators.time.${i.timeAggregation}`),
        }),
    },
  ];

  return (
    <ListPage<Indicator>
      title={t('indicators.title')}
      description={t('indicators.intro')}
      actions={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen('new')}>
            {t('indicators.add')}
          </Button>
        ) : null
      }
      filters={
        <>
          <SearchBox
            label={t('indicators.searchLabel')}
            placeholder={t('indicators.searchPlaceholder')}
            value={q}
            onSearch={(text) => list.setFilters({ q: text })}
          />
          <Select
            className="indicator-kind-filter"
            allowClear
            aria-label={t('indicators.kind')}
            placeholder={t('indicators.allKinds')}
            value={kind}
            onChange={(v: IndicatorKind | undefined) => list.setFilters({ loai: v ?? null })}
            options={INDICATOR_KINDS.map((k) => ({ value: k, label: t(`indicators.kinds.${k}`) }))}
          />
        </>
      }
      list={list}
      columns={columns}
      cardsOnPhone
      emptyText={q || kind ? t('indicators.noMatch') : t('indicators.empty')}
    >
      <IndicatorDrawer indicator={open} onClose={() => setOpen(null)} />
    </ListPage>
  );
}

/** How an indicator gets its value: entered, a formula, or units counted. */
function KindCell({ indicator: i }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const color = i.kind === 'computed' ? 'blue' : i.kind === 'coverage' ? 'purple' : undefined;
  return (
    <span className="indicator-kind">
      <Tag color={color}>{t(`indicators.kinds.${i.kind}`)}</Tag>
      {i.kind === 'computed' && i.formula ? <Typography.Text code>{i.formula}</Typography.Text> : null}
      {i.kind === 'coverage' && i.coverage ? (
        <Typography.Text type="secondary">
          {t('indicators.coverageLine', {
            level: t(`indicators.levels.${i.coverage.level}`),
            code: i.coverage.sourceCode,
            min: i.coverage.min ?? '—',
          })}
        </Typography.Text>
      ) : null}
      {i.breakdown ? <Tag>{t('indicators.byOrganisation')}</Tag> : null}
    </span>
  );
}
