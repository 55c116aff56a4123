import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useRef } from 'react';
import { CreateRegistrationBody, PledgeTarget, Registration } from '../../../../../contracts/movements.ts';
import { VersionConflictNotice } from '../../../components/index.ts';
import { applyFieldErrors } from '../../../lib/form.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { fieldLimitProps } from '../../../lib/limits.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { type ConflictField, useVersionedEdit } from '../../../lib/version-conflict.ts';
import { useSession } from '../../auth/index.ts';
import { useCreateRegistration, useUpdateRegistration } from './registrations.api.ts';

interface FormValues {
  subject: string;
  pledge: string;
  targets: { label?: string; value?: number | null; unit?: string }[];
}

/** The pledge and targets of a registration as the form holds them (empty for a new one). */
const pledgeValues = (registration: Registration | null) => ({
  pledge: registration?.pledge ?? '',
  targets: registration?.targets.map((target) => ({ ...target, unit: target.unit ?? undefined })) ?? [],
});

const conflictFields: ConflictField<FormValues>[] = [
  { name: 'pledge', label: 'Nội dung đăng ký' },
  { name: 'targets', label: 'Chỉ tiêu' },
];

/** Units the user may register for: those where they are an officer or the head. */
function registrableUnits(grants: { role: string; unitId: string | null; unitName: string | null }[]) {
  return grants
    .filter((grant) => (grant.role === 'tdkt_officer' || grant.role === 'unit_head') && grant.unitId)
    .map((grant) => ({ value: grant.unitId ?? '', label: grant.unitName ?? 'Đơn vị' }));
}

/** Registers (a unit, or oneself) with a pledge and optional numeric targets; or edits a draft. */
export function RegistrationFormModal({
  movementId,
  editing,
  onClose,
}: {
  movementId: string;
  editing: Registration | null;
  onClose: () => void;
}) {
  const { user } = useSession();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateRegistration(movementId);
  const update = useUpdateRegistration(movementId);
  const { key: idempotencyKey } = useIdempotencyKey();
  const queryClient = useQueryClient();
  const edit = useVersionedEdit<FormValues>({
    version: editing?.version ?? 1,
    form,
    fields: conflictFields,
    loadedValues: pledgeValues(editing),
    freshValues: (current) => {
      const fresh = Registration.safeParse(current);
      return fresh.success ? pledgeValues(fresh.data) : null;
    },
    onReload: () =>
      void queryClient.invalidateQueries({ queryKey: ['movements', 'registrations', movementId] }),
  });
  const isSaving = useRef(false);
  const units = registrableUnits(user?.grants ?? []);
  const subjects = [...units, { value: 'self', label: 'Bản thân tôi (đăng ký cá nhân)' }];

  const save = async (values: FormValues) => {
    if (isSaving.current) return;
    isSaving.current = true;
    const targets: PledgeTarget[] = (values.targets ?? [])
      .filter((target) => target.label?.trim() && typeof target.value === 'number')
      .map((target) => ({
        label: target.label?.trim() ?? '',
        value: target.value ?? 0,
        unit: target.unit?.trim() || null,
      }));
    try {
      if (editing) {
        await update.mutateAsync({
          id: editing.id,
          body: { pledge: values.pledge.trim(), targets, version: edit.version },
        });
      } else {
        await create.mutateAsync({
          body: {
            unitId: values.subject === 'self' ? undefined : values.subject,
            pledge: values.pledge.trim(),
            targets,
          },
          idempotencyKey,
        });
      }
      showSuccess('Đã lưu bản đăng ký (chưa gửi). Bấm “Gửi” khi đã hoàn chỉnh.');
      onClose();
    } catch (error) {
      if (!edit.handleError(error) && !applyFieldErrors(form, error)) showError(error);
    } finally {
      isSaving.current = false;
    }
  };

  return (
    <Modal
      open
      title={editing ? 'Sửa bản đăng ký thi đua' : 'Đăng ký thi đua'}
      okText="Lưu bản đăng ký"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={720}
      destroyOnHidden
    >
      <VersionConflictNotice edit={edit} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ subject: subjects[0]?.value, ...pledgeValues(editing) }}
      >
        {!editing && (
          <Form.Item name="subject" label="Đăng ký cho">
            {subjects.length > 2 ? (
              <Select options={subjects} size="large" />
            ) : (
              <Radio.Group options={subjects} optionType="button" size="large" />
            )}
          </Form.Item>
        )}
        <Form.Item
          name="pledge"
          label="Nội dung đăng ký, cam kết"
          rules={[{ required: true, min: 3, whitespace: true, message: 'Vui lòng ghi nội dung đăng ký' }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            style={{ fontSize: 16 }}
            {...fieldLimitProps(CreateRegistrationBody, 'pledge')}
          />
        </Form.Item>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              <div style={{ marginBottom: 8, fontWeight: 500 }}>Chỉ tiêu cụ thể (không bắt buộc)</div>
              {fields.map((field) => (
                <Space key={field.key} wrap align="start">
                  <Form.Item
                    name={[field.name, 'label']}
                    rules={[{ required: true, message: 'Tên chỉ tiêu' }]}
                  >
                    <Input
                      placeholder="Tên chỉ tiêu"
                      style={{ width: 260 }}
                      {...fieldLimitProps(PledgeTarget, 'label')}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'value']} rules={[{ required: true, message: 'Số' }]}>
                    <InputNumber placeholder="Số" style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unit']}>
                    <Input
                      placeholder="Đơn vị tính (%, hồ sơ…)"
                      style={{ width: 170 }}
                      {...fieldLimitProps(PledgeTarget, 'unit')}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined aria-hidden />}
                    aria-label="Bỏ chỉ tiêu"
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                Thêm chỉ tiêu
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
