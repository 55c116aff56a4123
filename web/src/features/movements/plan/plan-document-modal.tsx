import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef } from 'react';
import { MovementDetail } from '../../../../../contracts/movements.ts';
import { VersionConflictNotice } from '../../../components/index.ts';
import { applyFieldErrors } from '../../../lib/form.ts';
import { toIsoDate } from '../../../lib/format.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { type ConflictField, useVersionedEdit } from '../../../lib/version-conflict.ts';
import { useStoreConflictMovement } from '../movements.api.ts';
import { useEditPlanDocument } from './plan-issue.api.ts';

/** What the header form edits: the fields of the document's heading and signature. */
interface HeaderValues {
  number: string;
  date: dayjs.Dayjs | null;
  place: string;
  /** The authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), one per line. */
  authority: string;
  signerTitle: string;
  signerName: string;
}

const conflictFields: ConflictField<HeaderValues>[] = [
  { name: 'number', label: 'Số, ký hiệu' },
  { name: 'date', label: 'Ngày ban hành' },
  { name: 'place', label: 'Nơi ban hành' },
  { name: 'authority', label: 'Thẩm quyền ký' },
  { name: 'signerTitle', label: 'Chức vụ người ký' },
  { name: 'signerName', label: 'Người ký' },
];

/** The form's values for a movement's current plan. */
function headerValues(movement: MovementDetail): HeaderValues {
  const { document } = movement.plan;
  return {
    number: document.number ?? '',
    date: document.date ? dayjs(document.date) : null,
    place: document.place ?? '',
    authority: document.signature.authority.join('\n'),
    signerTitle: document.signature.title ?? '',
    signerName: document.signature.name ?? '',
  };
}

/**
 * Corrects the heading and signature of a plan before it is issued: number, date and place of issue,
 * the authority lines, the signer's position and name. A save made on a version someone else has
 * changed keeps what was typed and shows what they changed (Tải lại bản mới).
 */
export function PlanDocumentModal({ movement, onClose }: { movement: MovementDetail; onClose: () => void }) {
  const [form] = Form.useForm<HeaderValues>();
  const save = useEditPlanDocument(movement.id);
  const storeConflict = useStoreConflictMovement();
  const initial = headerValues(movement);
  const isSaving = useRef(false);
  const edit = useVersionedEdit<HeaderValues>({
    version: movement.version,
    form,
    fields: conflictFields,
    loadedValues: initial,
    freshValues: (current) => {
      const parsed = MovementDetail.safeParse(current);
      return parsed.success ? headerValues(parsed.data) : null;
    },
    onReload: (conflict) => storeConflict(conflict.current),
  });

  const submit = async (values: HeaderValues) => {
    if (isSaving.current) return;
    isSaving.current = true;
    try {
      await save.mutateAsync({
        version: edit.version,
        number: values.number.trim() || null,
        date: toIsoDate(values.date) ?? null,
        place: values.place.trim() || null,
        authority: values.authority
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        signerTitle: values.signerTitle.trim() || null,
        signerName: values.signerName.trim() || null,
      });
      showSuccess('Đã lưu thông tin văn bản.');
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
      title="Sửa thông tin văn bản"
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ size: 'large', disabled: save.isPending }}
      cancelButtonProps={{ size: 'large' }}
      width={720}
      destroyOnHidden
    >
      <VersionConflictNotice edit={edit} />
      <Typography.Paragraph type="secondary">
        Số, ngày ban hành và người ký là bắt buộc trước khi ban hành kế hoạch thực hiện.
      </Typography.Paragraph>
      <Form<HeaderValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => void submit(values)}
        requiredMark={false}
      >
        <Form.Item name="number" label="Số, ký hiệu" extra="Ví dụ: 25/KH-UBND">
          <Input size="large" maxLength={100} showCount autoComplete="off" />
        </Form.Item>
        <Form.Item name="date" label="Ngày ban hành" htmlFor="plan-date">
          <DatePicker id="plan-date" size="large" format="DD/MM/YYYY" placeholder="dd/mm/yyyy" />
        </Form.Item>
        <Form.Item name="place" label="Nơi ban hành (địa danh ở dòng ngày tháng)" extra="Ví dụ: Bình Lư">
          <Input size="large" maxLength={200} showCount />
        </Form.Item>
        <Form.Item
          name="authority"
          label="Thẩm quyền ký (mỗi dòng một dòng)"
          extra="Ví dụ: TM. ỦY BAN NHÂN DÂN, dòng dưới: KT. CHỦ TỊCH"
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} style={{ fontSize: 16 }} />
        </Form.Item>
        <Form.Item name="signerTitle" label="Chức vụ người ký" extra="Ví dụ: PHÓ CHỦ TỊCH">
          <Input size="large" maxLength={300} />
        </Form.Item>
        <Form.Item name="signerName" label="Họ và tên người ký">
          <Input size="large" maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
