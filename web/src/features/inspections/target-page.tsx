import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type InspectionItem,
  inspectionStatusLabels,
  type Remedy,
  ratingLabels,
  remedyStatusLabels,
} from '../../../../contracts/inspections.ts';
import { LoadFailedResult, PageHeader } from '../../components/index.ts';
import { downloadFile } from '../../lib/download.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { describeError, showError } from '../../lib/notify.ts';
import { useTarget } from './inspections.api.ts';
import { IssueNoticeButton } from './issue-notice-button.tsx';
import { statusColors } from './plan-list-page.tsx';
import { ConclusionModal, FindingModal, FollowUpModal, RemedyModal } from './target-modals.tsx';

type Dialog =
  | { kind: 'finding'; item: InspectionItem }
  | { kind: 'remedy' }
  | { kind: 'conclusion' }
  | { kind: 'follow'; remedy: Remedy }
  | null;

const remedyColors: Record<Remedy['status'], string> = {
  not_started: 'default',
  in_progress: 'gold',
  done: 'green',
};

/** One inspected unit: findings per content item, conclusion, remedies and the unit's follow-up, the notice. */
export function TargetPage() {
  const { id = '' } = useParams();
  const target = useTarget(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (target.isError)
    return <LoadFailedResult message={describeError(target.error)} onRetry={() => target.refetch()} />;
  const view = target.data;
  if (!view) return <Card loading />;
  const canRecord = view.actions.includes('record');
  const canIssue = view.actions.includes('issue_notice') && !view.notice;
  const canFollowUp = view.actions.includes('follow_up');
  const findingOf = (itemId: string) => view.findings.find((finding) => finding.itemId === itemId);
  const download = () =>
    downloadFile(`/api/inspection-targets/${id}/notice`, {}, 'thong-bao-ket-luan-kiem-tra.docx').catch(
      showError,
    );
  return (
    <>
      <PageHeader
        title={view.unitName}
        description={
          <>
            <Link to={`/kiem-tra/${view.planId}`}>{view.planTitle}</Link> — {view.councilName}
          </>
        }
        extra={
          view.planStatus !== 'draft' && (
            <Space wrap>
              {canIssue && <IssueNoticeButton target={view} />}
              <Button icon={<DownloadOutlined aria-hidden />} onClick={download}>
                Tải thông báo kết luận (DOCX)
              </Button>
            </Space>
          )
        }
      />
      <Card
        style={{ marginBottom: 16 }}
        extra={
          canRecord &&
          !view.notice && (
            <Button onClick={() => setDialog({ kind: 'conclusion' })}>Sửa kết luận, kiến nghị</Button>
          )
        }
        title="Kết luận kiểm tra"
      >
        <Descriptions column={1} size="small">
          <Descriptions.Item label="Ngày kiểm tra">{formatDate(view.inspectOn)}</Descriptions.Item>
          <Descriptions.Item label="Thông báo kết luận">
            {view.notice ? (
              <Typography.Text strong>
                Số {view.notice.number} ngày {formatDate(view.notice.date)}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">Chưa ban hành</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="Trạng thái kế hoạch">
            <Tag color={statusColors[view.planStatus]}>{inspectionStatusLabels[view.planStatus]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="Kết luận">
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
              {view.conclusion || 'Chưa có'}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="Kiến nghị">
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
              {view.recommendations || 'Chưa có'}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="Kết quả kiểm tra theo nội dung" style={{ marginBottom: 16 }}>
        <Table<InspectionItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={view.items}
          columns={[
            { title: 'Nội dung kiểm tra', dataIndex: 'text', width: '35%' },
            {
              title: 'Kết quả',
              render: (_, item) =>
                findingOf(item.id)?.text ?? <Typography.Text type="secondary">Chưa ghi</Typography.Text>,
            },
            {
              title: 'Điểm / Xếp loại',
              width: 140,
              render: (_, item) => {
                const finding = findingOf(item.id);
                if (item.assessment === 'score') return `${finding?.score ?? '—'}/${item.maxScore}`;
                if (item.assessment === 'rating') return finding?.rating ? ratingLabels[finding.rating] : '—';
                return '';
              },
            },
            ...(canRecord
              ? [
                  {
                    title: '',
                    width: 110,
                    render: (_: unknown, item: InspectionItem) => (
                      <Button size="small" onClick={() => setDialog({ kind: 'finding', item })}>
                        Ghi kết quả
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        title="Yêu cầu khắc phục và kết quả khắc phục"
        extra={
          canRecord && (
            <Button type="primary" onClick={() => setDialog({ kind: 'remedy' })}>
              Thêm yêu cầu khắc phục
            </Button>
          )
        }
      >
        <Table<Remedy>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={view.remedies}
          locale={{ emptyText: 'Không có yêu cầu khắc phục' }}
          columns={[
            { title: 'Yêu cầu', dataIndex: 'text' },
            {
              title: 'Hạn',
              dataIndex: 'dueOn',
              width: 150,
              render: (value: string, remedy) => (
                <Space size={4}>
                  {formatDate(value)}
                  {remedy.isOverdue && <Tag color="red">Quá hạn</Tag>}
                </Space>
              ),
            },
            {
              title: 'Tình trạng',
              dataIndex: 'status',
              width: 150,
              render: (status: Remedy['status']) => (
                <Tag color={remedyColors[status]}>{remedyStatusLabels[status]}</Tag>
              ),
            },
            {
              title: 'Đơn vị báo cáo',
              render: (_, remedy) =>
                remedy.note ? (
                  <Space direction="vertical" size={0}>
                    <span>{remedy.note}</span>
                    {remedy.reportedAt && (
                      <Typography.Text type="secondary">{formatDateTime(remedy.reportedAt)}</Typography.Text>
                    )}
                    {remedy.evidence && (
                      <Button
                        type="link"
                        size="small"
                        style={{ padding: 0 }}
                        onClick={() =>
                          downloadFile(
                            `/api/inspection-remedies/${remedy.id}/evidence`,
                            {},
                            remedy.evidence?.fileName ?? 'minh-chung',
                          ).catch(showError)
                        }
                      >
                        Minh chứng: {remedy.evidence.fileName}
                      </Button>
                    )}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">Chưa báo cáo</Typography.Text>
                ),
            },
            ...(canFollowUp
              ? [
                  {
                    title: '',
                    width: 130,
                    render: (_: unknown, remedy: Remedy) => (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setDialog({ kind: 'follow', remedy })}
                      >
                        Báo cáo khắc phục
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <FindingModal
        target={view}
        item={dialog?.kind === 'finding' ? dialog.item : null}
        onClose={() => setDialog(null)}
      />
      <RemedyModal target={view} open={dialog?.kind === 'remedy'} onClose={() => setDialog(null)} />
      <ConclusionModal target={view} open={dialog?.kind === 'conclusion'} onClose={() => setDialog(null)} />
      <FollowUpModal
        remedy={dialog?.kind === 'follow' ? dialog.remedy : null}
        onClose={() => setDialog(null)}
      />
    </>
  );
}
