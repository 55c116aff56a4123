import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { type EChartsCoreOption, type EChartsType, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the product's charts use, so the bundle stays small; SVG stays sharp when printed.
use([
  BarChart,
  LineChart,
  PieChart,
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type EChartOption = EChartsCoreOption;

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/**
 * An Apache ECharts chart. `label` names it for screen readers (the chart's table, shown beside it by
 * each page, carries the figures). `onChart` receives the instance, e.g. to download it as an image.
 */
export function EChart({
  option,
  label,
  height = 320,
  onChart,
}: {
  option: EChartOption;
  label: string;
  height?: number;
  onChart?: (chart: EChartsType) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  useEffect(() => {
    if (!element.current) return;
    const instance = init(element.current, undefined, { renderer: 'svg', locale: 'EN' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    // ECharts' generated description is English and replaces the container's label: keep ours.
    instance.setOption(
      { textStyle: { fontFamily: FONT }, aria: { enabled: true, label: { description: label } }, ...option },
      true,
    );
    onChart?.(instance);
  }, [option, onChart, label]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

/** Downloads the chart as an SVG file (opens in any browser and prints sharp). */
export function downloadChart(chart: EChartsType, fileName: string) {
  const url = chart.getDataURL({ type: 'svg', backgroundColor: '#fff' });
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName.endsWith('.svg') ? fileName : `${fileName}.svg`;
  link.click();
}
