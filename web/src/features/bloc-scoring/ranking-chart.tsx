import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import type { EChartsType } from 'echarts/core';
import { useCallback, useMemo, useRef } from 'react';
import type { RankingView } from '../../../../contracts/bloc-scoring.ts';
import { downloadChart, EChart, type EChartOption } from '../../components/echart.tsx';
import { commonWordPrefix, formatPoints } from './labels.ts';

const LEADING = '#d48806';
const OTHER = '#1677ff';

/** What the chart says to a screen reader: its bloc and the leading unit(s); the table beside it has the figures. */
export function rankingChartLabel(ranking: RankingView): string {
  const leaders = ranking.rows.filter((row) => row.isLeading).map((row) => row.unitName);
  return `Biểu đồ tổng điểm các đơn vị của ${ranking.blocName} theo thứ hạng${
    leaders.length ? `; dẫn đầu: ${leaders.join(', ')}` : ''
  }`;
}

/** The chart's option: one bar per member, in rank order from the top, the leading unit(s) in gold. */
export function rankingChartOption(ranking: RankingView, year: number): EChartOption {
  const rows = [...ranking.rows].reverse();
  const prefix = commonWordPrefix(rows.map((row) => row.unitName));
  return {
    // ECharts writes its aria description onto the chart's element: ours names the chart and its leaders.
    aria: { enabled: true, label: { description: rankingChartLabel(ranking) } },
    title: {
      text: ranking.blocName,
      subtext: `Tổng điểm năm ${year} theo thứ hạng; ★ đơn vị dẫn đầu`,
      left: 0,
      textStyle: { fontSize: 14, width: 440, overflow: 'break' },
    },
    grid: { left: 8, right: 56, top: 64, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: formatPoints },
    xAxis: { type: 'value', name: 'Điểm', axisLabel: { formatter: (value: number) => formatPoints(value) } },
    yAxis: {
      type: 'category',
      data: rows.map((row) => `${row.rank}. ${row.unitName.slice(prefix.length)}`),
      axisLabel: { width: 170, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: 'Tổng điểm',
        barMaxWidth: 28,
        data: rows.map((row) => ({
          value: row.total,
          itemStyle: { color: row.isLeading ? LEADING : OTHER },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (params: { value: number; dataIndex: number }) =>
            `${formatPoints(params.value)}${rows[params.dataIndex]?.isLeading ? ' ★' : ''}`,
        },
      },
    ],
  };
}

/** The bar chart of a bloc's totals in rank order, with an SVG download. */
export function RankingChart({
  ranking,
  year,
  fileName,
}: {
  ranking: RankingView;
  year: number;
  fileName: string;
}) {
  const chart = useRef<EChartsType | null>(null);
  const option = useMemo(() => rankingChartOption(ranking, year), [ranking, year]);
  const onChart = useCallback((instance: EChartsType) => {
    chart.current = instance;
  }, []);
  return (
    <Card
      title="Biểu đồ xếp hạng"
      extra={
        <Button
          icon={<DownloadOutlined aria-hidden />}
          onClick={() => chart.current && downloadChart(chart.current, fileName)}
        >
          Tải biểu đồ (SVG)
        </Button>
      }
    >
      <EChart
        option={option}
        onChart={onChart}
        height={Math.max(240, 76 + ranking.rows.length * 40)}
        label={rankingChartLabel(ranking)}
      />
    </Card>
  );
}
