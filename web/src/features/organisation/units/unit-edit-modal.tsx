import { DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  type UnitDetail,
  type UnitKind,
  type UpdateUnitBody,
  unitKindLabels,
} from '../../../../../contracts/organisation.ts';
import { applyFieldErrors } from '../../../lib/form.ts';
import { parseIsoDate, toIsoDate } from '../../../lib/format.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { useUnitMutations } from './units.api.ts';

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

/** Dialog to change a unit's own fields; the server's field errors appear under the fields. */
export function UnitEditModal({
  unit,
  open,
  onClose,
}: {
  unit: UnitDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const { update } = useUnitMutations(unit.id);

  const submit = (values: FormValues) => {
    const body: UpdateUnitBody = {
      name: values.name,
      shortName: values.shortName?.trim() || null,
      code: values.code,
      kind: values.kind,
      isCollegial: values.isCollegial,
      validFrom: toIsoDate(values.validFrom) ?? null,
      validTo: toIsoDate(values.validTo) ?? null,
    };
    update.mutate(body, {
      onSuccess: () => {
        showSuccess('Đã lưu thông tin đơn vị.');
        onClose();
      },
      onError: (error) => {
        if (!applyFieldErrors(form, error)) showError(error);
      },
    });
  };

  return (
    <Modal
      title="Sửa thông tin đơn vị"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={update.isPending}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{
          name: unit.name,
          shortName: unit.shortName ?? '',
          code: unit.code,
          kind: unit.kind,
          isCollegial: unit.isCollegial,
          validFrom: parseIsoDate(unit.validFrom),
          validTo: parseIsoDate(unit.validTo),
        }}
      >
        <Form.Item label="Tên đơn vị" name="name" rules={[{ required: true, message: 'Vui lòng nhập tên' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Tên viết tắt" name="shortName">
          <Input />
        </Form.Item>
        <Form.Item
          label="Mã đơn vị"
          name="code"
          rules={[{ required: true, message: 'Vui lòng nhập mã đơn vị' }]}
          extra="Chỉ gồm chữ không dấu, số, dấu chấm, gạch. VD: LCI.SNV"
        >
          <Input autoCapitalize="none" />
        </Form.Item>
        <Form.Item label="Loại đơn vị" name="kind">
          <Select options={kindOptions} />
        </Form.Item>
        <Form.Item label="Tập thể lãnh đạo (ký TM.)" name="isCollegial" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Không" />
        </Form.Item>
        <Form.Item label="Hiệu lực từ ngày" name="validFrom">
          <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="Hiệu lực đến ngày" name="validTo">
          <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
