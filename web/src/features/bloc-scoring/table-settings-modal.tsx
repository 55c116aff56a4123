import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { ScoringTableView, type TieBreakStep } from '../../../../contracts/bloc-scoring.ts';
import { api, isApiError } from '../../lib/api-client.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { useRefreshScoring } from './bloc-scoring.api.ts';

interface StepValue {
  kind: TieBreakStep['kind'];
  criterionCode?: string;
}
interface Values {
  name: string;
  leadingCount: number;
  tieBreak: StepValue[];
}

const stepKinds = [
  { value: 'criterion', label: 'Điểm của một tiêu chí' },
  { value: 'women_share', label: 'Tập thể có từ 70% nữ trở lên (NĐ 152, Điều 4)' },
  { value: 'vote', label: 'Biểu quyết của hội nghị khối, cụm' },
];

const toStep = (value: StepValue): TieBreakStep =>
  value.kind === 'criterion'
    ? { kind: 'criterion', criterionCode: value.criterionCode ?? '' }
    : { kind: value.kind };

/**
 * Edits a table's name, leading places and tie-break chain while it is a draft; once scoring runs
 * only the name (the rest would move the ranking). A stale save shows who changed the table first.
 */
export function TableSettingsModal({
  table,
  open,
  onClose,
}: {
  table: ScoringTableView;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const refresh = useRefreshScoring();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const full = table.actions.includes('edit');
  const codes = table.criteria.map((criterion) => ({
    value: criterion.code,
    label: `${criterion.code}. ${criterion.title}`,
  }));
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await api.patch(
        `/api/scoring-tables/${table.id}`,
        full
          ? {
              name: values.name,
              leadingCount: values.leadingCount,
              tieBreak: values.tieBreak.map(toStep),
              version: table.version,
            }
          : { name: values.name, version: table.version },
        { schema: ScoringTableView },
      );
      showSuccess('Đã lưu thông tin bảng tiêu chí.');
      setConflict(null);
      await refresh();
      onClose();
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT', 'CONFLICT')) {
        setConflict(error.message);
        await refresh();
      } else showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title="Sửa thông tin bảng tiêu chí"
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={760}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={conflict}
          description="Bảng đã được tải lại; đóng hộp thoại rồi mở lại để sửa trên bản mới."
        />
      )}
      {!full && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Bảng đã mở chấm điểm: chỉ sửa được tên bảng. Số đơn vị dẫn đầu và thứ tự xét khi bằng điểm đã khóa."
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: table.name, leadingCount: table.leadingCount, tieBreak: table.tieBreak }}
      >
        <Form.Item name="name" label="Tên bảng" rules={[{ required: true, message: 'Nhập tên bảng' }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="leadingCount"
          label="Số đơn vị dẫn đầu"
          rules={[{ required: true, message: 'Nhập số' }]}
        >
          <InputNumber min={1} max={50} precision={0} disabled={!full} />
        </Form.Item>
        <Form.List name="tieBreak">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              <span>Khi bằng điểm, xét lần lượt</span>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <span style={{ paddingTop: 5 }}>{index + 1}.</span>
                  <Form.Item name={[field.name, 'kind']} noStyle>
                    <Select
                      aria-label={`Bước ${index + 1}`}
                      options={stepKinds}
                      style={{ minWidth: 260 }}
                      disabled={!full}
                    />
                  </Form.Item>
                  <Form.Item noStyle dependencies={[['tieBreak', field.name, 'kind']]}>
                    {() =>
                      form.getFieldValue(['tieBreak', field.name, 'kind']) === 'criterion' && (
                        <Form.Item
                          name={[field.name, 'criterionCode']}
                          rules={[{ required: true, message: 'Chọn tiêu chí' }]}
                          style={{ marginBottom: 0 }}
                        >
                          <Select
                            aria-label={`Tiêu chí của bước ${index + 1}`}
                            options={codes}
                            style={{ minWidth: 220, maxWidth: 320 }}
                            disabled={!full}
                          />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                  {full && (
                    <Button
                      aria-label={`Bỏ bước ${index + 1}`}
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Flex>
              ))}
              {full && (
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ kind: 'vote' })}>
                  Thêm bước xét
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
