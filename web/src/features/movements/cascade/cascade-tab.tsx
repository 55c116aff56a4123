import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CascadeRow, MovementDetail } from '../../../../../contracts/movements.ts';
import { CursorPager, type CursorPosition, LoadFailedResult } from '../../../components/index.ts';
import { downloadFile } from '../../../lib/download.ts';
import { formatDate } from '../../../lib/format.ts';
import { describeError, showError } from '../../../lib/notify.ts';
import { ObligationTag } from '../shared/status-tags.tsx';
import { useCascade } from './cascade.api.ts';
import { CascadeSummary, CountTags, LevelTotals } from './cascade-counts.tsx';
import { DiffDrawer } from './diff-drawer.tsx';
import { NotApplicableModal } from './not-applicable-modal.tsx';

type UnitRef = { id: string; name: string };

/**
 * The "Triển khai" tab: which units below have issued their implementing plans, on time or late,
 * drill-down into a unit with a breadcrumb back up, totals per level, Excel export, "Không áp dụng"
 * with a reason, and the difference of each issued plan from the parent plan.
 */
export function CascadeTab({ movement }: { movement: MovementDetail }) {
  const [trail, setTrailState] = useState<UnitRef[]>([]);
  const [position, setPosition] = useState<CursorPosition>({ limit: 50 });
  // Opening another level starts its list of subordinates from the first page.
  const setTrail = (next: UnitRef[]) => {
    setTrailState(next);
    setPosition({ limit: position.limit });
  };
  const current = trail.at(-1);
  const cascade = useCascade(movement.id, current?.id, position);
  const [diffRow, setDiffRow] = useState<CascadeRow | null>(null);
  const [exempting, setExempting] = useState<CascadeRow | null>(null);
  const [isExporting, setExporting] = useState(false);
  const manages = movement.actions.includes('manage_registrations');

  const exportExcel = async () => {
    setExporting(true);
    try {
      await downloadFile(
        `/api/movements/${movement.id}/cascade.xlsx`,
        { unitId: current?.id },
        'tinh-hinh-trien-khai.xlsx',
      );
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  };

  if (cascade.isError)
    return <LoadFailedResult message={describeError(cascade.error)} onRetry={() => void cascade.refetch()} />;
  const rootName = movement.launchingUnit.name;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {movement.status === 'draft' && (
        <Alert
          type="info"
          showIcon
          title="Phong trào chưa được phát động: các đơn vị cấp dưới chưa được giao xây dựng kế hoạch."
        />
      )}
      {cascade.data && <CascadeSummary cascade={cascade.data} />}
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Breadcrumb
          items={[
            {
              key: 'root',
              title:
                trail.length > 0 ? (
                  <Typography.Link onClick={() => setTrail([])}>{rootName}</Typography.Link>
                ) : (
                  <strong>{rootName}</strong>
                ),
            },
            ...trail.map((unit, index) => ({
              key: unit.id,
              title:
                index < trail.length - 1 ? (
                  <Typography.Link onClick={() => setTrail(trail.slice(0, index + 1))}>
                    {unit.name}
                  </Typography.Link>
                ) : (
                  <strong>{unit.name}</strong>
                ),
            })),
          ]}
        />
        <Button
          icon={<DownloadOutlined aria-hidden />}
          size="large"
          loading={isExporting}
          onClick={exportExcel}
        >
          Xuất Excel
        </Button>
      </Space>
      <Table<CascadeRow>
        rowKey={(row) => row.unit.id}
        loading={cascade.isFetching}
        dataSource={cascade.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: 'Không có đơn vị trực thuộc.' }}
        columns={[
          {
            title: 'Đơn vị',
            render: (_, row) =>
              row.unit.childCount > 0 ? (
                <Typography.Link
                  style={{ fontSize: 15 }}
                  onClick={() => setTrail([...trail, { id: row.unit.id, name: row.unit.name }])}
                  aria-label={`Xem các đơn vị thuộc ${row.unit.name}`}
                >
                  {row.unit.name} ›
                </Typography.Link>
              ) : (
                <span style={{ fontSize: 15 }}>{row.unit.name}</span>
              ),
          },
          {
            title: 'Tình trạng kế hoạch',
            width: 200,
            render: (_, row) => (
              <Space orientation="vertical" size={2}>
                <ObligationTag status={row.status} />
                {row.reason && <Typography.Text type="secondary">Lý do: {row.reason}</Typography.Text>}
              </Space>
            ),
          },
          { title: 'Hạn ban hành', width: 112, render: (_, row) => formatDate(row.dueOn) },
          { title: 'Ngày ban hành', width: 112, render: (_, row) => formatDate(row.issuedAt) },
          {
            title: 'Kế hoạch',
            width: 100,
            render: (_, row) =>
              row.implementingMovementId ? (
                <Link to={`/phong-trao/${row.implementingMovementId}`}>
                  {row.planNumber ?? 'Xem kế hoạch'}
                </Link>
              ) : (
                '—'
              ),
          },
          {
            title: 'Đơn vị cấp dưới',
            width: 180,
            render: (_, row) => <CountTags counts={row.subtree} />,
          },
          {
            title: 'Thao tác',
            width: 150,
            render: (_, row) => (
              <Space orientation="vertical" size={4}>
                {row.implementingMovementId && <Button onClick={() => setDiffRow(row)}>Xem khác biệt</Button>}
                {manages && row.obligationId && (row.status === 'pending' || row.status === 'missing') && (
                  <Button type="link" style={{ paddingInline: 0 }} onClick={() => setExempting(row)}>
                    Không áp dụng…
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CursorPager
        page={cascade.data}
        position={position}
        onChange={setPosition}
        noun="đơn vị cấp dưới"
        isLoading={cascade.isFetching}
      />
      {cascade.data && (
        <>
          <Typography.Title level={3} style={{ fontSize: 17, margin: 0 }}>
            Tổng hợp theo cấp
          </Typography.Title>
          <LevelTotals cascade={cascade.data} />
        </>
      )}
      {diffRow?.implementingMovementId && (
        <DiffDrawer
          movementId={diffRow.implementingMovementId}
          title={diffRow.unit.name}
          onClose={() => setDiffRow(null)}
        />
      )}
      {exempting?.obligationId && (
        <NotApplicableModal
          obligationId={exempting.obligationId}
          unitName={exempting.unit.name}
          onClose={() => setExempting(null)}
        />
      )}
    </Space>
  );
}
