import { Alert, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import type { DashboardSettingsBody, DashboardSettingsView } from '../../../../contracts/dashboards.ts';
import { isApiError } from '../../lib/api-client.ts';
import { describeError, showSuccess } from '../../lib/notify.ts';
import { useSaveSettings } from './dashboards.api.ts';

type Values = Omit<DashboardSettingsBody, 'version'>;

/** The office's thresholds for the unit: how many points below its staff share a group's award share may fall. */
export function SettingsModal({
  settings,
  onClose,
}: {
  settings: DashboardSettingsView;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const save = useSaveSettings(settings.unitId);
  const [version, setVersion] = useState(settings.version);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await save.mutateAsync({ ...values, version });
      showSuccess('Đã lưu ngưỡng cảnh báo.');
      onClose();
    } catch (failure) {
      if (isApiError(failure, 'VERSION_CONFLICT') && failure.conflict) setVersion(failure.conflict.version);
      setError(describeError(failure));
    }
  };
  const points = (name: keyof Values, label: string) => (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, type: 'integer', min: 0, max: 100, message: 'Nhập số nguyên từ 0 đến 100' }]}
    >
      <InputNumber min={0} max={100} precision={0} addonAfter="điểm %" style={{ width: 200 }} />
    </Form.Item>
  );
  return (
    <Modal
      open
      title="Ngưỡng cảnh báo công bằng trong khen thưởng"
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={save.isPending}
      onOk={submit}
      onCancel={onClose}
    >
      <p>
        Hệ thống nhắc khi tỷ lệ được khen thưởng của một nhóm thấp hơn tỷ lệ của nhóm đó trong biên chế quá số
        điểm phần trăm dưới đây. Các đơn vị trực thuộc chưa đặt ngưỡng riêng dùng ngưỡng này.
      </p>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          directWorkerGap: settings.directWorkerGap,
          womenGap: settings.womenGap,
          smallCollectiveGap: settings.smallCollectiveGap,
          smallCollectiveSize: settings.smallCollectiveSize,
        }}
      >
        {points('directWorkerGap', 'Người lao động trực tiếp')}
        {points('womenGap', 'Nữ')}
        {points('smallCollectiveGap', 'Tập thể nhỏ')}
        <Form.Item
          name="smallCollectiveSize"
          label="Tập thể nhỏ là tập thể có số người không quá"
          rules={[
            {
              required: true,
              type: 'integer',
              min: 1,
              max: 10000,
              message: 'Nhập số nguyên từ 1 đến 10.000',
            },
          ]}
        >
          <InputNumber min={1} max={10000} precision={0} addonAfter="người" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
