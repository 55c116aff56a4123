import { Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { type UnitListItem, unitKindLabels } from '../../../../../contracts/organisation.ts';
import { formatNumber } from '../../../lib/format.ts';
import { UnitLabel, UnitStatus } from './unit-label.tsx';
import { useUnitChildren } from './units.api.ts';

const columns: TableColumnsType<UnitListItem> = [
  { title: 'Tên đơn vị', key: 'name', render: (_, unit) => <UnitLabel unit={unit} showCode={false} /> },
  { title: 'Mã', dataIndex: 'code', width: 140, responsive: ['sm'] },
  {
    title: 'Loại',
    dataIndex: 'kind',
    width: 220,
    responsive: ['md'],
    render: (kind: UnitListItem['kind']) => unitKindLabels[kind],
  },
  { title: 'Trực thuộc', dataIndex: 'childCount', width: 110, align: 'right', responsive: ['lg'] },
  { title: 'Tình trạng', key: 'status', width: 150, render: (_, unit) => <UnitStatus unit={unit} /> },
];

/** The units directly under this one, ended ones included (greyed), paged by the server. */
export function UnitChildrenTab({ unitId }: { unitId: string }) {
  const [page, setPage] = useState({ current: 1, size: 20 });
  const children = useUnitChildren(unitId, page.current, page.size);
  return (
    <Table<UnitListItem>
      rowKey="id"
      bordered
      columns={columns}
      dataSource={children.data?.items}
      loading={children.isFetching}
      locale={{ emptyText: 'Đơn vị này không có đơn vị trực thuộc.' }}
      pagination={{
        current: page.current,
        pageSize: page.size,
        total: children.data?.total ?? 0,
        hideOnSinglePage: true,
        showTotal: (total) => `Tổng số ${formatNumber(total)} đơn vị`,
        onChange: (current, size) => setPage({ current, size }),
      }}
    />
  );
}
