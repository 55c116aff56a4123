import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { MovementListItem } from '../../../../../contracts/movements.ts';
import {
  CursorPager,
  LoadFailedResult,
  PageHeader,
  readCursorPosition,
  writeCursorPosition,
} from '../../../components/index.ts';
import { describeError } from '../../../lib/notify.ts';
import { useSession } from '../../auth/index.ts';
import { useMovements } from '../movements.api.ts';
import { canCreateMovements, formatPeriod } from '../shared/officer-units.ts';
import { MovementStatusTag } from '../shared/status-tags.tsx';
import { CreateMovementModal } from './create-movement-modal.tsx';

/** The list of movements the user sees: search, status, plan number; officers create or import. */
export function MovementListPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const isPhone = Grid.useBreakpoint().md === false;
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const position = readCursorPosition(searchParams);
  const [text, setText] = useState(q);
  const [isCreating, setCreating] = useState(false);
  const [exactTotal, setExactTotal] = useState(false);
  const movements = useMovements(q, position, exactTotal);
  const canCreate = canCreateMovements(user);

  const search = (value: string) => {
    const next = value.trim();
    setSearchParams(next ? { q: next } : {});
  };

  return (
    <>
      <PageHeader
        title="Phong trào thi đua"
        description="Các phong trào do đơn vị mình và cấp trên phát động, kèm kế hoạch triển khai."
        extra={
          canCreate && (
            <Space wrap>
              <Button size="large" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                Tạo mới
              </Button>
              <Button
                type="primary"
                size="large"
                icon={<FileTextOutlined aria-hidden />}
                onClick={() => navigate('/phong-trao/nhap-van-ban')}
              >
                Nhập từ văn bản
              </Button>
            </Space>
          )
        }
      />
      <Card>
        <Input.Search
          size="large"
          allowClear
          enterButton="Tìm"
          placeholder="Tìm theo tên phong trào hoặc số kế hoạch (gõ có dấu hoặc không dấu)"
          aria-label="Tìm phong trào"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onSearch={search}
          style={{ maxWidth: 640, marginBottom: 16 }}
        />
        {movements.isError ? (
          <LoadFailedResult
            message={describeError(movements.error)}
            onRetry={() => void movements.refetch()}
          />
        ) : (
          <Table<MovementListItem>
            rowKey="id"
            loading={movements.isFetching}
            dataSource={movements.data?.items ?? []}
            // On a phone the name stays in view and the table scrolls sideways under it.
            scroll={{ x: isPhone ? 520 : 900 }}
            locale={{ emptyText: q ? 'Không có phong trào nào khớp từ khóa.' : 'Chưa có phong trào nào.' }}
            pagination={false}
            columns={[
              {
                title: 'Tên phong trào',
                dataIndex: 'name',
                ...(isPhone ? { fixed: 'left' as const, width: 200 } : {}),
                render: (name: string, row) => (
                  <Space orientation="vertical" size={0}>
                    <Link to={`/phong-trao/${row.id}`} style={{ fontSize: 16, fontWeight: 500 }}>
                      {name}
                    </Link>
                    {row.parentMovementId && (
                      <Typography.Text type="secondary">
                        Kế hoạch của đơn vị thực hiện phong trào cấp trên
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: 'Giai đoạn',
                width: 120,
                render: (_, row) => formatPeriod(row.periodFrom, row.periodTo),
              },
              {
                title: 'Đơn vị phát động',
                width: 240,
                responsive: ['md'],
                render: (_, row) => row.launchingUnit.name,
              },
              {
                title: 'Trạng thái',
                width: 150,
                render: (_, row) => <MovementStatusTag status={row.status} />,
              },
              {
                title: 'Số kế hoạch',
                width: 140,
                responsive: ['md'],
                render: (_, row) => row.planNumber ?? '—',
              },
            ]}
          />
        )}
        <CursorPager
          page={movements.data}
          position={position}
          onChange={(next) => setSearchParams(writeCursorPosition(searchParams, next))}
          noun="phong trào"
          onExactTotal={() => setExactTotal(true)}
          isLoading={movements.isFetching}
        />
      </Card>
      {isCreating && <CreateMovementModal onClose={() => setCreating(false)} />}
    </>
  );
}
