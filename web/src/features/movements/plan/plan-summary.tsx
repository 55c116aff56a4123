import { Empty, List, Tag, Typography } from 'antd';
import type { PlanContent } from '../../../../../contracts/movements.ts';
import { awardRoundLabels, milestoneKindLabels, readableDates } from './plan-labels.ts';

/** Awards, milestones, assignments and funding of a plan, each as a short list. */
export function PlanSchedule({ plan }: { plan: PlanContent }) {
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 18 }}>
        Hình thức khen thưởng
      </Typography.Title>
      {plan.awards.length === 0 ? (
        <Empty description="Không có" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={plan.awards}
          renderItem={(award) => (
            <List.Item>
              <span>
                {award.round && <Tag>{awardRoundLabels[award.round]}</Tag>}
                {award.year && <Tag>{award.year}</Tag>}
                {award.forms.join('; ') || '—'}
              </span>
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={3} style={{ fontSize: 18, marginTop: 16 }}>
        Tiến độ thực hiện
      </Typography.Title>
      {plan.milestones.length === 0 ? (
        <Empty description="Không có" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={plan.milestones}
          renderItem={(milestone) => (
            <List.Item>
              <span>
                <Tag color="blue">{milestoneKindLabels[milestone.kind]}</Tag>
                {readableDates(milestone.text)}
              </span>
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={3} style={{ fontSize: 18, marginTop: 16 }}>
        Tổ chức thực hiện
      </Typography.Title>
      {plan.assignments.length === 0 ? (
        <Empty description="Không có" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={plan.assignments}
          renderItem={(assignment) => (
            <List.Item>
              <div>
                <strong>{assignment.assignee}</strong>
                {assignment.deadline && ` (hạn: ${readableDates(assignment.deadline)})`}
                <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                  {assignment.tasks.map((task) => (
                    <li key={task}>{task}</li>
                  ))}
                </ul>
              </div>
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={3} style={{ fontSize: 18, marginTop: 16 }}>
        Kinh phí
      </Typography.Title>
      <Typography.Paragraph>{plan.funding ?? 'Kế hoạch không nêu kinh phí.'}</Typography.Paragraph>
    </>
  );
}
