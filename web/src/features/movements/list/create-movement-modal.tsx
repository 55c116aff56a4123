import { Alert, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { CreateMovementBody } from '../../../../../contracts/movements.ts';
import { applyFieldErrors } from '../../../lib/form.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { fieldLimitProps } from '../../../lib/limits.ts';
import { describeError } from '../../../lib/notify.ts';
import { useSession } from '../../auth/index.ts';
import { useCreateMovement } from '../movements.api.ts';
import { officerUnits } from '../shared/officer-units.ts';
import { UnitPicker } from '../shared/unit-picker.tsx';

interface FormValues {
  name: string;
  launchingUnitId: string;
  periodFrom: number;
  periodTo: number;
}

/** Creates a movement by hand (name, period, launching unit), then opens its page. */
export function CreateMovementModal({ onClose }: { onClose: () => void }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateMovement();
  // One key while this dialog is open: a double click or a retry creates one movement, not two.
  const { key: idempotencyKey } = useIdempotencyKey();
  const isSaving = useRef(false);
  const units = officerUnits(user);
  const year = new Date().getFullYear();

  const submit = async (values: FormValues) => {
    if (isSaving.current) return;
    isSaving.current = true;
    try {
      const movement = await create.mutateAsync({ body: { ...values, kind: 'thematic' }, idempotencyKey });
      navigate(`/phong-trao/${movement.id}`);
    } catch (error) {
      applyFieldErrors(form, error);
    } finally {
      isSaving.current = false;
    }
  };

  return (
    <Modal
      open
      title="Tạo phong trào mới"
      okText="Tạo phong trào"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ launchingUnitId: units[0]?.id, periodFrom: year, periodTo: year + 4 }}
      >
        <Form.Item
          name="name"
          label="Tên phong trào"
          rules={[{ required: true, min: 3, message: 'Vui lòng nhập tên phong trào' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} {...fieldLimitProps(CreateMovementBody, 'name')} />
        </Form.Item>
        <Form.Item
          name="launchingUnitId"
          label="Đơn vị phát động"
          rules={[{ required: true, message: 'Vui lòng chọn đơn vị' }]}
        >
          <UnitPicker initialOptions={units} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="periodFrom" label="Từ năm" rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber min={1945} max={2100} size="large" />
          </Form.Item>
          <Form.Item name="periodTo" label="Đến năm" rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber min={1945} max={2100} size="large" />
          </Form.Item>
        </Space>
        {create.isError && <Alert type="error" showIcon title={describeError(create.error)} />}
      </Form>
    </Modal>
  );
}
