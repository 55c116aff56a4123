import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  type SuccessionKind,
  successionKindLabels,
  type UnitDetail,
} from '../../../../../contracts/organisation.ts';
import { VersionConflictNotice } from '../../../components/index.ts';
import { toIsoDate } from '../../../lib/format.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { useVersionedEdit } from '../../../lib/version-conflict.ts';
import { UnitSelect } from '../shared/unit-select.tsx';
import { unitKeys, useUnitMutations } from './units.api.ts';

interface FormValues {
  successorIds: string[];
  kind: SuccessionKind;
  effectiveDate: Dayjs;
}

const kindOptions = Object.entries(successionKindLabels).map(([value, label]) => ({ value, label }));

/**
 * Dialog to end a unit (merger, split, rename, transfer) and name its successors; the unit stays in the
 * records, greyed, and its people and history pass to the successors.
 */
export function UnitEndModal({
  unit,
  open,
  onClose,
}: {
  unit: UnitDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const { end } = useUnitMutations(unit.id);
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const edit = useVersionedEdit({
    version: unit.version,
    onReload: () => void queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });

  const submit = (values: FormValues) =>
    modal.confirm({
      title: 'Kết thúc hoạt động của đơn vị?',
      content: `"${unit.name}" sẽ hết hiệu lực từ ngày ${values.effectiveDate.format('DD/MM/YYYY')} (${successionKindLabels[values.kind].toLowerCase()}). Dữ liệu của đơn vị vẫn được giữ lại.`,
      okText: 'Kết thúc đơn vị',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      onOk: () =>
        end
          .mutateAsync({
            successorIds: values.successorIds,
            kind: values.kind,
            effectiveDate: toIsoDate(values.effectiveDate) as string,
            version: edit.version,
          })
          .then(
            () => {
              showSuccess('Đã ghi nhận việc kết thúc đơn vị và đơn vị kế thừa.');
              onClose();
            },
            (error: unknown) => {
              if (!edit.handleError(error)) showError(error);
            },
          ),
    });

  return (
    <Modal
      title="Kết thúc đơn vị (giải thể, sáp nhập, chia tách)"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Tiếp tục"
      cancelText="Hủy"
      destroyOnHidden
      width={600}
    >
      <VersionConflictNotice edit={edit} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="Đơn vị không bị xóa: đơn vị kế thừa sẽ thấy cán bộ và lịch sử khen thưởng của đơn vị này."
      />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{ kind: 'merger' }}
      >
        <Form.Item label="Hình thức" name="kind">
          <Select options={kindOptions} />
        </Form.Item>
        <Form.Item
          label="Đơn vị kế thừa"
          name="successorIds"
          rules={[{ required: true, message: 'Chọn ít nhất một đơn vị kế thừa' }]}
        >
          <UnitSelect isMultiple excludeIds={[unit.id]} />
        </Form.Item>
        <Form.Item
          label="Ngày có hiệu lực"
          name="effectiveDate"
          rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}
          extra="Đơn vị hết hiệu lực vào ngày liền trước."
        >
          <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
