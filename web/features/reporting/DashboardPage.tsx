import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Segmented, Select, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { todayInVietnam } from '../../lib/format.ts';
import { mergeParams } from '../../lib/url-params.ts';
import { errorText } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { inForceOn } from '../bodies/validity.ts';
import { listMyAssignments, MY_ROLES_KEY } from '../roles/roles.api.ts';
import { CompletenessTab } from './CompletenessTab.tsx';
import { DashboardFilters } from './DashboardFilters.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { yearSoFar } from './periodRange.ts';
import { PivotChart } from './PivotChart.tsx';
import { PivotTable } from './PivotTable.tsx';
import { ShareView } from './ShareView.tsx';
import { getPivot, indicatorsKey, listIndicators, pivotKey, type PivotQuery, type PivotRow } from './reporting.api.ts';
import { COUNTRY } from './reporting.paths.ts';
import './reporting.css';

/** How often an open dashboard asks again, so that an approval anywhere below shows without a reload. */
export const DASHBOARD_REFRESH_MS = 15_000;
/** Indicators shown when none is chosen. */
const DEFAULT_INDICATORS = 6;

/** "/bao-cao/tong-hop": a unit's totals for a period range — table, chart and who has reported. The unit, range and
 * indicators live in the address, so that a drill down is one step Back. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const mine = useQuery({ queryKey: MY_ROLES_KEY, queryFn: listMyAssignments, staleTime: 300_000 });
  const all = useQuery({ queryKey: indicatorsKey, queryFn: ({ signal }) => listIndicators(signal), staleTime: 60_000 });

  const myUnit =
    mine.data?.find((a) => a.unitCode && inForceOn(a.validFrom, a.validTo, today.format('YYYY-MM-DD')))?.unitCode ??
    null;
  const unit = params.get('don-vi') ?? myUnit;
  const country = unit === COUNTRY;
  const period = params.get('ky') ?? yearSoFar(today);
  const by = params.get('theo') === 'periods' ? 'periods' : 'units';
  const numeric = (all.data?.items ?? []).filter((i) => i.valueType !== 'text');
  const chosen = params.get('chi-tieu')?.split(',').filter(Boolean);
  const codes = chosen ?? numeric.slice(0, DEFAULT_INDICATORS).map((i) => i.code);
  // the chosen indicators split by organisation: a view of each organisation's share
  const split = numeric.filter((i) => i.breakdown === 'organisation' && codes.includes(i.code));
  const shareCode = split.find((i) => i.code === params.get('phan-chia'))?.code ?? split[0]?.code;
  const tab = params.get('tab') === 'day-du' ? 'completeness' : 'figures';
  const view = params.get('xem') === 'to-chuc' && shareCode ? 'shares' : 'pivot';

  const q: PivotQuery = { ...(country ? {} : { unit: unit ?? '' }), period, indicators: codes.join(','), by };
  const pivot = useQuery({
    queryKey: pivotKey(q),
    queryFn: ({ signal }) => getPivot(q, signal),
    enabled: !!unit && codes.length > 0 && tab === 'figures' && view === 'pivot',
    // Fresh figures: asked again on coming back to the window and every 15 s while the page is shown.
    staleTime: 0,
    refetchOnWindowFocus: true,
    refetchInterval: DASHBOARD_REFRESH_MS,
  });

  const write = (next: Record<string, string | null>, push = false) =>
    setParams((prev) => mergeParams(prev, next), { replace: !push });
  const drill = (row: PivotRow) => {
    if (row.unitCode) write({ 'don-vi': row.unitCode }, true);
  };
  const chartCode = params.get('bieu-do') ?? codes[0];
  const chartIndex = Math.max(0, pivot.data?.indicators.findIndex((i) => i.code === chartCode) ?? 0);
  const chartRows = (pivot.data?.rows ?? [])
    .map((row, i) => ({ row, cell: pivot.data?.cells[i]?.[chartIndex] }))
    .filter(({ row }) => row.key !== 'total' && row.unitCode !== pivot.data?.unit.code)
    .map(({ row, cell }) => ({ label: row.label, value: cell?.value ?? null, target: cell?.target ?? null }))
    // Only the rows with a figure: a province has dozens of communes, most without one yet.
    .filter((r) => r.value !== null || r.target !== null);

  const figures = !unit ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reporting.dashboard.pickUnit')} />
  ) : view === 'shares' && shareCode ? (
    <ShareView
      indicators={split}
      code={shareCode}
      unit={country ? undefined : unit}
      period={period}
      by={by}
      refreshMs={DASHBOARD_REFRESH_MS}
      onPick={(c) => write({ 'phan-chia': c })}
    />
  ) : pivot.isPending ? (
    <Skeleton active paragraph={{ rows: 8 }} />
  ) : pivot.isError && !pivot.data ? (
    <Alert type="error" showIcon title={errorText(pivot.error, t)} />
  ) : pivot.data ? (
    <Flex vertical gap={16}>
      <Typography.Title level={2} className="entry-section-title">
        {pivot.data.unit.name}
      </Typography.Title>
      <PivotTable pivot={pivot.data} onDrill={drill} loading={false} />
      {chartRows.length > 0 ? (
        <div>
          <Select
            aria-label={t('reporting.dashboard.chartIndicator')}
            value={pivot.data.indicators[chartIndex]?.code}
            options={pivot.data.indicators.map((i) => ({ value: i.code, label: i.name }))}
            onChange={(v: string) => write({ 'bieu-do': v })}
            style={{ minWidth: 240 }}
          />
          <PivotChart
            rows={chartRows}
            aria-label={t('reporting.dashboard.chart', { name: pivot.data.indicators[chartIndex]?.name ?? '' })}
          />
        </div>
      ) : null}
    </Flex>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('reporting.dashboard.title')}
        description={t('reporting.dashboard.intro')}
        extra={unit ? <ExportButtons query={q} /> : null}
      />
      <Card>
        <DashboardFilters
          unit={unit}
          unitName={!country && pivot.data?.unit.code === unit ? pivot.data.unit.name : null}
          period={period}
          indicators={codes}
          all={numeric}
          by={by}
          onChange={(next) => write(next)}
        />
        <Tabs
          activeKey={tab}
          onChange={(k) => write({ tab: k === 'completeness' ? 'day-du' : null })}
          items={[
            {
              key: 'figures',
              label: t('reporting.dashboard.figures'),
              children: shareCode ? (
                <Flex vertical gap={16}>
                  {/* an indicator split by organisation: its organisations' shares are a second view */}
                  <Segmented<'pivot' | 'shares'>
                    aria-label={t('reportingShares.view')}
                    value={view}
                    options={[
                      { value: 'pivot', label: t('reportingShares.pivot') },
                      { value: 'shares', label: t('reportingShares.tab') },
                    ]}
                    onChange={(v) => write({ xem: v === 'shares' ? 'to-chuc' : null })}
                    style={{ alignSelf: 'flex-start' }}
                  />
                  {figures}
                </Flex>
              ) : (
                figures
              ),
            },
            {
              key: 'completeness',
              label: t('reporting.completeness.title'),
              children: country ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('reporting.dashboard.countryCompleteness')}
                />
              ) : unit ? (
                <CompletenessTab
                  unit={unit}
                  form={params.get('mau')}
                  period={params.get('ky-nop')}
                  onChange={(n) =>
                    write({
                      ...(n.form !== undefined ? { mau: n.form } : {}),
                      ...(n.period !== undefined ? { 'ky-nop': n.period } : {}),
                    })
                  }
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reporting.dashboard.pickUnit')} />
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
