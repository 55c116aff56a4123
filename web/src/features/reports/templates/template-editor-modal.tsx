import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  type ReportIndicator,
  type ReportSection,
  ReportTemplate,
} from '../../../../../contracts/reports.ts';
import { VersionConflictNotice } from '../../../components/index.ts';
import { api } from '../../../lib/api-client.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { useVersionedEdit } from '../../../lib/version-conflict.ts';

interface Values {
  ownerUnitId?: string;
  name: string;
  sections: ReportSection[];
  indicators: ReportIndicator[];
}

/** A key for a new section or indicator (the user never sees it; reports keep their values under it). */
const newKey = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;

/** Up, down and remove buttons of one row of a list. */
function RowButtons(props: {
  index: number;
  count: number;
  noun: string;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
}) {
  const { index, count, noun, move, remove } = props;
  return (
    <Space size={4}>
      <Button
        size="small"
        icon={<ArrowUpOutlined />}
        aria-label={`Đưa ${noun} ${index + 1} lên`}
        disabled={index === 0}
        onClick={() => move(index, index - 1)}
      />
      <Button
        size="small"
        icon={<ArrowDownOutlined />}
        aria-label={`Đưa ${noun} ${index + 1} xuống`}
        disabled={index === count - 1}
        onClick={() => move(index, index + 1)}
      />
      <Button
        size="small"
        danger
        icon={<DeleteOutlined />}
        aria-label={`Xóa ${noun} ${index + 1}`}
        onClick={() => remove(index)}
      />
    </Space>
  );
}

/**
 * Creates or edits a report template: its name, the narrative sections (title, what to write) and
 * the numeric indicators (name, unit of measure), each in the order shown. An edit is saved at the
 * version it loaded; if someone saved first, the conflict is shown and nothing typed is lost.
 */
export function TemplateEditorModal({
  template,
  units,
  onClose,
}: {
  template: ReportTemplate | null;
  units: { value: string; label: string }[];
  onClose: (saved?: ReportTemplate) => void;
}) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [saving, setSaving] = useState(false);
  const edit = useVersionedEdit<Values>({
    version: template?.version ?? 1,
    form,
    fields: [{ name: 'name', label: 'Tên mẫu' }],
    loadedValues: template ? { name: template.name } : {},
    freshValues: (current) => {
      const parsed = ReportTemplate.safeParse(current);
      return parsed.success ? { name: parsed.data.name } : null;
    },
  });

  const save = async () => {
    // A form with errors shows them under the fields; nothing is sent.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const body = {
      name: values.name,
      sections: values.sections.map((section) => ({ ...section, hint: section.hint ?? '' })),
      indicators: (values.indicators ?? []).map((indicator) => ({
        ...indicator,
        unit: indicator.unit ?? '',
      })),
    };
    setSaving(true);
    try {
      const saved = template
        ? await api.put(
            `/api/report-templates/${template.id}`,
            { ...body, version: edit.version },
            { schema: ReportTemplate },
          )
        : await api.create(
            '/api/report-templates',
            { ...body, ownerUnitId: values.ownerUnitId },
            { schema: ReportTemplate, idempotencyKey: key },
          );
      if (!template) renew();
      await queryClient.invalidateQueries({ queryKey: ['reports', 'templates'] });
      showSuccess(template ? 'Đã lưu mẫu báo cáo.' : 'Đã tạo mẫu báo cáo.');
      onClose(saved);
    } catch (error) {
      if (!edit.handleError(error)) showError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={template ? `Sửa mẫu báo cáo: ${template.name}` : 'Tạo mẫu báo cáo'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={save}
      onCancel={() => onClose()}
      confirmLoading={saving}
      width={820}
      destroyOnHidden
    >
      <VersionConflictNotice edit={edit} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          template
            ? { name: template.name, sections: template.sections, indicators: template.indicators }
            : {
                ownerUnitId: units[0]?.value,
                name: '',
                sections: [{ key: newKey('muc'), title: '', hint: '' }],
                indicators: [],
              }
        }
      >
        {template ? (
          <Typography.Paragraph type="secondary">Mẫu của {template.ownerUnit.name}</Typography.Paragraph>
        ) : (
          <Form.Item
            name="ownerUnitId"
            label="Đơn vị dùng mẫu"
            rules={[{ required: true, message: 'Chọn đơn vị' }]}
          >
            <Select options={units} />
          </Form.Item>
        )}
        <Form.Item name="name" label="Tên mẫu" rules={[{ required: true, message: 'Nhập tên mẫu' }]}>
          <Input maxLength={300} placeholder="Báo cáo công tác thi đua, khen thưởng năm" />
        </Form.Item>
        <Typography.Title level={5}>Các mục báo cáo</Typography.Title>
        <Form.List
          name="sections"
          rules={[
            {
              validator: async (_, value?: unknown[]) => {
                if (!value?.length) throw new Error('Mẫu cần ít nhất một mục');
              },
            },
          ]}
        >
          {(fields, { add, remove, move }, { errors }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`Mục ${index + 1}`}
                  extra={
                    <RowButtons index={index} count={fields.length} noun="mục" move={move} remove={remove} />
                  }
                >
                  <Form.Item name={[field.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'title']}
                    label="Tên mục"
                    rules={[{ required: true, whitespace: true, message: 'Nhập tên mục' }]}
                  >
                    <Input maxLength={300} placeholder="Kết quả triển khai" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'hint']} label="Gợi ý nội dung" style={{ marginBottom: 0 }}>
                    <Input.TextArea
                      rows={2}
                      maxLength={2000}
                      placeholder="Đơn vị cần nêu những gì ở mục này"
                    />
                  </Form.Item>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                icon={<PlusOutlined aria-hidden />}
                disabled={fields.length >= 50}
                onClick={() => add({ key: newKey('muc'), title: '', hint: '' })}
              >
                Thêm mục
              </Button>
            </Flex>
          )}
        </Form.List>
        <Typography.Title level={5}>Các chỉ tiêu số liệu</Typography.Title>
        <Form.List name="indicators">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item name={[field.name, 'code']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'label']}
                    style={{ flex: 1, marginBottom: 0 }}
                    rules={[{ required: true, whitespace: true, message: 'Nhập tên chỉ tiêu' }]}
                  >
                    <Input
                      maxLength={300}
                      aria-label={`Tên chỉ tiêu ${index + 1}`}
                      placeholder="Điển hình tiên tiến được phát hiện"
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unit']} style={{ width: 150, marginBottom: 0 }}>
                    <Input maxLength={50} aria-label={`Đơn vị tính ${index + 1}`} placeholder="Đơn vị tính" />
                  </Form.Item>
                  <RowButtons
                    index={index}
                    count={fields.length}
                    noun="chỉ tiêu"
                    move={move}
                    remove={remove}
                  />
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined aria-hidden />}
                disabled={fields.length >= 100}
                onClick={() => add({ code: newKey('ct'), label: '', unit: '' })}
              >
                Thêm chỉ tiêu
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
