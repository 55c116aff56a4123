import { Skeleton, Tag } from 'antd';
import { Link } from 'react-router';
import type { ReportsDashboard } from '../../../../contracts/dashboards.ts';
import { formatDate } from '../../lib/format.ts';
import { ChartCard } from './chart-card.tsx';
import { downloadSection } from './dashboards.api.ts';

type RequestRow = ReportsDashboard['requests'][number];
type BlocRow = ReportsDashboard['blocResults'][number] & { key: string };

const BUCKETS = [
  ['onTime', 'Đúng hạn', '#52c41a'],
  ['late', 'Muộn', '#faad14'],
  ['missing', 'Chưa gửi (quá hạn)', '#ff4d4f'],
  ['pending', 'Chưa đến hạn', '#bfbfbf'],
] as const;

/** "Báo cáo, chấm điểm": the unit's report requests of the year by bucket, and the subtree's published bloc scores. */
export function ReportsPanel({ view, year }: { view: ReportsDashboard | undefined; year: number }) {
  if (!view) return <Skeleton active />;
  const xlsx = () => downloadSection(view.unit.id, 'reports', year);
  const blocs: BlocRow[] = view.blocResults.map((row) => ({ ...row, key: `${row.blocName}|${row.unitId}` }));
  const topBlocs = blocs.slice(0, 30);
  return (
    <>
      <ChartCard<RequestRow>
        title={`Tình hình gửi báo cáo theo yêu cầu của ${view.unit.name}`}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', inverse: true, data: view.requests.map((row) => row.title) },
          series: BUCKETS.map(([key, name, color]) => ({
            name,
            type: 'bar',
            stack: 'bucket',
            itemStyle: { color },
            data: view.requests.map((row) => row[key]),
          })),
        }}
        rows={view.requests}
        rowKey="id"
        fileName={`bao-cao-${year}`}
        onXlsx={xlsx}
        emptyText="Đơn vị không có yêu cầu báo cáo nào hạn trong năm"
        columns={[
          {
            title: 'Yêu cầu báo cáo',
            dataIndex: 'title',
            render: (title: string, row) => <Link to={`/bao-cao/yeu-cau/${row.id}`}>{title}</Link>,
          },
          { title: 'Hạn gửi', dataIndex: 'dueOn', render: (value: string) => formatDate(value) },
          ...BUCKETS.map(([key, title]) => ({ title, dataIndex: key, align: 'right' as const })),
        ]}
      />
      <ChartCard<BlocRow>
        title="Kết quả chấm điểm thi đua khối, cụm (đã công bố)"
        option={{
          tooltip: { trigger: 'axis' },
          grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
          xAxis: { type: 'value' },
          yAxis: {
            type: 'category',
            inverse: true,
            data: topBlocs.map((row) => `${row.unitName} (${row.blocName})`),
          },
          series: [
            {
              name: 'Tổng điểm',
              type: 'bar',
              data: topBlocs.map((row) => ({
                value: row.total,
                itemStyle: { color: row.isLeading ? '#d4380d' : '#1677ff' },
              })),
              label: { show: true, position: 'right' },
            },
          ],
        }}
        height={Math.max(240, topBlocs.length * 30 + 40)}
        rows={blocs}
        rowKey="key"
        fileName={`cham-diem-khoi-${year}`}
        onXlsx={xlsx}
        emptyText="Chưa có kết quả chấm điểm khối, cụm nào được công bố trong năm"
        columns={[
          { title: 'Khối, cụm', dataIndex: 'blocName' },
          { title: 'Đơn vị', dataIndex: 'unitName' },
          { title: 'Tổng điểm', dataIndex: 'total', align: 'right' },
          { title: 'Xếp hạng', dataIndex: 'rank', align: 'right' },
          {
            title: 'Dẫn đầu',
            dataIndex: 'isLeading',
            render: (isLeading: boolean) => (isLeading ? <Tag color="volcano">Dẫn đầu</Tag> : null),
          },
        ]}
      />
    </>
  );
}
