import { Button, Empty, Tag, Timeline, Typography } from 'antd';
import type { MilestoneItem } from '../../../../../contracts/movements.ts';
import { formatDate } from '../../../lib/format.ts';
import { milestoneKindLabels } from '../plan/plan-labels.ts';
import { useMarkMilestone } from './timeline.api.ts';

/** The milestones on a vertical timeline: done in green, overdue in red, upcoming in blue. */
export function MilestoneTimeline({
  movementId,
  items,
  canManage,
}: {
  movementId: string;
  items: MilestoneItem[];
  canManage: boolean;
}) {
  const mark = useMarkMilestone(movementId);
  if (items.length === 0)
    return <Empty description="Chưa có mốc tiến độ" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      items={items.map((item) => {
        const color = item.doneAt ? 'green' : item.isOverdue ? 'red' : 'blue';
        return {
          key: item.id,
          color,
          content: (
            <div data-testid="milestone" style={{ fontSize: 15 }}>
              <div>
                <strong style={{ fontSize: 16, marginRight: 8 }}>{formatDate(item.dueOn)}</strong>
              </div>
              <Tag color={color === 'blue' ? 'processing' : color}>{milestoneKindLabels[item.kind]}</Tag>
              <Typography.Text type={item.isOverdue && !item.doneAt ? 'danger' : undefined}>
                {item.title}
              </Typography.Text>
              <div>
                {item.doneAt ? (
                  <Typography.Text type="success">Đã xong ngày {formatDate(item.doneAt)}</Typography.Text>
                ) : item.isOverdue ? (
                  <Typography.Text type="danger" strong>
                    Quá hạn
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">Chưa đến hạn</Typography.Text>
                )}
                {canManage && (
                  <Button
                    size="small"
                    type="link"
                    disabled={mark.isPending}
                    onClick={() => mark.mutate({ id: item.id, done: !item.doneAt, version: item.version })}
                  >
                    {item.doneAt ? 'Bỏ đánh dấu xong' : 'Đánh dấu đã xong'}
                  </Button>
                )}
              </div>
            </div>
          ),
        };
      })}
    />
  );
}
