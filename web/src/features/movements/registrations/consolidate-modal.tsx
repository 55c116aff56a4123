import { Form, Input, Modal, Select, Typography } from 'antd';
import { ConsolidateBody } from '../../../../../contracts/movement-tracking.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { fieldLimitProps } from '../../../lib/limits.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { useSubmitLock } from '../../../lib/use-submit-lock.ts';
import { useConsolidate } from './registrations.api.ts';

/** A unit gathers its approved registrations into one registration sent upward. */
export function ConsolidateModal({
  movementId,
  units,
  onClose,
}: {
  movementId: string;
  units: { id: string; name: string }[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ unitId: string; pledge: string }>();
  const consolidate = useConsolidate(movementId);
  const { key: idempotencyKey } = useIdempotencyKey();
  const submit = useSubmitLock(async (values: { unitId: string; pledge: string }) => {
    try {
      await consolidate.mutateAsync({
        body: { unitId: values.unitId, pledge: values.pledge.trim() },
        idempotencyKey,
      });
      showSuccess('Đã tổng hợp đăng ký của đơn vị (bản nháp, cần gửi lên cấp trên).');
      onClose();
    } catch {
      // The global handler shows the server's message.
    }
  });
  return (
    <Modal
      open
      title="Tổng hợp đăng ký của đơn vị"
      okText="Tổng hợp"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submit.pending}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Gộp các bản đăng ký đã duyệt của cán bộ và đơn vị trực thuộc thành một bản gửi cấp trên.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit.run} initialValues={{ unitId: units[0]?.id }}>
        <Form.Item name="unitId" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
          <Select size="large" options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />
        </Form.Item>
        <Form.Item
          name="pledge"
          label="Nội dung đăng ký chung của đơn vị"
          rules={[{ required: true, min: 3, whitespace: true, message: 'Vui lòng ghi nội dung' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} {...fieldLimitProps(ConsolidateBody, 'pledge')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
