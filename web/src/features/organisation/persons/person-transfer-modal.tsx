import { useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef } from 'react';
import type { PersonDetail } from '../../../../../contracts/organisation.ts';
import { VersionConflictNotice } from '../../../components/index.ts';
import { applyFieldErrors } from '../../../lib/form.ts';
import { toIsoDate } from '../../../lib/format.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { useVersionedEdit } from '../../../lib/version-conflict.ts';
import { UnitSelect } from '../shared/unit-select.tsx';
import { notInFuture } from './person-form.tsx';
import { usePersonMutations } from './person-mutations.ts';
import { personKeys } from './persons.api.ts';

interface FormValues {
  unitId?: string;
  startedOn?: Dayjs | null;
  position?: string;
  isLeader: boolean;
}

/**
 * "Chuyển công tác": the person starts at another unit of the officer's scope on a day; their work at
 * the current unit ends the day before. Refused (and said so) when someone changed the record since.
 */
export function PersonTransferModal({ person, onClose }: { person: PersonDetail; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { transfer } = usePersonMutations(person.id);
  const { key: idempotencyKey, renew } = useIdempotencyKey();
  const queryClient = useQueryClient();
  const isSaving = useRef(false);
  const edit = useVersionedEdit<FormValues>({
    version: person.version,
    onReload: () => void queryClient.invalidateQueries({ queryKey: personKeys.all }),
  });
  const startedOn = Form.useWatch('startedOn', form);

  const submit = async (values: FormValues) => {
    if (isSaving.current) return;
    isSaving.current = true;
    try {
      const moved = await transfer.mutateAsync({
        body: {
          unitId: values.unitId as string,
          startedOn: toIsoDate(values.startedOn) as string,
          position: values.position?.trim() || null,
          isLeader: values.isLeader,
          version: edit.version,
        },
        idempotencyKey,
      });
      showSuccess(`Đã chuyển ${moved.fullName} sang ${moved.unitName}.`);
      onClose();
    } catch (error) {
      // A refused transfer may be sent again corrected: with a new key, as a new action.
      renew();
      if (!edit.handleError(error) && !applyFieldErrors(form, error)) showError(error);
    } finally {
      isSaving.current = false;
    }
  };

  const endDay = startedOn?.isValid() ? startedOn.subtract(1, 'day').format('DD/MM/YYYY') : null;
  return (
    <Modal
      open
      title={`Chuyển công tác: ${person.fullName}`}
      okText="Chuyển công tác"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={transfer.isPending}
      destroyOnHidden
      width={640}
    >
      <VersionConflictNotice edit={edit} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`Đang công tác tại: ${person.unitName}${person.position ? ` (${person.position})` : ''}`}
        description={
          endDay
            ? `Quá trình công tác tại đơn vị này kết thúc ngày ${endDay}.`
            : 'Quá trình công tác tại đơn vị này kết thúc vào ngày trước ngày chuyển.'
        }
      />
      <Form<FormValues>
        name="person-transfer"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ startedOn: dayjs(), position: person.position ?? '', isLeader: person.isLeader }}
      >
        <Form.Item
          label="Chuyển đến đơn vị"
          name="unitId"
          rules={[{ required: true, message: 'Chọn đơn vị' }]}
        >
          <UnitSelect excludeIds={[person.unitId]} />
        </Form.Item>
        <Form.Item
          label="Ngày bắt đầu công tác tại đơn vị mới"
          name="startedOn"
          rules={[{ required: true, message: 'Chọn ngày chuyển' }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            placeholder="dd/mm/yyyy"
            style={{ width: '100%' }}
            disabledDate={notInFuture}
          />
        </Form.Item>
        <Form.Item label="Chức vụ tại đơn vị mới" name="position">
          <Input maxLength={200} showCount />
        </Form.Item>
        <Form.Item label="Lãnh đạo, quản lý" name="isLeader" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Không" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
