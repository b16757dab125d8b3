import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption, ECElementEvent } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';

// Only the chart kinds the app draws, so the bundle stays small; SVG prints sharply and scales with its box.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type EChartOption = EChartsCoreOption;
export type EChartClick = ECElementEvent;

/**
 * One ECharts chart in a box of the given height that follows its container's width. `onClick` receives the
 * clicked element (series item, bar); the latest handler is used without re-creating the chart.
 */
export function EChart({
  option,
  height,
  onClick,
  className,
  style,
  testId,
}: {
  option: EChartOption;
  height: number;
  onClick?: (event: EChartClick) => void;
  className?: string;
  style?: CSSProperties;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);

  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (event) => clickRef.current?.(event));
    // A viewBox lets the SVG scale with its box, e.g. into a narrower column on paper (live charts have none).
    instance.on('finished', () => {
      const svg = element.querySelector('svg');
      const width = svg?.getAttribute('width');
      const height = svg?.getAttribute('height');
      if (svg && width && height) svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      className={className ? `ww-echart ${className}` : 'ww-echart'}
      style={{ height, width: '100%', ...style }}
      data-testid={testId}
    />
  );
}
