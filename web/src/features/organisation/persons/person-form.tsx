import { useQueryClient } from '@tanstack/react-query';
import { Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef } from 'react';
import {
  type Gender,
  genderLabels,
  type PersonCategory,
  type PersonDetail,
  PersonListItem,
  personCategoryLabels,
} from '../../../../../contracts/organisation.ts';
import { VersionConflictNotice } from '../../../components/index.ts';
import { applyFieldErrors } from '../../../lib/form.ts';
import { parseIsoDate, toIsoDate } from '../../../lib/format.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { type ConflictField, useVersionedEdit } from '../../../lib/version-conflict.ts';
import { UnitSelect } from '../shared/unit-select.tsx';
import { usePersonMutations } from './person-mutations.ts';
import { personKeys } from './persons.api.ts';

interface FormValues {
  fullName: string;
  gender: Gender;
  birthDate?: Dayjs | null;
  idNumber?: string;
  category: PersonCategory;
  position?: string;
  isLeader: boolean;
  isDirectWorker: boolean;
  unitId?: string;
  startedOn?: Dayjs | null;
}

const categoryOptions = Object.entries(personCategoryLabels).map(([value, label]) => ({ value, label }));
/** No birth date or first day of work in the future (the server refuses them too). */
export const notInFuture = (day: Dayjs) => day.isAfter(dayjs(), 'day');
const datePicker = { format: 'DD/MM/YYYY', placeholder: 'dd/mm/yyyy', style: { width: '100%' } } as const;

const toFormValues = (person: PersonListItem): FormValues => ({
  fullName: person.fullName,
  gender: person.gender,
  birthDate: parseIsoDate(person.birthDate),
  idNumber: person.idNumber ?? '',
  category: person.category,
  position: person.position ?? '',
  isLeader: person.isLeader,
  isDirectWorker: person.isDirectWorker,
});

const conflictFields: ConflictField<FormValues>[] = [
  { name: 'fullName', label: 'Họ và tên' },
  { name: 'gender', label: 'Giới tính', format: (value) => genderLabels[value as Gender] ?? '' },
  { name: 'birthDate', label: 'Ngày sinh' },
  { name: 'idNumber', label: 'Số định danh' },
  {
    name: 'category',
    label: 'Đối tượng',
    format: (value) => personCategoryLabels[value as PersonCategory] ?? '',
  },
  { name: 'position', label: 'Chức vụ' },
  { name: 'isLeader', label: 'Lãnh đạo, quản lý' },
  { name: 'isDirectWorker', label: 'Trực tiếp lao động' },
];

/** The fields both dialogs share: name, gender, birth date, ID number, category, position, flags. */
function PersonFields() {
  return (
    <>
      <Form.Item
        label="Họ và tên"
        name="fullName"
        rules={[
          { required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' },
          { min: 2, message: 'Họ và tên có ít nhất 2 ký tự' },
        ]}
      >
        <Input maxLength={200} showCount autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label="Giới tính" name="gender" rules={[{ required: true, message: 'Chọn giới tính' }]}>
            <Radio.Group
              optionType="button"
              options={Object.entries(genderLabels).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Ngày sinh" name="birthDate">
            <DatePicker {...datePicker} disabledDate={notInFuture} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label="Số định danh cá nhân (CCCD)"
            name="idNumber"
            rules={[{ pattern: /^\d{9}(\d{3})?$/, message: 'Gồm 12 chữ số (hoặc CMND 9 chữ số)' }]}
          >
            <Input maxLength={12} inputMode="numeric" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="Đối tượng"
            name="category"
            rules={[{ required: true, message: 'Chọn đối tượng' }]}
          >
            <Select options={categoryOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Chức vụ" name="position">
        <Input maxLength={200} showCount />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={12}>
          <Form.Item label="Lãnh đạo, quản lý" name="isLeader" valuePropName="checked">
            <Switch checkedChildren="Có" unCheckedChildren="Không" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item label="Trực tiếp lao động" name="isDirectWorker" valuePropName="checked">
            <Switch checkedChildren="Có" unCheckedChildren="Không" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** The person's own fields as the API takes them. */
const personBody = (values: FormValues) => ({
  fullName: values.fullName.trim(),
  gender: values.gender,
  birthDate: toIsoDate(values.birthDate) ?? null,
  idNumber: values.idNumber?.trim() || null,
  category: values.category,
  position: values.position?.trim() || null,
  isLeader: values.isLeader,
  isDirectWorker: values.isDirectWorker,
});

/**
 * "Thêm cán bộ": a person with their unit (in the officer's scope) and first day of work. One
 * idempotency key while the dialog is open, so a double click adds one person.
 */
export function PersonCreateModal({
  unitId,
  onClose,
  onCreated,
}: {
  unitId?: string;
  onClose: () => void;
  onCreated?: (person: PersonListItem) => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const { create } = usePersonMutations();
  const { key: idempotencyKey } = useIdempotencyKey();
  const isSaving = useRef(false);

  const submit = async (values: FormValues) => {
    if (isSaving.current) return;
    isSaving.current = true;
    try {
      const person = await create.mutateAsync({
        body: {
          ...personBody(values),
          unitId: values.unitId as string,
          startedOn: toIsoDate(values.startedOn) ?? null,
          userId: null,
        },
        idempotencyKey,
      });
      showSuccess(`Đã thêm cán bộ ${person.fullName}.`);
      onCreated?.(person);
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) showError(error);
    } finally {
      isSaving.current = false;
    }
  };

  return (
    <Modal
      open
      title="Thêm cán bộ"
      okText="Thêm cán bộ"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={720}
    >
      <Form<FormValues>
        name="person-create"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          gender: 'male',
          category: 'civil_servant',
          isLeader: false,
          isDirectWorker: false,
          unitId,
        }}
      >
        <Form.Item label="Đơn vị công tác" name="unitId" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
          <UnitSelect />
        </Form.Item>
        <PersonFields />
        <Form.Item label="Ngày bắt đầu công tác tại đơn vị" name="startedOn">
          <DatePicker {...datePicker} disabledDate={notInFuture} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * "Sửa thông tin cán bộ": saves onto the version the dialog loaded; when someone else saved first,
 * what was typed stays and the fresh values are shown beside it (VersionConflictNotice).
 */
export function PersonEditModal({ person, onClose }: { person: PersonDetail; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { update } = usePersonMutations(person.id);
  const queryClient = useQueryClient();
  const edit = useVersionedEdit<FormValues>({
    version: person.version,
    form,
    fields: conflictFields,
    loadedValues: toFormValues(person),
    freshValues: (current) => {
      const parsed = PersonListItem.safeParse(current);
      return parsed.success ? toFormValues(parsed.data) : null;
    },
    onReload: () => void queryClient.invalidateQueries({ queryKey: personKeys.all }),
  });

  const submit = (values: FormValues) => {
    if (update.isPending) return;
    update.mutate(
      { ...personBody(values), version: edit.version },
      {
        onSuccess: () => {
          showSuccess('Đã lưu thông tin cán bộ.');
          onClose();
        },
        onError: (error) => {
          if (!edit.handleError(error) && !applyFieldErrors(form, error)) showError(error);
        },
      },
    );
  };

  return (
    <Modal
      open
      title="Sửa thông tin cán bộ"
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
      width={720}
    >
      <VersionConflictNotice edit={edit} />
      <Form<FormValues>
        name="person-edit"
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={toFormValues(person)}
      >
        <PersonFields />
      </Form>
    </Modal>
  );
}
