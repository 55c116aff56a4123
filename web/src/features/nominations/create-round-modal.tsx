import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { CreateRoundBody, type RoundKind, roundKindLabels } from '../../../../contracts/nominations.ts';
import { applyFieldErrors } from '../../lib/form.ts';
import { toIsoDate } from '../../lib/format.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { fieldLimitProps } from '../../lib/limits.ts';
import { describeError } from '../../lib/notify.ts';
import { useSession } from '../auth/index.ts';
import { useCreateRound } from './nominations.api.ts';

/** The units the user is a TĐKT officer of (a round is received by one of them). */
const officerUnits = (user: ReturnType<typeof useSession>['user']) =>
  (user?.grants ?? [])
    .filter((grant) => grant.role === 'tdkt_officer' && grant.unitId)
    .map((grant) => ({ id: grant.unitId ?? '', name: grant.unitName ?? 'Đơn vị được phân quyền' }));

interface FormValues {
  kind: RoundKind;
  title: string;
  year: number;
  receivingUnitId: string;
  deadline?: Dayjs | null;
}

/** Opens a round received by one of the officer's units, then shows it. */
export function CreateRoundModal({ onClose }: { onClose: () => void }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateRound();
  const { key: idempotencyKey } = useIdempotencyKey();
  const isSaving = useRef(false);
  const units = officerUnits(user);

  const submit = async ({ deadline, ...values }: FormValues) => {
    if (isSaving.current) return;
    isSaving.current = true;
    try {
      const round = await create.mutateAsync({
        body: { ...values, deadline: toIsoDate(deadline) ?? null },
        idempotencyKey,
      });
      navigate(`/khen-thuong/dot/${round.id}`);
    } catch (error) {
      applyFieldErrors(form, error);
    } finally {
      isSaving.current = false;
    }
  };

  return (
    <Modal
      open
      title="Mở đợt khen thưởng"
      okText="Mở đợt"
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
        initialValues={{ kind: 'annual', year: new Date().getFullYear(), receivingUnitId: units[0]?.id }}
      >
        <Form.Item
          name="kind"
          label="Loại đợt"
          rules={[{ required: true, message: 'Vui lòng chọn loại đợt' }]}
        >
          <Select
            options={Object.entries(roundKindLabels).map(([value, label]) => ({ value, label }))}
            size="large"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="Tên đợt"
          rules={[{ required: true, message: 'Vui lòng nhập tên đợt' }]}
        >
          <Input size="large" {...fieldLimitProps(CreateRoundBody, 'title')} />
        </Form.Item>
        <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
          <InputNumber min={2000} max={2100} size="large" />
        </Form.Item>
        <Form.Item
          name="receivingUnitId"
          label="Cấp nhận tờ trình"
          rules={[{ required: true, message: 'Vui lòng chọn đơn vị' }]}
        >
          <Select options={units.map((unit) => ({ value: unit.id, label: unit.name }))} size="large" />
        </Form.Item>
        <Form.Item name="deadline" label="Hạn gửi tờ trình của cấp dưới">
          <DatePicker format="DD/MM/YYYY" size="large" />
        </Form.Item>
        {create.isError && <Alert type="error" showIcon title={describeError(create.error)} />}
      </Form>
    </Modal>
  );
}
