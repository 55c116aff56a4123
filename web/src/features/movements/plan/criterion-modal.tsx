import { Form, Input, InputNumber, Modal } from 'antd';
import { VersionConflictNotice } from '../../../components/index.ts';
import { showError } from '../../../lib/notify.ts';
import { type ConflictField, useVersionedEdit } from '../../../lib/version-conflict.ts';

/** What the criterion form edits. */
export interface CriterionValues {
  text: string;
  points: number | null;
}

interface CriterionModalProps {
  title: string;
  initial?: CriterionValues;
  /** The movement's version when the dialog opened; the save is made at it. */
  version: number;
  isSaving: boolean;
  onSave: (values: CriterionValues, version: number) => Promise<unknown>;
  /** The criterion's values in the record a version conflict carries (null when it has none). */
  freshValues: (current: unknown) => CriterionValues | null;
  /** Shows the fresh movement behind the dialog (the user chose "Tải lại bản mới"). */
  onReload: (current: unknown) => void;
  onClose: () => void;
}

const conflictFields: ConflictField<CriterionValues>[] = [
  { name: 'text', label: 'Nội dung tiêu chí' },
  { name: 'points', label: 'Điểm' },
];

/**
 * Adds or rewords one criterion: its wording and optional points. When someone else changed the
 * plan first, the wording typed stays, the fresh one is shown beside it and the save can be repeated.
 */
export function CriterionModal(props: CriterionModalProps) {
  const { title, initial, isSaving, onSave, onClose } = props;
  const [form] = Form.useForm<CriterionValues>();
  const edit = useVersionedEdit<CriterionValues>({
    version: props.version,
    form,
    fields: conflictFields,
    loadedValues: initial,
    freshValues: props.freshValues,
    onReload: (conflict) => props.onReload(conflict.current),
  });

  const save = (values: CriterionValues) =>
    onSave({ text: values.text.trim(), points: values.points ?? null }, edit.version).then(
      onClose,
      (error) => {
        if (!edit.handleError(error)) showError(error);
      },
    );

  return (
    <Modal
      open
      title={title}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={isSaving}
      width={720}
      destroyOnHidden
    >
      <VersionConflictNotice edit={edit} />
      <Form<CriterionValues>
        form={form}
        layout="vertical"
        initialValues={initial ?? { text: '', points: null }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="text"
          label="Nội dung tiêu chí"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập nội dung tiêu chí' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} style={{ fontSize: 16 }} />
        </Form.Item>
        <Form.Item name="points" label="Điểm (để trống nếu không chấm điểm)">
          <InputNumber min={0} max={1000} size="large" style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
