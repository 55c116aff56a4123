import { Alert, Button, Card, Col, Row, Skeleton, Table, Tag, Typography } from 'antd';
import type { AssignmentItem, MovementDetail } from '../../../../../contracts/movements.ts';
import { LoadFailedResult } from '../../../components/index.ts';
import { formatDate } from '../../../lib/format.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { describeError, showSuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/index.ts';
import { officerUnits } from '../shared/officer-units.ts';
import { MilestoneTimeline } from './milestone-timeline.tsx';
import { useAddMilestones, useAssignments, useMarkAssignment, useMilestones } from './timeline.api.ts';

/** The plan's written milestones as stored ones: the exact date, else the end of the year named. */
function planMilestones(movement: MovementDetail) {
  return movement.plan.milestones
    .filter((milestone) => milestone.date || milestone.year)
    .map((milestone) => ({
      kind: milestone.kind,
      title: milestone.text.slice(0, 1000),
      dueOn: milestone.date ?? `${milestone.year}-12-31`,
    }))
    .filter((milestone) => milestone.title.trim().length >= 3);
}

/** The "Tiến độ" tab: milestones on a timeline (overdue in red) and the assignments with their status. */
export function TimelineTab({ movement }: { movement: MovementDetail }) {
  const { user } = useSession();
  const milestones = useMilestones(movement.id);
  const assignments = useAssignments(movement.id);
  const addMilestones = useAddMilestones(movement.id);
  const milestoneKey = useIdempotencyKey();
  const markAssignment = useMarkAssignment(movement.id);
  const canManage = movement.actions.includes('manage_registrations');
  const isOfficer = officerUnits(user).length > 0;
  const fromPlan = planMilestones(movement);

  const copyFromPlan = async () => {
    try {
      await addMilestones.mutateAsync({ items: fromPlan, idempotencyKey: milestoneKey.key });
      milestoneKey.renew();
      showSuccess('Đã đưa các mốc tiến độ của kế hoạch lên dòng thời gian.');
    } catch {
      // The global handler shows the server's message.
    }
  };

  return (
    <Row gutter={[16, 16]}>
      {/* Side by side only on wide screens: at 1366 px the assignments need the whole width. */}
      <Col xs={24} xxl={10}>
        <Card title="Mốc tiến độ">
          {milestones.isPending && <Skeleton active />}
          {milestones.isError && (
            <LoadFailedResult
              message={describeError(milestones.error)}
              onRetry={() => void milestones.refetch()}
            />
          )}
          {milestones.data && (
            <>
              {milestones.data.items.length === 0 && canManage && fromPlan.length > 0 && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 16 }}
                  title={`Kế hoạch ghi ${fromPlan.length} mốc tiến độ chưa được đưa lên dòng thời gian.`}
                  action={
                    <Button
                      type="primary"
                      loading={addMilestones.isPending}
                      onClick={() => void copyFromPlan()}
                    >
                      Lấy mốc từ kế hoạch
                    </Button>
                  }
                />
              )}
              <MilestoneTimeline
                movementId={movement.id}
                items={milestones.data.items}
                canManage={canManage}
              />
            </>
          )}
        </Card>
      </Col>
      <Col xs={24} xxl={14}>
        <Card title="Nhiệm vụ được giao">
          {assignments.isError ? (
            <LoadFailedResult
              message={describeError(assignments.error)}
              onRetry={() => void assignments.refetch()}
            />
          ) : (
            <Table<AssignmentItem>
              rowKey="id"
              size="middle"
              loading={assignments.isPending}
              dataSource={assignments.data?.items ?? []}
              pagination={false}
              scroll={{ x: 760 }}
              locale={{ emptyText: 'Chưa giao nhiệm vụ nào.' }}
              columns={[
                {
                  title: 'Đơn vị được giao',
                  width: 180,
                  fixed: 'left',
                  render: (_, row) => row.assignee.name,
                },
                {
                  title: 'Nhiệm vụ',
                  width: 300,
                  render: (_, row) => (
                    <>
                      {row.task}
                      {row.recurrence === 'yearly' && <Tag style={{ marginLeft: 6 }}>Hằng năm</Tag>}
                    </>
                  ),
                },
                { title: 'Hạn', width: 110, render: (_, row) => formatDate(row.dueOn) },
                {
                  title: 'Tình trạng',
                  width: 170,
                  render: (_, row) =>
                    row.status === 'done' ? (
                      <Tag color="green">Đã xong {formatDate(row.doneAt)}</Tag>
                    ) : row.isOverdue ? (
                      <Tag color="red">Quá hạn</Tag>
                    ) : (
                      <Tag color="blue">Đang thực hiện</Tag>
                    ),
                },
                ...(isOfficer
                  ? [
                      {
                        title: 'Thao tác',
                        width: 150,
                        render: (_: unknown, row: AssignmentItem) => (
                          <Button
                            disabled={markAssignment.isPending}
                            onClick={() =>
                              markAssignment.mutate({
                                id: row.id,
                                status: row.status === 'done' ? 'open' : 'done',
                                version: row.version,
                              })
                            }
                          >
                            {row.status === 'done' ? 'Mở lại' : 'Đã hoàn thành'}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            Nhiệm vụ quá hạn được tô đỏ; đơn vị được giao nhận nhắc việc trên hệ thống.
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}
