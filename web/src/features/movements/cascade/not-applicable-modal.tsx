import { Form, Input, Modal, Typography } from 'antd';
import { NotApplicableBody } from '../../../../../contracts/movements.ts';
import { fieldLimitProps } from '../../../lib/limits.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { useSubmitLock } from '../../../lib/use-submit-lock.ts';
import { useMarkNotApplicable } from './cascade.api.ts';

/** Marks a unit as not having to issue an implementing plan; the reason is required and kept. */
export function NotApplicableModal({
  obligationId,
  unitName,
  onClose,
}: {
  obligationId: string;
  unitName: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const mark = useMarkNotApplicable();
  const submit = useSubmitLock(async ({ reason }: { reason: string }) => {
    try {
      await mark.mutateAsync({ obligationId, reason: reason.trim() });
      showSuccess(`Đã ghi nhận: ${unitName} không áp dụng.`);
      onClose();
    } catch {
      // The global handler shows the server's message.
    }
  });
  return (
    <Modal
      open
      title="Đơn vị không phải ban hành kế hoạch"
      okText="Ghi nhận"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submit.pending}
      destroyOnHidden
    >
      <Typography.Paragraph>{unitName}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit.run}>
        <Form.Item
          name="reason"
          label="Lý do"
          rules={[{ required: true, min: 3, whitespace: true, message: 'Vui lòng nêu lý do' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} {...fieldLimitProps(NotApplicableBody, 'reason')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
