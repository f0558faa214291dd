import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts of ECharts the bar charts use (bars on a grid, tooltip, legend, canvas), to keep the bundle small.
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type BarChartInstance = echarts.ECharts;
export type BarChartOption = echarts.EChartsCoreOption;

/**
 * A bar chart in a box: made once (`setup` adds its listeners), resized with the box (`onResize` hears its width),
 * disposed with the component, and given `option` after every render. Returns the box's ref.
 */
export function useBarChart(
  option: BarChartOption,
  setup?: (instance: BarChartInstance) => void,
  onResize?: (width: number) => void,
) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<BarChartInstance | null>(null);
  // Read by the listeners set up once.
  const latest = useRef({ setup, onResize });
  useEffect(() => {
    latest.current = { setup, onResize };
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    latest.current.setup?.(instance);
    const observer = new ResizeObserver(() => {
      latest.current.onResize?.(el.clientWidth);
      instance.resize();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
    chart.current?.resize();
  });

  return box;
}
