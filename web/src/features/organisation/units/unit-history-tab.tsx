import { Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { successionKindLabels, type UnitDetail } from '../../../../../contracts/organisation.ts';
import { formatDate } from '../../../lib/format.ts';
import { unitPath } from './unit-label.tsx';

type SuccessionLink = UnitDetail['successors'][number];
interface Row extends SuccessionLink {
  direction: 'from' | 'to';
}

const columns: TableColumnsType<Row> = [
  {
    title: 'Ngày hiệu lực',
    dataIndex: 'effectiveDate',
    width: 140,
    render: (value: string) => formatDate(value),
  },
  {
    title: 'Quan hệ',
    dataIndex: 'direction',
    width: 200,
    render: (direction: Row['direction']) =>
      direction === 'from' ? 'Tiếp nhận từ đơn vị' : 'Chuyển sang đơn vị kế thừa',
  },
  {
    title: 'Đơn vị',
    key: 'unit',
    render: (_, row) => (
      <span>
        <Link to={unitPath(row.id)}>{row.name}</Link>{' '}
        <Typography.Text type="secondary">({row.code})</Typography.Text>
      </span>
    ),
  },
  {
    title: 'Hình thức',
    dataIndex: 'kind',
    width: 180,
    responsive: ['sm'],
    render: (kind: Row['kind']) => successionKindLabels[kind],
  },
];

/** Mergers, splits and renames this unit took part in: what it took over and what took it over. */
export function UnitHistoryTab({ unit }: { unit: UnitDetail }) {
  const rows: Row[] = [
    ...unit.predecessors.map((link) => ({ ...link, direction: 'from' as const })),
    ...unit.successors.map((link) => ({ ...link, direction: 'to' as const })),
  ].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  return (
    <Table<Row>
      rowKey={(row) => `${row.direction}-${row.id}`}
      bordered
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: 'Đơn vị chưa có lần sáp nhập, chia tách hay đổi tên nào.' }}
    />
  );
}
