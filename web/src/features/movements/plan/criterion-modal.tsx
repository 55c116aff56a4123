import { Form, Input, InputNumber, Modal } from 'antd';

/** What the criterion form edits. */
export interface CriterionValues {
  text: string;
  points: number | null;
}

interface CriterionModalProps {
  title: string;
  initial?: CriterionValues;
  isSaving: boolean;
  onSave: (values: CriterionValues) => void;
  onClose: () => void;
}

/** Adds or rewords one criterion: its wording and optional points. */
export function CriterionModal({ title, initial, isSaving, onSave, onClose }: CriterionModalProps) {
  const [form] = Form.useForm<CriterionValues>();
  return (
    <Modal
      open
      title={title}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      width={640}
      destroyOnHidden
    >
      <Form<CriterionValues>
        form={form}
        layout="vertical"
        initialValues={initial ?? { text: '', points: null }}
        onFinish={(values) => onSave({ text: values.text.trim(), points: values.points ?? null })}
      >
        <Form.Item
          name="text"
          label="Nội dung tiêu chí"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nội dung tiêu chí' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} style={{ fontSize: 16 }} />
        </Form.Item>
        <Form.Item name="points" label="Điểm (để trống nếu không chấm điểm)">
          <InputNumber min={0} max={1000} size="large" style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
