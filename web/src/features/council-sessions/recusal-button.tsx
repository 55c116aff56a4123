import { useQueryClient } from '@tanstack/react-query';
import { Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { SessionView } from '../../../../contracts/council-sessions.ts';
import { api } from '../../lib/api-client.ts';
import { showError, showSuccess } from '../../lib/notify.ts';

/** A member declares a conflict of interest on a nominee and does not vote on it. */
export function RecusalButton(props: {
  sessionId: string;
  memberId: string;
  nomineeId: string;
  name: string;
}) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const submit = async () => {
    try {
      await api.post(
        `/api/council-sessions/${props.sessionId}/recusals`,
        { memberId: props.memberId, nomineeId: props.nomineeId, note },
        { schema: SessionView },
      );
      showSuccess('Đã ghi nhận: bạn không tham gia biểu quyết trường hợp này.');
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['council-sessions'] });
    } catch (error) {
      showError(error);
    }
  };
  return (
    <>
      <Button type="link" size="small" onClick={() => setOpen(true)}>
        Báo xung đột lợi ích
      </Button>
      <Modal
        open={open}
        title={`Không tham gia biểu quyết: ${props.name}`}
        okText="Xác nhận"
        cancelText="Hủy"
        okButtonProps={{ disabled: note.trim().length < 3 }}
        onOk={submit}
        onCancel={() => setOpen(false)}
      >
        <Input.TextArea
          aria-label="Lý do"
          placeholder="Ví dụ: người được đề nghị là người thân của tôi"
          maxLength={500}
          autoSize={{ minRows: 2 }}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </Modal>
    </>
  );
}
