import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Col, DatePicker, Form, Input, Modal, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import {
  type CreateUnitBody,
  type UnitDetail,
  type UnitKind,
  UnitListItem,
  unitKindLabels,
} from '../../../../../contracts/organisation.ts';
import { api } from '../../../lib/api-client.ts';
import { applyFieldErrors } from '../../../lib/form.ts';
import { toIsoDate } from '../../../lib/format.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { unitKeys } from './units.api.ts';

interface FormValues {
  name: string;
  shortName?: string;
  code: string;
  kind: UnitKind;
  isCollegial: boolean;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
}

const kindOptions = Object.entries(unitKindLabels).map(([value, label]) => ({ value, label }));
const datePicker = { format: 'DD/MM/YYYY', placeholder: 'dd/mm/yyyy', style: { width: '100%' } } as const;

/** The kind a new unit under this parent most likely has. */
function likelyKind(parent: UnitDetail): UnitKind {
  if (parent.kind === 'province') return 'department';
  if (parent.kind === 'district') return 'commune';
  return 'division';
}

/**
 * "Thêm đơn vị trực thuộc": a unit under this one (in the officer's scope), with its kind, a code
 * unique in the system, a short name and its validity; then opens the new unit's page.
 */
export function UnitCreateModal({ parent, onClose }: { parent: UnitDetail; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { key: idempotencyKey } = useIdempotencyKey();
  const isSaving = useRef(false);
  const create = useMutation({
    mutationFn: (body: CreateUnitBody) =>
      api.create('/api/units', body, { schema: UnitListItem, idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
    meta: { silentError: true },
  });

  const submit = async (values: FormValues) => {
    if (isSaving.current) return;
    isSaving.current = true;
    try {
      const unit = await create.mutateAsync({
        parentId: parent.id,
        name: values.name.trim(),
        shortName: values.shortName?.trim() || null,
        code: values.code.trim(),
        kind: values.kind,
        isCollegial: values.isCollegial,
        validFrom: toIsoDate(values.validFrom) ?? null,
        validTo: toIsoDate(values.validTo) ?? null,
      });
      showSuccess(`Đã thêm ${unit.name}.`);
      onClose();
      navigate(`/to-chuc/don-vi/${unit.id}`);
    } catch (error) {
      if (!applyFieldErrors(form, error)) showError(error);
    } finally {
      isSaving.current = false;
    }
  };

  return (
    <Modal
      open
      title={`Thêm đơn vị trực thuộc ${parent.name}`}
      okText="Thêm đơn vị"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={720}
    >
      <Form<FormValues>
        name="unit-create"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: likelyKind(parent), isCollegial: false, code: `${parent.code}.` }}
      >
        <Form.Item
          label="Tên đơn vị"
          name="name"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đơn vị' }]}
        >
          <Input maxLength={500} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label="Mã đơn vị"
              name="code"
              extra="Không trùng với đơn vị khác; chỉ gồm chữ không dấu, số, dấu chấm, gạch."
              rules={[
                { required: true, message: 'Vui lòng nhập mã đơn vị' },
                { pattern: /^[A-Za-z0-9._-]{1,64}$/, message: 'Chỉ gồm chữ không dấu, số, dấu chấm, gạch' },
              ]}
            >
              <Input maxLength={64} autoCapitalize="characters" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="Tên viết tắt" name="shortName">
              <Input maxLength={50} showCount />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={16}>
            <Form.Item
              label="Loại đơn vị"
              name="kind"
              rules={[{ required: true, message: 'Chọn loại đơn vị' }]}
            >
              <Select options={kindOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label="Tập thể lãnh đạo (ký TM.)" name="isCollegial" valuePropName="checked">
              <Switch checkedChildren="Có" unCheckedChildren="Không" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label="Hiệu lực từ ngày" name="validFrom">
              <DatePicker {...datePicker} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="Hiệu lực đến ngày"
              name="validTo"
              dependencies={['validFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: Dayjs | null | undefined) => {
                    const from = getFieldValue('validFrom') as Dayjs | null | undefined;
                    if (value && from && value.isBefore(from, 'day'))
                      throw new Error('Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực');
                  },
                }),
              ]}
            >
              <DatePicker {...datePicker} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
