import { Button, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  type ScoringTableView,
  type SheetStatus,
  sheetStatusLabels,
} from '../../../../contracts/bloc-scoring.ts';
import { CursorPager, type CursorPosition } from '../../components/cursor-pager.tsx';
import { useSheets } from './bloc-scoring.api.ts';

export const sheetStatusColors: Record<SheetStatus, string> = {
  self_assessment: 'default',
  submitted: 'blue',
  reviewed: 'orange',
  explained: 'purple',
  final: 'green',
};

interface Row {
  id: string;
  blocId: string;
  blocName: string;
  unitName: string;
  status: SheetStatus;
}

/** The score sheets of the units the user may see, by bloc, with each bloc's ranking. */
export function SheetsPanel({ table }: { table: ScoringTableView }) {
  const [blocId, setBlocId] = useState<string | undefined>(
    table.blocs.length === 1 ? table.blocs[0]?.blocId : undefined,
  );
  const [position, setPosition] = useState<CursorPosition>({ limit: 50 });
  const navigate = useNavigate();
  const page = useSheets(table.id, position, blocId, table.status !== 'draft');
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="Lọc theo khối, cụm"
          allowClear
          placeholder="Tất cả khối, cụm"
          style={{ minWidth: 260 }}
          value={blocId}
          onChange={(value?: string) => {
            setBlocId(value);
            setPosition({ limit: position.limit });
          }}
          options={table.blocs.map((item) => ({ value: item.blocId, label: item.name }))}
        />
        {table.blocs
          .filter((item) => !blocId || item.blocId === blocId)
          .map((item) => (
            <Button
              key={item.blocId}
              size="large"
              style={{ whiteSpace: 'normal', height: 'auto', minHeight: 40, textAlign: 'left' }}
              onClick={() => navigate(`/khoi-cum/bang/${table.id}/xep-hang/${item.blocId}`)}
            >
              Xếp hạng {item.name}
            </Button>
          ))}
      </Flex>
      <Table<Row>
        rowKey="id"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{ emptyText: 'Không có bảng điểm nào bạn được xem.' }}
        columns={[
          {
            title: 'Đơn vị',
            dataIndex: 'unitName',
            render: (name: string, row) => <Link to={`/khoi-cum/bang-diem/${row.id}`}>{name}</Link>,
          },
          { title: 'Khối, cụm', dataIndex: 'blocName' },
          {
            title: 'Bước',
            dataIndex: 'status',
            width: 260,
            render: (status: SheetStatus) => (
              <Tag color={sheetStatusColors[status]}>{sheetStatusLabels[status]}</Tag>
            ),
          },
        ]}
      />
      <CursorPager
        page={page.data}
        position={position}
        onChange={setPosition}
        noun="bảng điểm"
        isLoading={page.isFetching}
      />
    </>
  );
}
