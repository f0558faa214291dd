import { Button, Grid, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DifferenceValue, PercentValue, plain, ResultValue } from './PivotCellParts.tsx';
import type { Pivot, PivotCell, PivotRow } from './reporting.api.ts';

type Props = { pivot: Pivot; onDrill: (row: PivotRow) => void; loading: boolean };
type Line = { row: PivotRow; cells: PivotCell[] };

const isTotal = (p: Pivot, r: PivotRow) => r.key === 'total' || (r.unitCode !== null && r.unitCode === p.unit.code);

function RowLabel({ line, pivot, onDrill }: { line: Line; pivot: Pivot; onDrill: Props['onDrill'] }) {
  const { t } = useTranslation();
  if (line.row.drill && !isTotal(pivot, line.row))
    return (
      <Button
        type="link"
        className="pivot-drill"
        onClick={() => onDrill(line.row)}
        aria-label={t('reporting.dashboard.drill', { name: line.row.label })}
      >
        {line.row.label}
      </Button>
    );
  return <span>{line.row.label}</span>;
}

/** The pivot: a row per child unit (or period) and the total, a column group per indicator with its result, plan,
 * % of plan, the amount over or under, and the same period last year. On a phone, a card per row. */
export function PivotTable({ pivot, onDrill, loading }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const lines: Line[] = pivot.rows.map((row, i) => ({ row, cells: pivot.cells[i] ?? [] }));
  const num = (render: (c: PivotCell) => ReactNode, i: number) => (_: unknown, l: Line) => {
    const c = l.cells[i];
    return c ? render(c) : '—';
  };

  if (screens.md !== true)
    return (
      <ul className="list-cards" aria-label={t('reporting.dashboard.table')}>
        {lines.map((l) => (
          <li key={l.row.key} className={isTotal(pivot, l.row) ? 'list-card pivot-total' : 'list-card'}>
            <div className="list-card-title">
              <RowLabel line={l} pivot={pivot} onDrill={onDrill} />
            </div>
            <dl className="list-fields">
              {pivot.indicators.map((ind, i) => {
                const c = l.cells[i];
                return (
                  <div key={ind.code} className="list-field">
                    <dt>
                      {ind.name}
                      {ind.measure ? ` (${ind.measure})` : ''}
                    </dt>
                    <dd>
                      {c ? (
                        <>
                          <ResultValue cell={c} /> / {plain(c.target)} · <PercentValue cell={c} /> ·{' '}
                          <DifferenceValue cell={c} />
                          <div className="pivot-muted">
                            {t('reporting.dashboard.lastYear')}: {plain(c.lastYear)}
                          </div>
                        </>
                      ) : (
                        '—'
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </li>
        ))}
      </ul>
    );

  const columns: TableColumnsType<Line> = [
    {
      key: 'row',
      title: t('reporting.dashboard.row'),
      fixed: 'left',
      width: 200,
      render: (_, l) => <RowLabel line={l} pivot={pivot} onDrill={onDrill} />,
    },
    ...pivot.indicators.map((ind, i) => ({
      key: ind.code,
      title: `${ind.name}${ind.measure ? ` (${ind.measure})` : ''}`,
      children: [
        {
          key: 'v',
          title: t('reporting.dashboard.result'),
          className: 'pivot-num',
          width: 110,
          render: num((c) => <ResultValue cell={c} />, i),
        },
        {
          key: 't',
          title: t('reporting.dashboard.target'),
          className: 'pivot-num',
          width: 100,
          render: num((c) => plain(c.target), i),
        },
        {
          key: 'p',
          title: t('reporting.dashboard.percent'),
          className: 'pivot-num',
          width: 80,
          render: num((c) => <PercentValue cell={c} />, i),
        },
        {
          key: 'd',
          title: t('reporting.dashboard.difference'),
          className: 'pivot-num',
          width: 120,
          render: num((c) => <DifferenceValue cell={c} />, i),
        },
        {
          key: 'y',
          title: t('reporting.dashboard.lastYear'),
          className: 'pivot-num',
          width: 150,
          render: num((c) => plain(c.lastYear), i),
        },
      ],
    })),
  ];
  return (
    <Table<Line>
      rowKey={(l) => l.row.key}
      size="small"
      bordered
      columns={columns}
      dataSource={lines}
      pagination={false}
      loading={loading}
      scroll={{ x: 200 + pivot.indicators.length * 560 }}
      rowClassName={(l) => (isTotal(pivot, l.row) ? 'pivot-total' : '')}
      aria-label={t('reporting.dashboard.table')}
    />
  );
}
