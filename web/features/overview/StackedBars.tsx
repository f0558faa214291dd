import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBarChart } from '../../ui/useBarChart.ts';
import type { Counts } from '../work/work.api.ts';
import { TIMELINESS_COLOR } from '../work/TaskBits.tsx';
import { canvasMeasure, wrapName, type Measure } from './chartLabels.ts';

/** The parts every row is split into; the keys of the timeliness filter of the programme page. */
export const SEGMENTS = [
  { key: 'onTime', filter: 'on_time', color: TIMELINESS_COLOR.on_time },
  { key: 'late', filter: 'late', color: '#faad14' },
  { key: 'awaiting', filter: 'awaiting_acceptance', color: '#b37feb' },
  { key: 'overdue', filter: 'overdue', color: TIMELINESS_COLOR.overdue },
  { key: 'open', filter: null, color: '#91caff' },
] as const;
export type Segment = (typeof SEGMENTS)[number];

export type BarRow = { id: string; label: string; counts: Counts };

type Props = {
  rows: BarRow[];
  /** Narrow screens: each row's name above its bar, across the chart's width. */
  compact: boolean;
  /** A bar part was clicked: the row and the part. */
  onPick: (row: BarRow, segment: Segment) => void;
  'aria-label': string;
};

const BAR = 16;
const LINE = 15;
const FONT_SIZE = 12;
let measure: Measure | null = null;

/** The y axis's names, two lines at most (wrapName): on a wide screen left of the bars; on a narrow one above each
 * bar, across the chart's width. */
function nameLabels(compact: boolean, width: number) {
  const labelWidth = compact ? Math.max(120, width - 30) : Math.round(Math.min(320, Math.max(160, width * 0.3)));
  measure ??= canvasMeasure(`${FONT_SIZE}px sans-serif`);
  const m = measure;
  const common = {
    formatter: (name: string) => wrapName(name, labelWidth, m),
    fontFamily: 'sans-serif',
    fontSize: FONT_SIZE,
    lineHeight: LINE,
    color: '#333',
  };
  if (!compact) return common;
  return {
    ...common,
    inside: true,
    align: 'left',
    verticalAlign: 'bottom',
    margin: 0,
    // Above the bar, clear of the axis line.
    padding: [0, 0, BAR / 2 + 3, 6],
  };
}

/** Horizontal stacked bars (done on time / late / waiting for acceptance / overdue / open) per row, one row per group
 * or body. */
export function StackedBars({ rows, compact, onPick, ...rest }: Props) {
  const { t } = useTranslation();
  const [width, setWidth] = useState(0);
  const option = {
    animationDuration: 400,
    grid: compact
      ? { left: 8, right: 16, top: 64, bottom: 8, containLabel: true }
      : { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: compact ? 11 : 12 } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: { dataIndex: number; marker: string; seriesName: string; value: number }[]) => {
        const row = rows[params[0]?.dataIndex ?? 0];
        if (!row) return '';
        const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
        const lines = params.map((p) => `${p.marker}${esc(p.seriesName)}: <b>${p.value}</b>`);
        return `<div style="max-width:280px;white-space:normal"><b>${esc(row.label)}</b><br/>${lines.join('<br/>')}<br/>${esc(t('overview.col.total'))}: <b>${row.counts.total}</b></div>`;
      },
    },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLabel: nameLabels(compact, width),
    },
    series: SEGMENTS.map((s) => ({
      id: s.key,
      name: t(`overview.legend.${s.key}`),
      type: 'bar',
      stack: 'all',
      barMaxWidth: compact ? BAR : 22,
      itemStyle: { color: s.color },
      emphasis: { focus: 'series' },
      cursor: 'pointer',
      data: rows.map((r) => r.counts[s.key]),
    })),
  };
  // A row holds two lines of its name (and on a phone the bar under them).
  const height = Math.max(160, rows.length * (compact ? 2 * LINE + BAR + 24 : 2 * LINE + 16) + (compact ? 92 : 60));
  // The latest rows and handler, read by the click listener set up once.
  const latest = useRef({ rows, onPick });
  useEffect(() => {
    latest.current = { rows, onPick };
  });
  const box = useBarChart(
    option,
    (instance) =>
      instance.on('click', (p) => {
        const row = latest.current.rows[p.dataIndex];
        const segment = SEGMENTS.find((s) => s.key === p.seriesId);
        if (row && segment) latest.current.onPick(row, segment);
      }),
    setWidth,
  );

  return <div ref={box} role="img" aria-label={rest['aria-label']} style={{ height, width: '100%' }} />;
}
