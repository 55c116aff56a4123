import { useQueryClient } from '@tanstack/react-query';
import { Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { awardCatalogue, awardName } from '../../../../contracts/award-catalogue.ts';
import { AwardCode } from '../../../../contracts/awards.ts';
import { DecisionView } from '../../../../contracts/decisions.ts';
import { api } from '../../lib/api-client.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { PersonSelect } from '../organisation/shared/person-select.tsx';
import { UnitSelect } from '../organisation/shared/unit-select.tsx';

const awardOptions = AwardCode.options
  .filter((code) => awardCatalogue[code].subjects.some((subject) => subject !== 'household'))
  .map((code) => ({ value: code, label: awardName(code) }));

/** Adds one person or unit with an award to a draft. */
export function AddRecipientModal({
  decision,
  open,
  onClose,
}: {
  decision: DecisionView;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'person' | 'unit'>('person');
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await api.post(
        `/api/decisions/${decision.id}/recipients`,
        {
          version: decision.version,
          recipients: [
            {
              ...(kind === 'person' ? { personId: values.subjectId } : { unitId: values.subjectId }),
              awardCode: values.awardCode,
              year: values.year,
              achievement: values.achievement || null,
            },
          ],
        },
        { schema: DecisionView },
      );
      await queryClient.invalidateQueries({ queryKey: ['decisions'] });
      form.resetFields(['subjectId', 'achievement']);
      showSuccess('Đã thêm vào danh sách.');
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Modal
      open={open}
      title="Thêm người, tập thể được khen thưởng"
      okText="Thêm"
      cancelText="Đóng"
      onOk={submit}
      onCancel={onClose}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: Number(decision.decisionDate.slice(0, 4)), awardCode: 'GIAY_KHEN' }}
      >
        <Form.Item label="Đối tượng">
          <Select
            value={kind}
            onChange={(value) => {
              setKind(value);
              form.resetFields(['subjectId']);
            }}
            options={[
              { value: 'person', label: 'Cá nhân' },
              { value: 'unit', label: 'Tập thể' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="subjectId"
          label={kind === 'person' ? 'Cán bộ' : 'Tập thể'}
          rules={[{ required: true, message: 'Chọn người hoặc tập thể' }]}
        >
          {kind === 'person' ? <PersonSelect /> : <UnitSelect />}
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="awardCode"
            label="Danh hiệu, hình thức"
            style={{ flex: 2 }}
            rules={[{ required: true }]}
          >
            <Select showSearch optionFilterProp="label" options={awardOptions} />
          </Form.Item>
          <Form.Item name="year" label="Năm thành tích" style={{ flex: 1 }} rules={[{ required: true }]}>
            <InputNumber min={1945} max={2999} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="achievement" label="Thành tích (in trên bằng khen, giấy khen)">
          <Input.TextArea
            autoSize
            maxLength={1000}
            placeholder="Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
