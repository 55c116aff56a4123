import { Skeleton, Typography } from 'antd';
import type { AwardsDashboard } from '../../../../contracts/dashboards.ts';
import { ChartCard } from './chart-card.tsx';
import { formatCount } from './dashboard-format.ts';
import { downloadSection } from './dashboards.api.ts';

type ByCode = AwardsDashboard['byCode'][number];
type ByLevel = AwardsDashboard['byLevel'][number];
type ByType = AwardsDashboard['byRewardType'][number];

const pie = (name: string, data: { name: string; value: number }[]) => ({
  tooltip: { trigger: 'item', formatter: '{b}: {c} lượt ({d} %)' },
  legend: { type: 'scroll', bottom: 0 },
  series: [
    {
      name,
      type: 'pie',
      radius: ['35%', '65%'],
      center: ['50%', '45%'],
      data,
      label: { formatter: '{c}' },
    },
  ],
});

/** "Khen thưởng": the year's awards by form (stacked by subject), by deciding level and by reward type. */
export function AwardsPanel({ view, year }: { view: AwardsDashboard | undefined; year: number }) {
  if (!view) return <Skeleton active />;
  const xlsx = () => downloadSection(view.unit.id, 'awards', year);
  const top = view.byCode.slice(0, 15);
  const subjectSeries = (
    [
      ['individual', 'Cá nhân', '#1677ff'],
      ['collective', 'Tập thể', '#52c41a'],
      ['household', 'Hộ gia đình', '#faad14'],
    ] as const
  ).map(([key, name, color]) => ({
    name,
    type: 'bar',
    stack: 'subject',
    itemStyle: { color },
    data: top.map((row) => row[key]),
  }));
  return (
    <>
      <Typography.Paragraph>
        Tổng số lượt khen thưởng năm {year}: <strong>{formatCount(view.total)}</strong>
      </Typography.Paragraph>
      <ChartCard<ByCode>
        title="Theo hình thức, danh hiệu"
        option={{
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
          xAxis: { type: 'value' },
          yAxis: { type: 'category', inverse: true, data: top.map((row) => row.name) },
          series: subjectSeries,
        }}
        height={Math.max(240, top.length * 36 + 60)}
        rows={view.byCode}
        rowKey="code"
        fileName={`khen-thuong-hinh-thuc-${year}`}
        onXlsx={xlsx}
        columns={[
          { title: 'Hình thức, danh hiệu', dataIndex: 'name' },
          { title: 'Cá nhân', dataIndex: 'individual', align: 'right' },
          { title: 'Tập thể', dataIndex: 'collective', align: 'right' },
          { title: 'Hộ gia đình', dataIndex: 'household', align: 'right' },
          { title: 'Tổng', dataIndex: 'total', align: 'right' },
        ]}
      />
      <ChartCard<ByLevel>
        title="Theo cấp quyết định"
        option={pie(
          'Cấp quyết định',
          view.byLevel.map((row) => ({ name: row.label, value: row.count })),
        )}
        rows={view.byLevel}
        rowKey="level"
        fileName={`khen-thuong-cap-${year}`}
        onXlsx={xlsx}
        columns={[
          { title: 'Cấp quyết định', dataIndex: 'label' },
          { title: 'Số lượt', dataIndex: 'count', align: 'right' },
        ]}
      />
      <ChartCard<ByType>
        title="Theo loại hình khen thưởng"
        option={pie(
          'Loại hình',
          view.byRewardType.map((row) => ({ name: row.label, value: row.count })),
        )}
        rows={view.byRewardType}
        rowKey="rewardType"
        fileName={`khen-thuong-loai-hinh-${year}`}
        onXlsx={xlsx}
        columns={[
          { title: 'Loại hình', dataIndex: 'label' },
          { title: 'Số lượt', dataIndex: 'count', align: 'right' },
        ]}
      />
    </>
  );
}
