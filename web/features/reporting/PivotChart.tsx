import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { useBarChart } from '../../ui/useBarChart.ts';
import { canvasMeasure, wrapName, type Measure } from '../overview/chartLabels.ts';

export type ChartRow = { label: string; value: number | null; target: number | null };

type Props = { rows: ChartRow[]; 'aria-label': string };

const LABEL_WIDTH = 160;
const FONT_SIZE = 12;
let measure: Measure | null = null;

/** Result against plan, a pair of bars per row (child unit or period). */
export function PivotChart({ rows, ...rest }: Props) {
  const { t } = useTranslation();
  measure ??= canvasMeasure(`${FONT_SIZE}px sans-serif`);
  const m = measure;
  const box = useBarChart({
    animationDuration: 300,
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : '—'),
    },
    // Rows down the side, however many children the unit has, each name on up to two lines (in full in the tooltip).
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLabel: {
        formatter: (name: string) => wrapName(name, LABEL_WIDTH, m),
        fontFamily: 'sans-serif',
        fontSize: FONT_SIZE,
        lineHeight: 15,
        color: '#333',
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
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
