import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Flex, Grid, Select, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPlanPercent } from '../../lib/format.ts';
import { useBarChart } from '../../ui/useBarChart.ts';
import { errorText } from '../../ui/errors.ts';
import { rowBarsFrame } from './rowBars.ts';
import {
  getPivot,
  pivotKey,
  type Indicator,
  type PivotBreakdown,
  type PivotQuery,
  type PivotRow,
} from './reporting.api.ts';

type Props = {
  /** the chosen indicators split by organisation (at least one) */
  indicators: Indicator[];
  code: string;
  /** omitted: the whole country */
  unit: string | undefined;
  period: string;
  by: 'units' | 'periods';
  refreshMs: number;
  onPick: (code: string) => void;
};

type Share = { value: number | null; share: number | null };
type Line = { key: string; name: string; total: Share; cells: Share[]; whole?: boolean };

const plain = (v: number | null) => (v === null ? '—' : formatNumber(v));
const percent = (v: number | null) => (v === null ? '—' : formatPlanPercent(v));

/** The lines of the organisations, then the whole (its share 100% when it is more than 0). */
function linesOf(b: PivotBreakdown): Line[] {
  const whole = (v: number | null): Share => ({ value: v, share: v !== null && v > 0 ? 100 : null });
  return [
    ...b.categories.map((c) => ({ key: c.code, name: c.name, total: c.total, cells: c.cells })),
    { key: '', name: '', total: whole(b.whole.total), cells: b.whole.cells.map(whole), whole: true },
  ];
}

/**
 * "Theo tổ chức": an indicator split by organisation (the Youth Union's part of the online dossiers), each
 * organisation's figure over the unit and range and its share of the whole (Tỷ lệ), a bar per organisation, and the
 * same on every row of the pivot (child unit or period).
 */
export function ShareView({ indicators, code, unit, period, by, refreshMs, onPick }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const q: PivotQuery = { ...(unit ? { unit } : {}), period, indicators: code, by, breakdown: code };
  const pivot = useQuery({
    queryKey: pivotKey(q),
    queryFn: ({ signal }) => getPivot(q, signal),
    staleTime: 0,
    refetchOnWindowFocus: true,
    refetchInterval: refreshMs,
  });
  const picker =
    indicators.length > 1 ? (
      <Select
        aria-label={t('reportingShares.indicator')}
        value={code}
        options={indicators.map((i) => ({ value: i.code, label: i.name }))}
        onChange={onPick}
        style={{ minWidth: 240, maxWidth: '100%' }}
      />
    ) : null;

  if (pivot.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (pivot.isError && !pivot.data) return <Alert type="error" showIcon title={errorText(pivot.error, t)} />;
  const b = pivot.data.breakdown;
  if (!b) return null;
  const measure = b.indicator.measure ? ` (${b.indicator.measure})` : '';
  const lines = linesOf(b).map((l) => (l.whole ? { ...l, name: t('reportingShares.whole') } : l));
  // the child rows (or periods), without the unit's own total row, which the first table already gives
  const rows = pivot.data.rows
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => row.key !== 'total' && row.unitCode !== pivot.data.unit.code);

  return (
    <Flex vertical gap={16}>
      {picker}
      <Typography.Title level={2} className="entry-section-title">
        {b.indicator.name} — {pivot.data.unit.name}
      </Typography.Title>
      {b.categories.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reportingShares.none')} />
      ) : (
        <>
          <Table<Line>
            rowKey="key"
            size="small"
            bordered
            pagination={false}
            dataSource={lines}
            rowClassName={(l) => (l.whole ? 'pivot-total' : '')}
            aria-label={t('reportingShares.table')}
            columns={[
              { key: 'name', title: t('reportingShares.organisation'), render: (_, l) => l.name },
              {
                key: 'value',
                title: `${t('reporting.dashboard.result')}${measure}`,
                className: 'pivot-num',
                render: (_, l) => plain(l.total.value),
              },
              {
                key: 'share',
                title: t('reportingShares.share'),
                className: 'pivot-num',
                render: (_, l) => percent(l.total.share),
              },
            ]}
          />
          <ShareChart
            breakdown={b}
            aria-label={t('reportingShares.chart', { name: b.indicator.name, unit: pivot.data.unit.name })}
          />
          {rows.length > 0 ? (
            <RowsTable
              lines={lines}
              rows={rows.map((r) => ({ row: r.row, i: r.i }))}
              cards={screens.md !== true}
              title={t(by === 'units' ? 'reportingShares.byUnits' : 'reportingShares.byPeriods')}
            />
          ) : null}
        </>
      )}
    </Flex>
  );
}

/** Every organisation on each child unit (or period): its figure and share there. On a phone, a card per row. */
function RowsTable({
  lines,
  rows,
  cards,
  title,
}: {
  lines: Line[];
  rows: { row: PivotRow; i: number }[];
  cards: boolean;
  title: string;
}) {
  const { t } = useTranslation();
  const both = (s: Share | undefined) => (s ? `${plain(s.value)} · ${percent(s.share)}` : '—');
  if (cards)
    return (
      <section aria-label={title}>
        <Typography.Title level={3} className="entry-section-title">
          {title}
        </Typography.Title>
        <ul className="list-cards">
          {rows.map(({ row, i }) => (
            <li key={row.key} className="list-card">
              <div className="list-card-title">{row.label}</div>
              <dl className="list-fields">
                {lines.map((l) => (
                  <div key={l.key} className="list-field">
                    <dt>{l.name}</dt>
                    <dd>{both(l.cells[i])}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      </section>
    );
  const columns: TableColumnsType<Line> = [
    { key: 'name', title: t('reportingShares.organisation'), fixed: 'left', width: 200, render: (_, l) => l.name },
    ...rows.map(({ row, i }) => ({
      key: row.key,
      title: row.label,
      children: [
        {
          key: 'v',
          title: t('reporting.dashboard.result'),
          className: 'pivot-num',
          width: 100,
          render: (_: unknown, l: Line) => plain(l.cells[i]?.value ?? null),
        },
        {
          key: 's',
          title: t('reportingShares.share'),
          className: 'pivot-num',
          width: 80,
          render: (_: unknown, l: Line) => percent(l.cells[i]?.share ?? null),
        },
      ],
    })),
  ];
  return (
    <section aria-label={title}>
      <Typography.Title level={3} className="entry-section-title">
        {title}
      </Typography.Title>
      <Table<Line>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        dataSource={lines}
        columns={columns}
        rowClassName={(l) => (l.whole ? 'pivot-total' : '')}
        scroll={{ x: 200 + rows.length * 180 }}
        aria-label={title}
      />
    </section>
  );
}

/** A bar per organisation: its figure, its share written at the bar's end. */
function ShareChart({ breakdown, ...rest }: { breakdown: PivotBreakdown; 'aria-label': string }) {
  const { t } = useTranslation();
  const cats = breakdown.categories;
  const box = useBarChart({
    // the short names (ĐTN, Hội LHPN), so that the bars keep their room on a phone; in full in the tables
    ...rowBarsFrame(
      cats.map((c) => c.short ?? c.name),
      140,
      { right: 56, top: 8 },
    ),
    series: [
      {
        name: t('reporting.dashboard.result'),
        type: 'bar',
        itemStyle: { color: '#1677ff' },
        barMaxWidth: 18,
        label: {
          show: true,
          position: 'right',
          formatter: ({ dataIndex }: { dataIndex: number }) => percent(cats[dataIndex]?.total.share ?? null),
        },
        data: cats.map((c) => c.total.value),
      },
    ],
  });
  return (
    <div
      ref={box}
      role="img"
      aria-label={rest['aria-label']}
      style={{ height: Math.max(140, cats.length * 40 + 30), width: '100%' }}
    />
  );
}
