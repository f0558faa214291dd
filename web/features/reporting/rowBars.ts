import { formatNumber } from '../../lib/format.ts';
import { canvasMeasure, wrapName, type Measure } from '../overview/chartLabels.ts';

const FONT_SIZE = 12;
let measure: Measure | null = null;

/** The frame of a bar chart with one row per label down the side (child units, periods, organisations): each name on
 * up to two lines of `labelWidth` px (in full in the tooltip), numbers the Vietnamese way. */
export function rowBarsFrame(labels: string[], labelWidth: number, grid: { right: number; top: number }) {
  measure ??= canvasMeasure(`${FONT_SIZE}px sans-serif`);
  const m = measure;
  return {
    animationDuration: 300,
    grid: { left: 8, bottom: 8, containLabel: true, ...grid },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : '—'),
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisTick: { show: false },
      axisLabel: {
        formatter: (name: string) => wrapName(name, labelWidth, m),
        fontFamily: 'sans-serif',
        fontSize: FONT_SIZE,
        lineHeight: 15,
        color: '#333',
      },
    },
    // a phone's width holds few numbers: the ones that would overlap are dropped
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v), hideOverlap: true } },
  };
}
