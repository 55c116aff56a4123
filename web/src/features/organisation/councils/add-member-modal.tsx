import { DatePicker, Form, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { TERM_ORDER_MESSAGE } from '../../../../../contracts/councils.ts';
import { type CouncilRole, councilRoleLabels } from '../../../../../contracts/organisation.ts';
import { applyFieldErrors } from '../../../lib/form.ts';
import { toIsoDate } from '../../../lib/format.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { useSubmitLock } from '../../../lib/use-submit-lock.ts';
import { PersonSelect } from '../shared/person-select.tsx';
import { useCouncilMemberMutations } from './councils.api.ts';

interface FormValues {
  personId: string;
  role: CouncilRole;
  termFrom: Dayjs;
  termTo?: Dayjs | null;
}

const roleOptions = Object.entries(councilRoleLabels).map(([value, label]) => ({ value, label }));

/** Dialog to add a person to a council with a role and a term. */
export function AddMemberModal({
  councilId,
  open,
  onClose,
}: {
  councilId: string;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const { add } = useCouncilMemberMutations(councilId);
  // One key while the dialog is open: a double click adds the member once.
  const { key: idempotencyKey } = useIdempotencyKey();
  // Once at a time: a double click on "Thêm" sends one request and shows one answer.
  const submit = useSubmitLock(async (values: FormValues) => {
    try {
      await add.mutateAsync({
        body: {
          personId: values.personId,
          role: values.role,
          termFrom: toIsoDate(values.termFrom) as string,
          termTo: toIsoDate(values.termTo) ?? null,
        },
        idempotencyKey,
      });
      showSuccess('Đã thêm thành viên Hội đồng.');
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) showError(error);
    }
  });

  return (
    <Modal
      title="Thêm thành viên Hội đồng"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Thêm"
      cancelText="Hủy"
      confirmLoading={submit.pending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit.run}
        initialValues={{ role: 'member', termFrom: dayjs() }}
      >
        <Form.Item
          label="Cán bộ"
          name="personId"
          rules={[{ required: true, message: 'Vui lòng chọn cán bộ' }]}
        >
          <PersonSelect />
        </Form.Item>
        <Form.Item label="Vai trò" name="role">
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item
          label="Nhiệm kỳ từ ngày"
          name="termFrom"
          rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label="Đến ngày (để trống nếu chưa hết nhiệm kỳ)"
          name="termTo"
          dependencies={['termFrom']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: Dayjs | null | undefined) => {
                const from: Dayjs | undefined = getFieldValue('termFrom');
                if (value && from && value.isBefore(from, 'day')) throw new Error(TERM_ORDER_MESSAGE);
              },
            }),
          ]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
