import { Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type ExemplarListItem, exemplarKindLabels } from '../../../../contracts/exemplars.ts';
import { CursorPager, type CursorPosition } from '../../components/cursor-pager.tsx';
import { formatDate } from '../../lib/format.ts';
import { StageTag, StatusTag } from './exemplar-fields.tsx';
import { useExemplars } from './exemplars.api.ts';

/** The exemplars of one movement (a tab of the movement's page), newest discovery first. */
export function MovementExemplars({ movementId }: { movementId: string }) {
  const [position, setPosition] = useState<CursorPosition>({ limit: 10 });
  const page = useExemplars({ movementId }, position);
  return (
    <>
      <p>
        Điển hình tiên tiến phát hiện trong phong trào.{' '}
        <Link to={`/dien-hinh?movementId=${movementId}`}>Mở danh sách đầy đủ để lọc, tìm kiếm</Link>
      </p>
      <Table<ExemplarListItem>
        rowKey="id"
        size="small"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: 'Phong trào chưa có điển hình nào' }}
        columns={[
          {
            title: 'Điển hình',
            dataIndex: 'title',
            render: (title: string, row) => <Link to={`/dien-hinh/${row.id}`}>{title}</Link>,
          },
          {
            title: 'Loại',
            dataIndex: 'kind',
            width: 190,
            render: (kind: ExemplarListItem['kind']) => exemplarKindLabels[kind],
          },
          { title: 'Đơn vị đề xuất', dataIndex: 'unitName', width: 200 },
          {
            title: 'Phát hiện',
            dataIndex: 'discoveredOn',
            width: 110,
            render: (value: string) => formatDate(value),
          },
          {
            title: 'Giai đoạn, trạng thái',
            width: 220,
            render: (_, row) => (
              <>
                <StageTag stage={row.stage} />
                <StatusTag status={row.status} />
              </>
            ),
          },
        ]}
      />
      <CursorPager
        page={page.data}
        position={position}
        onChange={setPosition}
        noun="điển hình"
        isLoading={page.isFetching}
        pageSizes={[10, 20, 50]}
      />
    </>
  );
}
