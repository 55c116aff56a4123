import { Alert, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PublicComment } from '../../../../contracts/public-notice.ts';
import { CursorPager, type CursorPosition, LoadFailedResult, PageHeader } from '../../components/index.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { describeError, showError, showSuccess } from '../../lib/notify.ts';
import { CommentStatusTag, NoticeStatusTag } from './labels.tsx';
import { useComments, useModerateComment, useNotice, useWithdrawNotice } from './public-notice.api.ts';

/** The dialog answering a comment (the answer can be changed later). */
function AnswerModal({
  comment,
  noticeId,
  onClose,
}: {
  comment: PublicComment | null;
  noticeId: string;
  onClose: () => void;
}) {
  // Remounted per comment (key), so it opens with that comment's answer.
  const [answer, setAnswer] = useState(comment?.answer ?? '');
  const moderate = useModerateComment(noticeId);
  const save = async () => {
    if (!comment) return;
    try {
      await moderate.mutateAsync({
        id: comment.id,
        action: 'answer',
        body: { version: comment.version, answer },
      });
      showSuccess('Đã lưu câu trả lời.');
      onClose();
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Modal
      open={comment !== null}
      title="Trả lời ý kiến góp ý"
      okText="Lưu câu trả lời"
      cancelText="Hủy"
      okButtonProps={{ disabled: !answer.trim() }}
      confirmLoading={moderate.isPending}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
        {comment?.body}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="Nội dung trả lời" required>
          <Input.TextArea
            aria-label="Nội dung trả lời"
            autoSize={{ minRows: 4 }}
            maxLength={4000}
            value={answer}
            onChange={(event) => setAnswer(event.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One notice: what the public sees, the comments with their moderation and answers, withdrawal. */
export function NoticePage() {
  const { id = '' } = useParams();
  const notice = useNotice(id);
  const [position, setPosition] = useState<CursorPosition>({ limit: 20 });
  const comments = useComments(id, position);
  const moderate = useModerateComment(id);
  const withdraw = useWithdrawNotice(id);
  const [answering, setAnswering] = useState<PublicComment | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  if (notice.isError)
    return <LoadFailedResult message={describeError(notice.error)} onRetry={() => notice.refetch()} />;
  const data = notice.data;
  if (!data) return null;
  const canModerate = data.actions.includes('moderate');

  const setVisibility = async (comment: PublicComment, action: 'publish' | 'hide') => {
    try {
      await moderate.mutateAsync({ id: comment.id, action, body: { version: comment.version } });
      showSuccess(action === 'publish' ? 'Đã công bố ý kiến trên trang công khai.' : 'Đã ẩn ý kiến.');
    } catch (error) {
      showError(error);
    }
  };
  const doWithdraw = async () => {
    try {
      await withdraw.mutateAsync({ version: data.version, reason });
      showSuccess('Đã rút công khai.');
      setWithdrawing(false);
    } catch (error) {
      showError(error);
      notice.refetch();
    }
  };

  return (
    <>
      <PageHeader
        title={`Công khai: ${data.subjectName}`}
        description={<Link to={`/khen-thuong/to-trinh/${data.nominee.nominationId}`}>Mở tờ trình</Link>}
        extra={
          <Space wrap>
            {data.status === 'open' && (
              <Button href={data.publicPath} target="_blank" size="large">
                Xem trang công khai
              </Button>
            )}
            {data.actions.includes('withdraw') && (
              <Button danger size="large" onClick={() => setWithdrawing(true)}>
                Rút công khai
              </Button>
            )}
          </Space>
        }
      />
      {data.status === 'withdrawn' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Đã rút công khai. Lý do: ${data.withdrawReason ?? ''}`}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="Trạng thái">
            <NoticeStatusTag status={data.status} />
          </Descriptions.Item>
          <Descriptions.Item label="Thời gian công khai">
            {`${formatDate(data.startDate)} – ${formatDate(data.endDate)} (${data.workingDays} ngày làm việc)`}
          </Descriptions.Item>
          <Descriptions.Item label="Chức vụ">{data.position ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị">{data.unitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Hình thức đề nghị">{data.awardName}</Descriptions.Item>
          <Descriptions.Item label="Căn cứ">{data.article}</Descriptions.Item>
          <Descriptions.Item label="Nội dung thông báo" span={2}>
            {data.noticeText}
          </Descriptions.Item>
          <Descriptions.Item label="Tóm tắt thành tích" span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{data.achievements}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`Ý kiến góp ý (${data.commentCount}, chưa trả lời ${data.unansweredCount})`}>
        <Table<PublicComment>
          rowKey="id"
          loading={comments.isFetching}
          dataSource={comments.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: 'Chưa có ý kiến góp ý.' }}
          columns={[
            { title: 'Thời gian', width: 150, render: (_, row) => formatDateTime(row.createdAt) },
            {
              title: 'Người góp ý',
              render: (_, row) => (
                <>
                  {row.authorName}
                  {row.contact && <div style={{ color: '#666' }}>{row.contact}</div>}
                </>
              ),
            },
            {
              title: 'Nội dung',
              render: (_, row) => <span style={{ whiteSpace: 'pre-wrap' }}>{row.body}</span>,
            },
            {
              title: 'Trả lời',
              render: (_, row) =>
                row.answer ? (
                  <span style={{ whiteSpace: 'pre-wrap' }}>{row.answer}</span>
                ) : (
                  <Typography.Text type="warning">Chưa trả lời</Typography.Text>
                ),
            },
            { title: 'Công bố', width: 120, render: (_, row) => <CommentStatusTag status={row.status} /> },
            ...(canModerate
              ? [
                  {
                    title: 'Thao tác',
                    width: 220,
                    render: (_: unknown, row: PublicComment) => (
                      <Space wrap>
                        <Button onClick={() => setAnswering(row)}>
                          {row.answer ? 'Sửa trả lời' : 'Trả lời'}
                        </Button>
                        {row.status !== 'published' ? (
                          <Button onClick={() => setVisibility(row, 'publish')}>Công bố</Button>
                        ) : (
                          <Button onClick={() => setVisibility(row, 'hide')}>Ẩn</Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <CursorPager
          page={comments.data}
          position={position}
          onChange={setPosition}
          noun="ý kiến"
          isLoading={comments.isFetching}
        />
      </Card>
      <AnswerModal
        key={answering?.id ?? 'none'}
        comment={answering}
        noticeId={id}
        onClose={() => setAnswering(null)}
      />
      <Modal
        open={withdrawing}
        title="Rút công khai"
        okText="Rút công khai"
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        cancelText="Hủy"
        confirmLoading={withdraw.isPending}
        onOk={doWithdraw}
        onCancel={() => setWithdrawing(false)}
      >
        <Form layout="vertical">
          <Form.Item label="Lý do rút công khai" required>
            <Input.TextArea
              aria-label="Lý do rút công khai"
              autoSize={{ minRows: 3 }}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
