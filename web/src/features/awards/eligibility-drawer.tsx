import { CheckCircleTwoTone, CloseCircleTwoTone, QuestionCircleTwoTone } from '@ant-design/icons';
import { Alert, Descriptions, Drawer, List, Skeleton, Space, Tag, Typography } from 'antd';
import { type AwardCode, verdictLabels } from '../../../../contracts/awards.ts';
import { describeError } from '../../lib/notify.ts';
import { useEligibility } from './awards.api.ts';
import { ConfidenceTag } from './confidence-tag.tsx';

export const verdictColours = { eligible: 'green', not_eligible: 'red', needs_review: 'gold' } as const;

interface EligibilityDrawerProps {
  subject: { kind: 'individual' | 'collective'; id: string; name: string } | null;
  award: AwardCode;
  year: number;
  onClose: () => void;
}

const icon = (met: boolean | null) =>
  met === true ? (
    <CheckCircleTwoTone twoToneColor="#389e0d" aria-label="Đạt" />
  ) : met === false ? (
    <CloseCircleTwoTone twoToneColor="#cf1322" aria-label="Không đạt" />
  ) : (
    <QuestionCircleTwoTone twoToneColor="#d48806" aria-label="Cần xem xét" />
  );

/** A person's (or collective's) reasons for one award: every check with its article and mark, cash, warnings. */
export function EligibilityDrawer({ subject, award, year, onClose }: EligibilityDrawerProps) {
  const result = useEligibility(subject, award, year);
  const data = result.data;
  return (
    <Drawer
      open={Boolean(subject)}
      onClose={onClose}
      title={subject ? `Lý do: ${subject.name}` : ''}
      size="large"
    >
      {result.isPending && <Skeleton active />}
      {result.isError && <Alert type="error" showIcon message={describeError(result.error)} />}
      {data && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions
            bordered
            column={1}
            size="small"
            items={[
              {
                key: 'award',
                label: 'Danh hiệu',
                children: `${data.awardName}, thành tích năm ${data.forYear}`,
              },
              {
                key: 'verdict',
                label: 'Kết quả xét',
                children: <Tag color={verdictColours[data.verdict]}>{verdictLabels[data.verdict]}</Tag>,
              },
              { key: 'rules', label: 'Bộ quy tắc', children: data.ruleSetName },
              { key: 'cash', label: 'Tiền thưởng', children: data.cash.message },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            Các điều kiện
          </Typography.Title>
          <List
            bordered
            dataSource={data.checks}
            renderItem={(check) => (
              <List.Item>
                <Space align="start">
                  {icon(check.met)}
                  <div>
                    <div>{check.message}</div>
                    <Typography.Text type="secondary" data-testid="check-article">
                      Căn cứ: {check.article}
                    </Typography.Text>{' '}
                    <ConfidenceTag mark={check.confidence} />
                  </div>
                </Space>
              </List.Item>
            )}
          />
          {data.warnings.map((warning) => (
            <Alert key={warning} type="warning" showIcon message={warning} />
          ))}
          {data.notes.length > 0 && (
            <List
              header="Hội đồng xem xét thêm"
              bordered
              dataSource={data.notes}
              renderItem={(note) => (
                <List.Item>
                  {note.message} ({note.article}) <ConfidenceTag mark={note.confidence} />
                </List.Item>
              )}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}
