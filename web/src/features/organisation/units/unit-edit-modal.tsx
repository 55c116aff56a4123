import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  type UnitDetail,
  type UnitKind,
  UnitListItem,
  UpdateUnitBody,
  unitKindLabels,
} from '../../../../../contracts/organisation.ts';
import { VersionConflictNotice } from '../../../components/index.ts';
import { applyFieldErrors } from '../../../lib/form.ts';
import { parseIsoDate, toIsoDate } from '../../../lib/format.ts';
import { fieldLimitProps } from '../../../lib/limits.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { type ConflictField, useVersionedEdit } from '../../../lib/version-conflict.ts';
import { unitKeys, useUnitMutations } from './units.api.ts';

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

/** The form's values for a unit as the server has it. */
const toFormValues = (unit: UnitListItem): FormValues => ({
  name: unit.name,
  shortName: unit.shortName ?? '',
  code: unit.code,
  kind: unit.kind,
  isCollegial: unit.isCollegial,
  validFrom: parseIsoDate(unit.validFrom),
  validTo: parseIsoDate(unit.validTo),
});

/** The fields compared with the fresh unit after someone else saved it first. */
const conflictFields: ConflictField<FormValues>[] = [
  { name: 'name', label: 'Tên đơn vị' },
  { name: 'shortName', label: 'Tên viết tắt' },
  { name: 'code', label: 'Mã đơn vị' },
  { name: 'kind', label: 'Loại đơn vị', format: (value) => unitKindLabels[value as UnitKind] ?? '' },
  { name: 'isCollegial', label: 'Tập thể lãnh đạo' },
  { name: 'validFrom', label: 'Hiệu lực từ ngày' },
  { name: 'validTo', label: 'Hiệu lực đến ngày' },
];

/**
 * Dialog to change a unit's own fields; the server's field errors appear under the fields. When
 * someone else saved the unit first, what was typed stays and the fresh values are shown beside it.
 */
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
  const queryClient = useQueryClient();
  const edit = useVersionedEdit<FormValues>({
    version: unit.version,
    form,
    fields: conflictFields,
    loadedValues: toFormValues(unit),
    freshValues: (current) => {
      const parsed = UnitListItem.safeParse(current);
      return parsed.success ? toFormValues(parsed.data) : null;
    },
    onReload: () => void queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });

  const submit = (values: FormValues) => {
    const body: UpdateUnitBody = {
      version: edit.version,
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
        if (!edit.handleError(error) && !applyFieldErrors(form, error)) showError(error);
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
      width={720}
    >
      <VersionConflictNotice edit={edit} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={toFormValues(unit)}
      >
        <Form.Item label="Tên đơn vị" name="name" rules={[{ required: true, message: 'Vui lòng nhập tên' }]}>
          <Input {...fieldLimitProps(UpdateUnitBody, 'name')} />
        </Form.Item>
        <Form.Item label="Tên viết tắt" name="shortName">
          <Input {...fieldLimitProps(UpdateUnitBody, 'shortName')} />
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
