import { useTranslation } from 'react-i18next';
import { useBarChart } from '../../ui/useBarChart.ts';
import { rowBarsFrame } from './rowBars.ts';

export type ChartRow = { label: string; value: number | null; target: number | null };

type Props = { rows: ChartRow[]; 'aria-label': string };

/** Result against plan, a pair of bars per row (child unit or period). */
export function PivotChart({ rows, ...rest }: Props) {
  const { t } = useTranslation();
  // Rows down the side, however many children the unit has.
  const box = useBarChart({
    ...rowBarsFrame(
      rows.map((r) => r.label),
      160,
      { right: 24, top: 36 },
    ),
    legend: { top: 0, left: 0 },
    series: [
      {
        name: t('reporting.dashboard.result'),
        type: 'bar',
        itemStyle: { color: '#1677ff' },
        barMaxWidth: 14,
        data: rows.map((r) => r.value),
      },
      {
        name: t('reporting.dashboard.target'),
        type: 'bar',
        itemStyle: { color: '#bfbfbf' },
        barMaxWidth: 14,
        data: rows.map((r) => r.target),
      },
    ],
  });

  return (
    <div
      ref={box}
      role="img"
      aria-label={rest['aria-label']}
      style={{ height: Math.max(160, rows.length * 36 + 60), width: '100%' }}
    />
  );
}
