import { Button, Card, Descriptions, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  assessmentLabels,
  type InspectionItem,
  InspectionView,
  inspectionStatusLabels,
  type TargetListItem,
  type TeamMember,
  teamRoleLabels,
} from '../../../../contracts/inspections.ts';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { LoadFailedResult, PageHeader } from '../../components/index.ts';
import { api } from '../../lib/api-client.ts';
import { formatDate } from '../../lib/format.ts';
import { describeError, showError, showSuccess } from '../../lib/notify.ts';
import { type Position, useInspection, useRefreshInspections, useTargets } from './inspections.api.ts';
import { EditPlanModal, TargetDayModal } from './plan-edit-modal.tsx';
import { statusColors } from './plan-list-page.tsx';
import { AddItemModal, AddTargetModal, AddTeamModal, ItemsFromMovementModal } from './plan-modals.tsx';
import { removalButtons } from './plan-removals.tsx';

type Dialog = 'edit' | 'item' | 'movement' | 'team' | 'target' | null;

/** One inspection plan: content items, team, targets; approve and complete for the council's officers. */
export function PlanPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const plan = useInspection(id);
  const refresh = useRefreshInspections();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [moving, setMoving] = useState<TargetListItem | null>(null);
  const position: Position = {
    after: params.get('after') ?? undefined,
    before: params.get('before') ?? undefined,
    limit: 20,
  };
  const targets = useTargets(id, position);
  if (plan.isError)
    return <LoadFailedResult message={describeError(plan.error)} onRetry={() => plan.refetch()} />;
  const view = plan.data;
  if (!view) return <Card loading />;
  const canEdit = view.actions.includes('edit');
  const move = (action: 'approve' | 'complete') =>
    Modal.confirm({
      title: action === 'approve' ? 'Phê duyệt kế hoạch kiểm tra?' : 'Kết thúc đợt kiểm tra?',
      content:
        action === 'approve'
          ? 'Sau khi phê duyệt, nội dung, đoàn và đơn vị được kiểm tra không sửa được nữa; đoàn bắt đầu ghi kết quả.'
          : 'Sau khi kết thúc, không ghi thêm kết quả; đơn vị vẫn báo cáo khắc phục.',
      okText: action === 'approve' ? 'Phê duyệt' : 'Kết thúc',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await api.post(
            `/api/inspections/${id}/${action}`,
            { version: view.version },
            { schema: InspectionView },
          );
          showSuccess(action === 'approve' ? 'Đã phê duyệt kế hoạch kiểm tra.' : 'Đã kết thúc đợt kiểm tra.');
        } catch (error) {
          showError(error);
        }
        await refresh();
      },
    });
  const remove = removalButtons(view, refresh);
  return (
    <>
      <PageHeader
        title={view.title}
        description={view.councilName}
        extra={
          <Space wrap>
            {canEdit && <Button onClick={() => setDialog('edit')}>Sửa kế hoạch</Button>}
            {view.actions.includes('approve') && (
              <Button type="primary" onClick={() => move('approve')}>
                Phê duyệt kế hoạch
              </Button>
            )}
            {view.actions.includes('complete') && (
              <Button onClick={() => move('complete')}>Kết thúc đợt kiểm tra</Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Năm">{view.year}</Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            <Tag color={statusColors[view.status]}>{inspectionStatusLabels[view.status]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="Thời gian">
            {formatDate(view.startsOn)} – {formatDate(view.endsOn)}
          </Descriptions.Item>
          <Descriptions.Item label="Đơn vị quá hạn khắc phục">{view.overdueCount}</Descriptions.Item>
          {view.purpose && <Descriptions.Item label="Mục đích, yêu cầu">{view.purpose}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {view.isFullView && (
        <Card
          title="Nội dung kiểm tra"
          style={{ marginBottom: 16 }}
          extra={
            canEdit && (
              <Space>
                <Button onClick={() => setDialog('movement')}>Lấy từ tiêu chí phong trào</Button>
                <Button type="primary" onClick={() => setDialog('item')}>
                  Thêm nội dung
                </Button>
              </Space>
            )
          }
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={view.items}
            locale={{ emptyText: 'Chưa có nội dung kiểm tra' }}
            columns={[
              { title: 'STT', width: 60, render: (_, __, index) => index + 1 },
              { title: 'Nội dung', dataIndex: 'text' },
              {
                title: 'Đánh giá',
                width: 180,
                render: (_, item) =>
                  item.assessment === 'score'
                    ? `${assessmentLabels.score} (tối đa ${item.maxScore})`
                    : assessmentLabels[item.assessment],
              },
              ...(canEdit
                ? [{ title: '', width: 90, render: (_: unknown, item: InspectionItem) => remove.item(item) }]
                : []),
            ]}
          />
        </Card>
      )}
      {view.isFullView && (
        <Card
          title="Đoàn kiểm tra"
          style={{ marginBottom: 16 }}
          extra={
            canEdit && (
              <Button type="primary" onClick={() => setDialog('team')}>
                Thêm thành viên
              </Button>
            )
          }
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={view.team}
            locale={{ emptyText: 'Chưa có thành viên' }}
            columns={[
              { title: 'Họ và tên', dataIndex: 'name' },
              { title: 'Đơn vị', dataIndex: 'unitName' },
              {
                title: 'Vai trò',
                dataIndex: 'role',
                width: 140,
                render: (role: keyof typeof teamRoleLabels) => teamRoleLabels[role],
              },
              ...(canEdit
                ? [
                    {
                      title: '',
                      width: 90,
                      render: (_: unknown, member: TeamMember) => remove.member(member),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
      <Card
        title="Đơn vị được kiểm tra"
        extra={
          canEdit && (
            <Button type="primary" onClick={() => setDialog('target')}>
              Thêm đơn vị
            </Button>
          )
        }
      >
        <Table<TargetListItem>
          rowKey="id"
          size="small"
          loading={targets.isFetching}
          pagination={false}
          dataSource={targets.data?.items ?? []}
          locale={{ emptyText: 'Chưa có đơn vị được kiểm tra' }}
          columns={[
            {
              title: 'Đơn vị',
              dataIndex: 'unitName',
              render: (name: string, row) => <Link to={`/kiem-tra/doi-tuong/${row.id}`}>{name}</Link>,
            },
            {
              title: 'Ngày kiểm tra',
              dataIndex: 'inspectOn',
              width: 130,
              render: (value: string) => formatDate(value),
            },
            { title: 'Kết quả đã ghi', dataIndex: 'findingCount', align: 'right', width: 120 },
            {
              title: 'Khắc phục (chưa xong / tổng)',
              width: 200,
              align: 'right',
              render: (_, row) => `${row.openRemedyCount} / ${row.remedyCount}`,
            },
            {
              title: 'Quá hạn',
              dataIndex: 'overdueCount',
              width: 100,
              align: 'right',
              render: (value: number) => (value ? <Tag color="red">{value}</Tag> : '0'),
            },
            ...(canEdit
              ? [
                  {
                    title: '',
                    width: 180,
                    render: (_: unknown, row: TargetListItem) => (
                      <Space size="small">
                        <Button
                          size="small"
                          aria-label={`Đổi ngày kiểm tra: ${row.unitName}`}
                          onClick={() => setMoving(row)}
                        >
                          Đổi ngày
                        </Button>
                        {remove.target(row)}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <CursorPager
          page={targets.data}
          position={position}
          onChange={(next) =>
            setParams(
              Object.fromEntries(
                Object.entries({ after: undefined, before: undefined, ...next })
                  .filter(([key, value]) => value !== undefined && key !== 'limit')
                  .map(([k, v]) => [k, String(v)]),
              ),
            )
          }
          noun="đơn vị"
          isLoading={targets.isFetching}
        />
        {!view.isFullView && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            Anh/chị chỉ xem được kết quả kiểm tra của đơn vị mình.
          </Typography.Paragraph>
        )}
      </Card>
      <EditPlanModal open={dialog === 'edit'} plan={view} onClose={() => setDialog(null)} />
      <TargetDayModal plan={view} target={moving} onClose={() => setMoving(null)} />
      <AddItemModal open={dialog === 'item'} plan={view} onClose={() => setDialog(null)} />
      <ItemsFromMovementModal open={dialog === 'movement'} plan={view} onClose={() => setDialog(null)} />
      <AddTeamModal open={dialog === 'team'} plan={view} onClose={() => setDialog(null)} />
      <AddTargetModal open={dialog === 'target'} plan={view} onClose={() => setDialog(null)} />
    </>
  );
}
