import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DecisionView, type RecipientView } from '../../../../contracts/decisions.ts';
import { api } from '../../lib/api-client.ts';
import { showError, showSuccess } from '../../lib/notify.ts';

/** The tờ trình a recipient came from, as a link (nothing for a recipient typed by hand). */
export function NominationLink({ recipient }: { recipient: RecipientView }) {
  if (!recipient.nomination) return <span>—</span>;
  return <Link to={`/khen-thuong/to-trinh/${recipient.nomination.id}`}>{recipient.nomination.title}</Link>;
}

/**
 * "Không khen thưởng": the decider refuses a nominee of the draft, with the reason; it leaves the
 * list and its tờ trình shows it as not rewarded (final).
 */
export function DeclineNomineeButton({
  decision,
  recipient,
}: {
  decision: DecisionView;
  recipient: RecipientView;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const queryClient = useQueryClient();
  if (!recipient.nomineeId) return null;
  const decline = async () => {
    setSaving(true);
    try {
      await api.post(
        `/api/decisions/${decision.id}/decline-nominees`,
        { version: decision.version, nomineeIds: [recipient.nomineeId], reason },
        { schema: DecisionView },
      );
      showSuccess(`Đã ghi không khen thưởng: ${recipient.name}.`);
      setOpen(false);
      setReason('');
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
      await queryClient.invalidateQueries({ queryKey: ['decisions'] });
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        Không khen thưởng
      </Button>
      <Modal
        open={open}
        title={`Không khen thưởng ${recipient.name}`}
        okText="Ghi không khen thưởng"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 5 }}
        cancelText="Đóng"
        confirmLoading={saving}
        onOk={decline}
        onCancel={() => setOpen(false)}
      >
        <Form layout="vertical">
          <Form.Item
            label="Lý do (đơn vị trình nhận được; không khen thưởng là kết quả cuối cùng của đối tượng này)"
            required
          >
            <Input.TextArea
              aria-label="Lý do không khen thưởng"
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
