import { Form, Input, Modal } from 'antd';

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
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
