import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  EXEMPLAR_STAGES,
  ExemplarKind,
  type ExemplarView,
  exemplarKindLabels,
  exemplarStageLabels,
} from '../../../../contracts/exemplars.ts';
import { api } from '../../lib/api-client.ts';
import { formatDate, toIsoDate } from '../../lib/format.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { UnitSelect } from '../organisation/shared/unit-select.tsx';
import { MovementSelect } from './exemplar-fields.tsx';
import { useAwardOptions, useRefreshExemplars } from './exemplars.api.ts';

export type ExemplarDialog = 'edit' | 'return' | 'advance' | 'replication' | 'award' | null;

interface DialogProps {
  view: ExemplarView;
  open: boolean;
  onClose: () => void;
}

/** A form in a modal that posts its values with the exemplar's version, then refreshes the page. */
function ExemplarFormModal({
  open,
  onClose,
  title,
  okText,
  success,
  send,
  children,
  initialValues,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  okText: string;
  success: string;
  send: (values: Record<string, unknown>) => Promise<unknown>;
  children: React.ReactNode;
  initialValues?: Record<string, unknown>;
}) {
  const [form] = Form.useForm();
  const refresh = useRefreshExemplars();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await send(values);
      showSuccess(success);
      onClose();
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
      await refresh();
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={600}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}

/** The title, kind, summary and movement of an exemplar. */
export function EditExemplarModal({ view, open, onClose }: DialogProps) {
  return (
    <ExemplarFormModal
      open={open}
      onClose={onClose}
      title="Sửa thông tin điển hình"
      okText="Lưu"
      success="Đã lưu thông tin điển hình."
      initialValues={{
        title: view.title,
        kind: view.kind,
        summary: view.summary,
        movementId: view.movementId,
      }}
      send={(values) =>
        api.patch(`/api/exemplars/${view.id}`, {
          ...values,
          movementId: values.movementId ?? null,
          version: view.version,
        })
      }
    >
      <Form.Item
        name="title"
        label="Tên điển hình"
        rules={[{ required: true, min: 3, message: 'Nhập tên điển hình' }]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="kind" label="Loại điển hình">
        <Select
          options={ExemplarKind.options.map((value) => ({ value, label: exemplarKindLabels[value] }))}
        />
      </Form.Item>
      <Form.Item name="summary" label="Tóm tắt thành tích, cách làm">
        <Input.TextArea rows={5} maxLength={10_000} />
      </Form.Item>
      <Form.Item name="movementId" label="Thuộc phong trào thi đua">
        <MovementSelect placeholder="Không gắn với phong trào" />
      </Form.Item>
    </ExemplarFormModal>
  );
}

/** The level above returns the proposal with a reason. */
export function ReturnExemplarModal({ view, open, onClose }: DialogProps) {
  return (
    <ExemplarFormModal
      open={open}
      onClose={onClose}
      title="Trả lại đề xuất điển hình"
      okText="Trả lại"
      success="Đã trả lại đề xuất cho đơn vị."
      send={(values) =>
        api.post(`/api/exemplars/${view.id}/return`, { reason: values.reason, version: view.version })
      }
    >
      <Form.Item
        name="reason"
        label="Lý do trả lại"
        rules={[{ required: true, min: 3, message: 'Nhập lý do trả lại (ít nhất 3 ký tự)' }]}
      >
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
    </ExemplarFormModal>
  );
}

/** Moves the exemplar to its next stage on a day, with a note. */
export function AdvanceExemplarModal({ view, open, onClose }: DialogProps) {
  const next = EXEMPLAR_STAGES[EXEMPLAR_STAGES.indexOf(view.stage) + 1];
  const lastDay = view.moves.at(-1)?.movedOn ?? view.discoveredOn;
  if (!next) return null;
  return (
    <ExemplarFormModal
      open={open}
      onClose={onClose}
      title={`Chuyển sang giai đoạn “${exemplarStageLabels[next]}”`}
      okText="Chuyển giai đoạn"
      success={`Đã chuyển điển hình sang giai đoạn ${exemplarStageLabels[next].toLowerCase()}.`}
      initialValues={{ movedOn: dayjs() }}
      send={(values) =>
        api.post(`/api/exemplars/${view.id}/advance`, {
          stage: next,
          movedOn: toIsoDate(values.movedOn as dayjs.Dayjs),
          note: values.note ?? '',
          version: view.version,
        })
      }
    >
      <Form.Item
        name="movedOn"
        label={`Ngày chuyển (không trước ${formatDate(lastDay)})`}
        rules={[{ required: true, message: 'Chọn ngày chuyển giai đoạn' }]}
      >
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú (việc đã làm, văn bản liên quan)">
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
    </ExemplarFormModal>
  );
}

/** Records a unit that replicated the example. */
export function ReplicationModal({ view, open, onClose }: DialogProps) {
  return (
    <ExemplarFormModal
      open={open}
      onClose={onClose}
      title="Ghi nhận đơn vị nhân rộng"
      okText="Ghi nhận"
      success="Đã ghi nhận đơn vị nhân rộng."
      initialValues={{ replicatedOn: dayjs() }}
      send={(values) =>
        api.post(`/api/exemplars/${view.id}/replications`, {
          unitId: values.unitId,
          replicatedOn: toIsoDate(values.replicatedOn as dayjs.Dayjs),
          note: values.note ?? '',
          version: view.version,
        })
      }
    >
      <Form.Item name="unitId" label="Đơn vị nhân rộng" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
        <UnitSelect />
      </Form.Item>
      <Form.Item name="replicatedOn" label="Ngày áp dụng" rules={[{ required: true, message: 'Chọn ngày' }]}>
        <DatePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </ExemplarFormModal>
  );
}

/** Links one of the subject's award records to the exemplar. */
export function AwardLinkModal({ view, open, onClose }: DialogProps) {
  const options = useAwardOptions(view.id, open);
  const linked = new Set(view.awards.map((award) => award.awardReceivedId));
  return (
    <ExemplarFormModal
      open={open}
      onClose={onClose}
      title="Gắn khen thưởng do điển hình mang lại"
      okText="Gắn khen thưởng"
      success="Đã gắn khen thưởng với điển hình."
      send={(values) =>
        api.post(`/api/exemplars/${view.id}/awards`, {
          awardReceivedId: values.awardReceivedId,
          version: view.version,
        })
      }
    >
      <Form.Item
        name="awardReceivedId"
        label="Khen thưởng của cá nhân, tập thể điển hình"
        rules={[{ required: true, message: 'Chọn khen thưởng' }]}
      >
        <Select
          loading={options.isFetching}
          notFoundContent="Chưa có khen thưởng nào trong lịch sử khen thưởng"
          options={(options.data?.items ?? [])
            .filter((award) => !linked.has(award.awardReceivedId))
            .map((award) => ({
              value: award.awardReceivedId,
              label: `${award.awardName} năm ${award.year}${award.decisionNumber ? ` (QĐ ${award.decisionNumber})` : ''} – ${award.recipientName}`,
            }))}
        />
      </Form.Item>
    </ExemplarFormModal>
  );
}
