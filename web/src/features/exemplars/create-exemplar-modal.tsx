import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  ExemplarKind,
  ExemplarSubject,
  ExemplarView,
  exemplarKindLabels,
  exemplarSubjectLabels,
} from '../../../../contracts/exemplars.ts';
import { api } from '../../lib/api-client.ts';
import { toIsoDate } from '../../lib/format.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { showError } from '../../lib/notify.ts';
import { PersonSelect } from '../organisation/shared/person-select.tsx';
import { UnitSelect } from '../organisation/shared/unit-select.tsx';
import { MovementSelect } from './exemplar-fields.tsx';
import { exemplarKeys } from './exemplars.api.ts';

/** The form by which a unit proposes an exemplar: who or what, kind, movement, day discovered. */
export function CreateExemplarModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const subject = Form.useWatch('subject', form);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const created = await api.create(
        '/api/exemplars',
        {
          unitId: values.unitId,
          kind: values.kind,
          subject: values.subject,
          title: values.title,
          summary: values.summary ?? '',
          personId: values.subject === 'person' ? values.personId : null,
          subjectUnitId: values.subject === 'collective' ? values.subjectUnitId : null,
          movementId: values.movementId ?? null,
          discoveredOn: toIsoDate(values.discoveredOn),
        },
        { schema: ExemplarView, idempotencyKey: key },
      );
      renew();
      await queryClient.invalidateQueries({ queryKey: exemplarKeys.all });
      navigate(`/dien-hinh/${created.id}`);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title="Đề xuất điển hình tiên tiến"
      okText="Gửi đề xuất"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      width={680}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ subject: 'person', kind: 'advanced', discoveredOn: dayjs() }}
      >
        <Form.Item
          name="unitId"
          label="Đơn vị đề xuất"
          rules={[{ required: true, message: 'Chọn đơn vị đề xuất' }]}
        >
          <UnitSelect />
        </Form.Item>
        <Form.Item name="subject" label="Điển hình là">
          <Radio.Group
            optionType="button"
            options={ExemplarSubject.options.map((value) => ({ value, label: exemplarSubjectLabels[value] }))}
          />
        </Form.Item>
        {subject === 'person' && (
          <Form.Item
            name="personId"
            label="Cá nhân"
            rules={[{ required: true, message: 'Chọn cá nhân điển hình' }]}
          >
            <PersonSelect />
          </Form.Item>
        )}
        {subject === 'collective' && (
          <Form.Item
            name="subjectUnitId"
            label="Tập thể"
            rules={[{ required: true, message: 'Chọn tập thể điển hình' }]}
          >
            <UnitSelect />
          </Form.Item>
        )}
        <Form.Item name="kind" label="Loại điển hình">
          <Select
            options={ExemplarKind.options.map((value) => ({ value, label: exemplarKindLabels[value] }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="Tên điển hình"
          rules={[{ required: true, min: 3, message: 'Nhập tên điển hình (ít nhất 3 ký tự)' }]}
        >
          <Input maxLength={300} placeholder="Ví dụ: Mô hình “Công sở thân thiện, vì nhân dân phục vụ”" />
        </Form.Item>
        <Form.Item name="summary" label="Tóm tắt thành tích, cách làm">
          <Input.TextArea rows={4} maxLength={10_000} />
        </Form.Item>
        <Form.Item name="movementId" label="Thuộc phong trào thi đua">
          <MovementSelect placeholder="Không gắn với phong trào" />
        </Form.Item>
        <Form.Item
          name="discoveredOn"
          label="Ngày phát hiện"
          rules={[{ required: true, message: 'Chọn ngày phát hiện' }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
