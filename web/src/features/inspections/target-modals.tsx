import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Upload } from 'antd';
import { useEffect, useState } from 'react';
import {
  type InspectionItem,
  type Remedy,
  ratingLabels,
  remedyStatusLabels,
  TargetView,
} from '../../../../contracts/inspections.ts';
import { api } from '../../lib/api-client.ts';
import { toIsoDate } from '../../lib/format.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { useSession } from '../auth/index.ts';
import { uploadEvidence, useRefreshInspections } from './inspections.api.ts';

/** Runs a change of the target, shows a refusal in Vietnamese, refreshes, and closes on success. */
function useChange(onClose: () => void) {
  const refresh = useRefreshInspections();
  const [saving, setSaving] = useState(false);
  const run = async (work: () => Promise<unknown>, done?: string) => {
    setSaving(true);
    try {
      await work();
      if (done) showSuccess(done);
      onClose();
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
      await refresh();
    }
  };
  return { saving, run };
}

/** Records the finding of one content item: text, and the score or rating the plan asks. */
export function FindingModal({
  target,
  item,
  onClose,
}: {
  target: TargetView;
  item: InspectionItem | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { saving, run } = useChange(onClose);
  useEffect(() => {
    if (!item) return;
    const finding = target.findings.find((candidate) => candidate.itemId === item.id);
    form.setFieldsValue({
      text: finding?.text ?? '',
      score: finding?.score ?? null,
      rating: finding?.rating ?? null,
    });
  }, [item, target.findings, form]);
  if (!item) return null;
  const submit = async () => {
    const values = await form.validateFields();
    await run(() =>
      api.put(
        `/api/inspection-targets/${target.id}/findings/${item.id}`,
        {
          text: values.text,
          score: item.assessment === 'score' ? values.score : null,
          rating: item.assessment === 'rating' ? values.rating : null,
          version: target.version,
        },
        { schema: TargetView },
      ),
    );
  };
  return (
    <Modal
      open
      title="Ghi kết quả kiểm tra"
      okText="Lưu kết quả"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <p>{item.text}</p>
      <Form form={form} layout="vertical">
        <Form.Item
          name="text"
          label="Kết quả kiểm tra"
          rules={[{ required: true, min: 2, message: 'Nhập kết quả kiểm tra' }]}
        >
          <Input.TextArea rows={4} maxLength={10_000} />
        </Form.Item>
        {item.assessment === 'score' && (
          <Form.Item
            name="score"
            label={`Điểm (tối đa ${item.maxScore})`}
            rules={[{ required: true, message: 'Nhập điểm' }]}
          >
            <InputNumber min={0} max={item.maxScore ?? undefined} step={0.5} />
          </Form.Item>
        )}
        {item.assessment === 'rating' && (
          <Form.Item name="rating" label="Xếp loại" rules={[{ required: true, message: 'Chọn xếp loại' }]}>
            <Select options={Object.entries(ratingLabels).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Requires a remedy of the inspected unit by a deadline. */
export function RemedyModal({
  target,
  open,
  onClose,
}: {
  target: TargetView;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { saving, run } = useChange(onClose);
  const submit = async () => {
    const values = await form.validateFields();
    await run(async () => {
      await api.post(
        `/api/inspection-targets/${target.id}/remedies`,
        { text: values.text, dueOn: toIsoDate(values.dueOn), version: target.version },
        { schema: TargetView },
      );
      form.resetFields();
    });
  };
  return (
    <Modal
      open={open}
      title="Yêu cầu khắc phục"
      okText="Thêm yêu cầu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="text"
          label="Nội dung cần khắc phục"
          rules={[{ required: true, min: 3, message: 'Nhập nội dung cần khắc phục' }]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label="Hạn khắc phục"
          rules={[{ required: true, message: 'Chọn hạn khắc phục' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Writes the conclusion and recommendations of the notice. */
export function ConclusionModal({
  target,
  open,
  onClose,
}: {
  target: TargetView;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { saving, run } = useChange(onClose);
  useEffect(() => {
    if (open) form.setFieldsValue({ conclusion: target.conclusion, recommendations: target.recommendations });
  }, [open, target.conclusion, target.recommendations, form]);
  const submit = async () => {
    const values = await form.validateFields();
    await run(() =>
      api.patch(
        `/api/inspection-targets/${target.id}`,
        { ...values, version: target.version },
        { schema: TargetView },
      ),
    );
  };
  return (
    <Modal
      open={open}
      title="Kết luận và kiến nghị"
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      width={700}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="conclusion" label="Kết luận">
          <Input.TextArea rows={5} maxLength={20_000} />
        </Form.Item>
        <Form.Item name="recommendations" label="Kiến nghị">
          <Input.TextArea rows={4} maxLength={20_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The inspected unit reports its progress on a remedy, with an optional evidence file. */
export function FollowUpModal({ remedy, onClose }: { remedy: Remedy | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const { data: session } = useSession();
  const { saving, run } = useChange(onClose);
  const [file, setFile] = useState<File | null>(null);
  useEffect(() => {
    if (remedy)
      form.setFieldsValue({
        status: remedy.status === 'not_started' ? 'in_progress' : remedy.status,
        note: remedy.note ?? '',
      });
    setFile(null);
  }, [remedy, form]);
  if (!remedy) return null;
  const submit = async () => {
    const values = await form.validateFields();
    await run(async () => {
      const after = await api.post(
        `/api/inspection-remedies/${remedy.id}/follow-up`,
        { status: values.status, note: values.note, version: remedy.version },
        { schema: TargetView },
      );
      const version =
        after.remedies.find((candidate) => candidate.id === remedy.id)?.version ?? remedy.version + 1;
      if (file) await uploadEvidence(remedy.id, version, file, session?.csrfToken ?? null);
    }, 'Đã gửi báo cáo khắc phục.');
  };
  return (
    <Modal
      open
      title="Báo cáo kết quả khắc phục"
      okText="Gửi báo cáo"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <p>{remedy.text}</p>
      <Form form={form} layout="vertical">
        <Form.Item name="status" label="Tình trạng">
          <Select options={Object.entries(remedyStatusLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="note"
          label="Kết quả thực hiện"
          rules={[{ required: true, min: 2, message: 'Nhập kết quả thực hiện' }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item label="Minh chứng (PDF, DOCX, XLSX, ảnh; không bắt buộc)">
          <Upload
            maxCount={1}
            beforeUpload={(chosen) => {
              setFile(chosen);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'evidence', name: file.name, status: 'done' }] : []}
          >
            <Button>Chọn tệp</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
