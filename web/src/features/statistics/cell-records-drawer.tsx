import { Drawer, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { StatisticsRecord } from '../../../../contracts/statistics.ts';
import { CursorPager, type CursorPosition } from '../../components/cursor-pager.tsx';
import { formatDate } from '../../lib/format.ts';
import { type StatisticsChoice, useCellRecords } from './statistics.api.ts';

const subjectLabels: Record<StatisticsRecord['subjectKind'], string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  enterprise: 'Doanh nghiệp',
  household: 'Hộ gia đình',
  movement: 'Phong trào',
};

/** The cell a user opened: its codes and what the page says about it. */
export interface OpenCell {
  row: string;
  column: string;
  title: string;
}

/** The records behind one cell of a form (who, which award, decision number and date), page by page. */
export function CellRecordsDrawer({
  choice,
  cell,
  onClose,
}: {
  choice: StatisticsChoice;
  cell: OpenCell | null;
  onClose: () => void;
}) {
  const [position, setPosition] = useState<CursorPosition>({ limit: 20 });
  const page = useCellRecords(choice, cell && { row: cell.row, column: cell.column }, position);
  const isMovement = page.data?.items[0]?.subjectKind === 'movement';
  return (
    <Drawer
      open={cell !== null}
      onClose={() => {
        setPosition({ limit: 20 });
        onClose();
      }}
      title="Danh sách bản ghi của ô"
      size={960}
      destroyOnHidden
    >
      <Typography.Paragraph>{cell?.title}</Typography.Paragraph>
      <Table<StatisticsRecord>
        rowKey="id"
        size="middle"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: 'Không có bản ghi nào.' }}
        columns={[
          {
            title: isMovement ? 'Phong trào' : 'Người, tập thể được khen',
            key: 'subject',
            render: (_, item) => (
              <>
                <Typography.Text strong>{item.subject}</Typography.Text>{' '}
                <Tag>{subjectLabels[item.subjectKind]}</Tag>
                {item.unitName && <div>{item.unitName}</div>}
              </>
            ),
          },
          {
            title: isMovement ? 'Loại' : 'Hình thức khen thưởng',
            key: 'award',
            render: (_, item) => (
              <>
                {item.award}
                {item.rewardType && <div style={{ color: '#595959' }}>{item.rewardType}</div>}
              </>
            ),
          },
          { title: isMovement ? 'Số kế hoạch' : 'Số quyết định', dataIndex: 'decisionNumber' },
          {
            title: isMovement ? 'Ngày phát động' : 'Ngày quyết định',
            dataIndex: 'decisionDate',
            render: (value: string | null) => formatDate(value),
          },
        ]}
      />
      <CursorPager
        page={page.data}
        position={position}
        onChange={setPosition}
        noun="bản ghi"
        isLoading={page.isFetching}
      />
    </Drawer>
  );
}
