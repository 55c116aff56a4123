import { Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { type UnitListItem, unitKindLabels } from '../../../../../contracts/organisation.ts';
import { CursorPager, type CursorPosition } from '../../../components/index.ts';
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

/** The units directly under this one, ended ones included (greyed), paged by the server (next / previous). */
export function UnitChildrenTab({ unitId }: { unitId: string }) {
  const [position, setPosition] = useState<CursorPosition & { exactTotal?: 'true' }>({ limit: 20 });
  const children = useUnitChildren(unitId, position);
  const single = children.data && !children.data.next && !children.data.prev;
  return (
    <>
      <Table<UnitListItem>
        rowKey="id"
        bordered
        columns={columns}
        dataSource={children.data?.items}
        loading={children.isFetching}
        locale={{ emptyText: 'Đơn vị này không có đơn vị trực thuộc.' }}
        pagination={false}
      />
      {!single && (
        <CursorPager
          page={children.data}
          position={position}
          onChange={(next) => setPosition({ ...next, exactTotal: position.exactTotal })}
          onExactTotal={() => setPosition({ ...position, exactTotal: 'true' })}
          noun="đơn vị"
          isLoading={children.isFetching}
        />
      )}
    </>
  );
}
