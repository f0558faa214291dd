import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Flex, Segmented, Select, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatNumber, formatPercent, todayInVietnam } from '../../../lib/format.ts';
import { mergeParams } from '../../../lib/url-params.ts';
import { errorText } from '../../../ui/errors.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useMe } from '../../auth/session.ts';
import { bodyDetailKey, getBody } from '../../bodies/bodies.api.ts';
import { BodySelect } from '../../bodies/BodySelect.tsx';
import { inForceOn } from '../../bodies/validity.ts';
import { listMyAssignments, MY_ROLES_KEY } from '../../roles/roles.api.ts';
import { useHoldsPermission } from '../../roles/useHoldsPermission.ts';
import { UnitSearchSelect } from '../../units/UnitSearchSelect.tsx';
import { childrenKey, detailKey, getUnit, listChildren } from '../../units/units.api.ts';
import { parseRange, periodIdOf, type RangeKind } from '../periodRange.ts';
import { indicatorsKey, listIndicators } from '../reporting.api.ts';
import { SplitModal } from './SplitModal.tsx';
import { TargetModal } from './TargetModal.tsx';
import { listTargets, targetsKey, type Row } from './targets.api.ts';
import { scaled, targetDecimals } from './targetNumbers.ts';
import './targets.css';

// A quarter keeps antd's own format (2026-Q3): its Q token needs the picker's dayjs plugins.
const FORMATS: Record<RangeKind, string | undefined> = { month: 'MM/YYYY', quarter: undefined, year: 'YYYY' };
const MONTHS: Record<RangeKind, number> = { month: 1, quarter: 3, year: 12 };

/** One period from the address (2026, 2026Q3, 202607), else this year. */
function periodOf(id: string | null, today: Dayjs): { id: string; kind: RangeKind; start: Dayjs; lastDay: string } {
  const r = parseRange(id);
  const kind = r && r.from.isSame(r.to) ? r.kind : 'year';
  const start = r && r.from.isSame(r.to) ? r.from : today.startOf('year');
  const lastDay = start.add(MONTHS[kind], 'month').subtract(1, 'day').format('YYYY-MM-DD');
  return { id: periodIdOf(kind, start), kind, start, lastDay };
}

/** A period as people say it: năm 2026, quý 3/2026, tháng 7/2026. */
function usePeriodLabel(kind: RangeKind, start: Dayjs): string {
  const { t } = useTranslation();
  const n = kind === 'quarter' ? Math.floor(start.month() / 3) + 1 : start.month() + 1;
  return t(`reportingTargets.periodLabels.${kind}`, { year: start.year(), n });
}

/**
 * "Báo cáo › Kế hoạch giao": the target of an indicator for a unit and a period, and how it is split among the units
 * below. Those managing reporting set a unit's target (over its parent: the province's is the administrators') and
 * split it down, proportionally or by hand. With a body (tổ chức) of the unit picked, the same for the body's plan and
 * its child bodies on the line (set over the body's parent). The indicator, period, unit and body live in the
 * address, so that a step down to a child is one step Back.
 */
export function TargetsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = useHoldsPermission(me, 'reporting.manage');
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const [open, setOpen] = useState<'set' | 'split' | null>(null);

  const mine = useQuery({ queryKey: MY_ROLES_KEY, queryFn: listMyAssignments, staleTime: 300_000 });
  const all = useQuery({ queryKey: indicatorsKey, queryFn: ({ signal }) => listIndicators(signal), staleTime: 60_000 });
  const numeric = (all.data?.items ?? []).filter((i) => i.valueType !== 'text' && i.valueType !== 'boolean');
  const indicator = numeric.find((i) => i.code === params.get('chi-tieu')) ?? numeric[0];
  const period = periodOf(params.get('ky'), today);
  const periodLabel = usePeriodLabel(period.kind, period.start);
  const myUnit =
    mine.data?.find((a) => a.unitCode && inForceOn(a.validFrom, a.validTo, today.format('YYYY-MM-DD')))?.unitCode ??
    null;
  const unitCode = params.get('don-vi') ?? myUnit;
  const bodyId = unitCode ? params.get('to-chuc') : null;
  const asOf = period.lastDay;

  const unit = useQuery({
    queryKey: detailKey(asOf, unitCode ?? ''),
    queryFn: ({ signal }) => getUnit(unitCode!, asOf, signal),
    enabled: !!unitCode,
  });
  const children = useQuery({
    queryKey: childrenKey(asOf, unitCode),
    queryFn: ({ signal }) => listChildren(asOf, unitCode, signal),
    enabled: !!unitCode && !bodyId,
  });
  const body = useQuery({
    queryKey: bodyDetailKey(bodyId ?? '', asOf),
    queryFn: ({ signal }) => getBody(bodyId!, asOf, signal),
    enabled: !!bodyId,
  });
  const q = {
    unit: unitCode ?? '',
    ...(bodyId ? { body: bodyId } : {}),
    period: period.id,
    indicator: indicator?.code ?? '',
    asOf,
  };
  const targets = useQuery({
    queryKey: targetsKey(q),
    queryFn: ({ signal }) => listTargets(q, signal),
    enabled: !!unitCode && !!indicator,
  });

  const write = (next: Record<string, string | null>, push = false) =>
    setParams((prev) => mergeParams(prev, next), { replace: !push });
  const setKind = (kind: RangeKind) => write({ ky: periodIdOf(kind, period.start) });

  const items = targets.data?.items ?? [];
  // The plan shown is the unit's, or with a body picked the body's; the rows are the units or bodies below.
  const holder = bodyId
    ? body.data && { kind: 'body' as const, id: body.data.body.id, name: body.data.body.name }
    : unit.data && { kind: 'unit' as const, id: unit.data.unit.id, name: unit.data.unit.name };
  const targetOf = (kind: 'unit' | 'body', id: string) =>
    items.find((x) => (kind === 'body' ? x.body?.id === id : !x.body && x.unit.id === id));
  const own = holder ? targetOf(holder.kind, holder.id) : undefined;
  const below = bodyId
    ? body.data?.children.map((c) => ({
        id: c.id,
        name: c.name,
        down: c.unitCode ? { 'don-vi': c.unitCode, 'to-chuc': c.id } : null,
        target: targetOf('body', c.id),
      }))
    : children.data?.map((c) => ({
        id: c.id,
        name: c.name,
        down: c.code ? { 'don-vi': c.code } : null,
        target: targetOf('unit', c.id),
      }));
  const rows: Row[] = below ?? [];
  const decimals = targetDecimals(indicator?.valueType);
  const measure = indicator?.measure ? ` ${indicator.measure}` : '';
  const shown = (n: number) => `${formatNumber(n)}${measure}`;

  const filters = (
    <div className="targets-filters">
      <Select
        className="targets-indicator"
        aria-label={t('reportingTargets.indicator')}
        placeholder={t('reportingTargets.indicator')}
        loading={all.isPending}
        value={indicator?.code}
        showSearch={{ optionFilterProp: 'label' }}
        options={numeric.map((i) => ({ value: i.code, label: `${i.name} (${i.code})` }))}
        onChange={(code: string) => write({ 'chi-tieu': code })}
      />
      <Segmented<RangeKind>
        aria-label={t('reportingTargets.step')}
        value={period.kind}
        options={(['year', 'quarter', 'month'] as const).map((k) => ({
          value: k,
          label: t(`reportingTargets.steps.${k}`),
        }))}
        onChange={setKind}
      />
      <DatePicker
        picker={period.kind}
        format={FORMATS[period.kind]}
        allowClear={false}
        value={period.start}
        aria-label={t('reportingTargets.period')}
        onChange={(d: Dayjs | null) => {
          if (d) write({ ky: periodIdOf(period.kind, d) });
        }}
      />
      <div className="targets-unit">
        <UnitSearchSelect
          asOf={asOf}
          value={unitCode}
          valueLabel={unit.data?.unit.name ?? null}
          onChange={(code) => write({ 'don-vi': code, 'to-chuc': null }, true)}
          aria-label={t('reportingTargets.unit')}
          placeholder={t('reportingTargets.unit')}
        />
      </div>
      {unitCode ? (
        <div className="targets-body">
          <BodySelect
            asOf={asOf}
            unit={unitCode}
            value={bodyId}
            initial={body.data ? { id: body.data.body.id, name: body.data.body.name } : null}
            onChange={(id) => write({ 'to-chuc': id }, true)}
            aria-label={t('reportingBodyTargets.body')}
            placeholder={t('reportingBodyTargets.bodyPlaceholder')}
          />
        </div>
      ) : null}
    </div>
  );

  const problem = unit.error ?? children.error ?? body.error ?? targets.error ?? all.error;
  let content;
  if (!unitCode) content = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reportingTargets.pickUnit')} />;
  else if (problem) content = <Alert type="error" showIcon title={errorText(problem, t)} />;
  else if (all.data && !indicator)
    content = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reportingTargets.noIndicators')} />;
  else if (!holder || !below || !targets.data || !indicator) content = <Skeleton active paragraph={{ rows: 6 }} />;
  else {
    const split = rows.reduce((a, r) => a + scaled(r.target?.value ?? 0, decimals), 0) / 10 ** decimals;
    const columns: ColumnsType<Row> = [
      {
        title: bodyId ? t('reportingBodyTargets.childBody') : t('reportingTargets.childUnit'),
        key: 'unit',
        render: (_v, r) =>
          r.down ? (
            <Button
              type="link"
              className="targets-drill"
              aria-label={t('reportingTargets.open', { name: r.name })}
              onClick={() => write(r.down!, true)}
            >
              {r.name}
            </Button>
          ) : (
            r.name
          ),
      },
      {
        title: t('reportingTargets.value'),
        key: 'value',
        align: 'right',
        className: 'targets-number',
        render: (_v, r) => (r.target ? formatNumber(r.target.value) : '—'),
      },
      {
        title: t('reportingTargets.share'),
        key: 'share',
        align: 'right',
        responsive: ['sm'],
        className: 'targets-number',
        render: (_v, r) => (r.target && own && own.value > 0 ? formatPercent((r.target.value * 100) / own.value) : ''),
      },
    ];
    content = (
      <Flex vertical gap={16}>
        <div className="targets-own">
          <div>
            <Typography.Title level={2} className="entry-section-title">
              {holder.name}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('reportingTargets.ownLine', { indicator: indicator.name, period: periodLabel })}
            </Typography.Text>
          </div>
          <output className="targets-own-value" aria-label={t('reportingTargets.ownValue', { name: holder.name })}>
            {own ? shown(own.value) : t('reportingTargets.none')}
          </output>
          {canManage ? (
            <Flex gap={8} wrap>
              <Button type={own ? 'default' : 'primary'} onClick={() => setOpen('set')}>
                {own ? t('reportingTargets.change') : t('reportingTargets.set')}
              </Button>
              {own && rows.length > 0 ? (
                <Button type="primary" onClick={() => setOpen('split')}>
                  {t('reportingTargets.split')}
                </Button>
              ) : null}
            </Flex>
          ) : null}
        </div>
        {rows.length > 0 ? (
          <>
            <SplitSummary own={own?.value ?? null} split={split} decimals={decimals} shown={shown} />
            <Table<Row>
              size="small"
              rowKey={(r) => r.id}
              columns={columns}
              dataSource={rows}
              pagination={false}
              className="targets-table"
            />
          </>
        ) : (
          <Typography.Text type="secondary">
            {bodyId ? t('reportingBodyTargets.noChildren') : t('reportingTargets.noChildren')}
          </Typography.Text>
        )}
        <TargetModal
          open={open === 'set'}
          onClose={() => setOpen(null)}
          holder={holder}
          indicator={indicator}
          periodId={period.id}
          periodLabel={periodLabel}
          current={own}
        />
        {own ? (
          <SplitModal
            open={open === 'split'}
            onClose={() => setOpen(null)}
            target={own}
            holder={holder}
            indicator={indicator}
            rows={rows}
          />
        ) : null}
      </Flex>
    );
  }

  return (
    <>
      <PageHeader title={t('reportingTargets.title')} description={t('reportingTargets.intro')} />
      <Card>
        {filters}
        {content}
      </Card>
    </>
  );
}

/** How much of the plan the children's targets cover: all of it, part of it, or more. */
function SplitSummary({
  own,
  split,
  decimals,
  shown,
}: {
  own: number | null;
  split: number;
  decimals: number;
  shown: (n: number) => string;
}) {
  const { t } = useTranslation();
  const left = own === null ? 0 : (scaled(own, decimals) - scaled(split, decimals)) / 10 ** decimals;
  const note =
    own === null
      ? null
      : left === 0
        ? t('reportingTargets.splitExact')
        : left > 0
          ? t('reportingTargets.splitShort', { left: shown(left) })
          : t('reportingTargets.splitOver', { over: shown(-left) });
  return (
    <Typography.Paragraph className={own !== null && left !== 0 ? 'targets-summary targets-off' : 'targets-summary'}>
      {t('reportingTargets.splitTotal', { total: shown(split) })}
      {note ? ` — ${note}` : null}
    </Typography.Paragraph>
  );
}
