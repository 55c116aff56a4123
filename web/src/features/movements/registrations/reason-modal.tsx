import { Form, Input, Modal } from 'antd';
import { ReturnBody } from '../../../../../contracts/movement-tracking.ts';
import { fieldLimitProps } from '../../../lib/limits.ts';

/** Asks for a reason (returning a registration) and hands it back. */
export function ReasonModal({
  title,
  isSaving,
  onSave,
  onClose,
}: {
  title: string;
  isSaving: boolean;
  onSave: (reason: string) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={title}
      okText="Trả lại"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={({ reason }) => onSave(reason.trim())}>
        <Form.Item
          name="reason"
          label="Lý do trả lại"
          rules={[{ required: true, min: 3, whitespace: true, message: 'Vui lòng nêu lý do trả lại' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} {...fieldLimitProps(ReturnBody, 'reason')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
