import { Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { DASHBOARD_MOVEMENTS_MAX, type MovementsDashboard } from '../../../../contracts/dashboards.ts';
import { formatDate } from '../../lib/format.ts';
import { ChartCard } from './chart-card.tsx';
import { downloadSection } from './dashboards.api.ts';

type MovementRow = MovementsDashboard['movements'][number];
type CascadeRow = MovementsDashboard['cascade'][number];

const STATES = [
  ['issued', 'Đã ban hành kế hoạch', '#52c41a'],
  ['pending', 'Chưa ban hành (trong hạn)', '#faad14'],
  ['overdue', 'Quá hạn', '#ff4d4f'],
  ['notApplicable', 'Không áp dụng', '#bfbfbf'],
] as const;
const stateColumns = STATES.map(([key, title]) => ({ title, dataIndex: key, align: 'right' as const }));

/** A stacked bar of the four plan states per row. */
function stacked(names: string[], rows: Record<(typeof STATES)[number][0], number>[]) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: names },
    series: STATES.map(([key, name, color]) => ({
      name,
      type: 'bar',
      stack: 'state',
      itemStyle: { color },
      data: rows.map((row) => row[key]),
    })),
  };
}

/** "Phong trào": movements launched in the subtree that year, and the child units' implementing plans. */
export function MovementsPanel({ view, year }: { view: MovementsDashboard | undefined; year: number }) {
  if (!view) return <Skeleton active />;
  const xlsx = () => downloadSection(view.unit.id, 'movements', year);
  const top = view.cascade.slice(0, 30);
  return (
    <>
      <Typography.Paragraph>
        Phong trào đang triển khai trong năm {year} (đơn vị và cấp dưới):{' '}
        <strong>{view.movementCount}</strong>, trong đó phát động trong năm:{' '}
        <strong>{view.launchedInYear}</strong>
        {view.movementCount > DASHBOARD_MOVEMENTS_MAX &&
          ` (hiển thị ${DASHBOARD_MOVEMENTS_MAX} phong trào mới nhất)`}
      </Typography.Paragraph>
      <ChartCard<CascadeRow>
        title={`Kế hoạch triển khai của đơn vị trực thuộc (phong trào ${view.unit.name} phát động)`}
        option={stacked(
          top.map((row) => row.unitName),
          top,
        )}
        height={Math.max(240, top.length * 30 + 60)}
        rows={view.cascade}
        rowKey="unitId"
        fileName={`trien-khai-${year}`}
        onXlsx={xlsx}
        columns={[{ title: 'Đơn vị trực thuộc', dataIndex: 'unitName' }, ...stateColumns]}
      />
      <ChartCard<MovementRow>
        title="Phong trào đang triển khai trong năm"
        option={stacked(
          view.movements.slice(0, 20).map((row) => row.name),
          view.movements.slice(0, 20),
        )}
        rows={view.movements}
        rowKey="id"
        fileName={`phong-trao-${year}`}
        onXlsx={xlsx}
        columns={[
          {
            title: 'Phong trào',
            dataIndex: 'name',
            render: (name: string, row) => <Link to={`/phong-trao/${row.id}`}>{name}</Link>,
          },
          { title: 'Đơn vị phát động', dataIndex: 'launchingUnitName' },
          { title: 'Số kế hoạch', dataIndex: 'planNumber' },
          {
            title: 'Ngày phát động',
            dataIndex: 'launchedOn',
            render: (value: string | null) => formatDate(value),
          },
          ...stateColumns,
        ]}
      />
    </>
  );
}
