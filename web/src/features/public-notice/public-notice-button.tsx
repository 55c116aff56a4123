import { Alert, Button, Checkbox, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { useNoticeCandidates, usePostNotice } from './public-notice.api.ts';

/**
 * "Công khai" on a tờ trình: shown when one of its nominees' awards requires public notice; the
 * dialog lists the nominees with whether each may be posted now, and posts the ones chosen.
 */
export function PublicNoticeButton({ nominationId }: { nominationId: string }) {
  const candidates = useNoticeCandidates(nominationId, true);
  const post = usePostNotice();
  const navigate = useNavigate();
  const { key, renew } = useIdempotencyKey();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [text, setText] = useState('');
  const items = candidates.data?.items ?? [];
  const postable = items.filter((item) => item.canPost);
  if (!candidates.data?.canManage || !items.some((item) => item.requiresNotice)) return null;
  const active = items.find((item) => item.activeNoticeId)?.activeNoticeId;

  const submit = async () => {
    try {
      const created = await post.mutateAsync({
        body: { nomineeIds: chosen, ...(text.trim() ? { noticeText: text.trim() } : {}) },
        idempotencyKey: key,
      });
      renew();
      showSuccess(`Đã công khai ${created.items.length} trường hợp để lấy ý kiến.`);
      setOpen(false);
      const first = created.items[0];
      if (first) navigate(`/khen-thuong/cong-khai/${first.id}`);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <>
      {postable.length > 0 && (
        <Button
          size="large"
          onClick={() => {
            setChosen(postable.map((item) => item.nomineeId));
            setOpen(true);
          }}
        >
          Công khai
        </Button>
      )}
      {!postable.length && active && (
        <Button size="large" onClick={() => navigate(`/khen-thuong/cong-khai/${active}`)}>
          Xem công khai
        </Button>
      )}
      <Modal
        open={open}
        title="Công khai lấy ý kiến nhân dân"
        okText="Công khai"
        cancelText="Hủy"
        okButtonProps={{ disabled: !chosen.length }}
        confirmLoading={post.isPending}
        onOk={submit}
        onCancel={() => setOpen(false)}
        width={720}
      >
        <Typography.Paragraph>
          Các trường hợp được chọn sẽ hiện trên trang công khai (không cần đăng nhập) từ hôm nay (
          {formatDate(candidates.data?.startDate)}) trong số ngày làm việc quy định; ý kiến của nhân dân được
          giữ lại chờ duyệt.
        </Typography.Paragraph>
        <List
          bordered
          dataSource={items}
          renderItem={(item) => (
            <List.Item>
              <Checkbox
                disabled={!item.canPost}
                checked={chosen.includes(item.nomineeId)}
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked
                      ? [...current, item.nomineeId]
                      : current.filter((id) => id !== item.nomineeId),
                  )
                }
              >
                <strong>{item.subjectName}</strong> — {item.awardName}
                {item.canPost && item.workingDays ? ` (${item.workingDays} ngày làm việc)` : ''}
              </Checkbox>
              {item.reason && <Typography.Text type="secondary">{item.reason}</Typography.Text>}
            </List.Item>
          )}
        />
        {postable[0] && (
          <Alert style={{ marginTop: 12 }} type="info" showIcon title={`Căn cứ: ${postable[0].article}`} />
        )}
        <Form layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item label="Nội dung thông báo (để trống để dùng nội dung chuẩn)">
            <Input.TextArea
              aria-label="Nội dung thông báo"
              autoSize={{ minRows: 3 }}
              maxLength={4000}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
