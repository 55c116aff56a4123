import { Descriptions, Empty, List, Tag, Typography } from 'antd';
import type { PlanContent } from '../../../../../contracts/movements.ts';
import { formatDate } from '../../../lib/format.ts';
import { formatPeriod } from '../shared/officer-units.ts';
import { awardRoundLabels, milestoneKindLabels } from './plan-labels.ts';

/** The header of a plan: issuer, number, date, title, movement and period, legal bases. */
export function PlanHeaderFacts({ plan }: { plan: PlanContent }) {
  const { document } = plan;
  const { movement } = document;
  const issuer = [document.issuer.parent, document.issuer.name].filter(Boolean).join(' – ');
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 170, fontWeight: 500 } }}
      items={[
        { key: 'issuer', label: 'Cơ quan ban hành', children: issuer || '—' },
        { key: 'number', label: 'Số, ký hiệu', children: document.number ?? '—' },
        {
          key: 'date',
          label: 'Ngày ban hành',
          children: document.date
            ? `${document.place ? `${document.place}, ` : ''}${formatDate(document.date)}`
            : '—',
        },
        { key: 'title', label: 'Trích yếu', children: document.title ?? '—' },
        { key: 'movement', label: 'Tên phong trào', children: movement.name ?? '—' },
        {
          key: 'period',
          label: 'Giai đoạn',
          children:
            movement.periodFrom !== null
              ? formatPeriod(movement.periodFrom, movement.periodTo ?? movement.periodFrom)
              : '—',
        },
        {
          key: 'legal',
          label: 'Căn cứ',
          children: document.legalBasis.length ? (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {document.legalBasis.map((basis) => (
                <li key={basis.text}>{basis.text}</li>
              ))}
            </ul>
          ) : (
            '—'
          ),
        },
      ]}
    />
  );
}

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
                {milestone.text}
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
                {assignment.deadline && ` (hạn: ${assignment.deadline})`}
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
