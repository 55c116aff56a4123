import { useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, Modal, Radio, Select, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { unitKindLabels } from '../../../../contracts/organisation.ts';
import { ReportRequest, ReportTemplate, reportRequestKindLabels } from '../../../../contracts/reports.ts';
import { api } from '../../lib/api-client.ts';
import { toIsoDate } from '../../lib/format.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { useSession } from '../auth/index.ts';
import { reportKeys, useTemplates } from './reports.api.ts';

const STANDARD_TEMPLATE = {
  sections: [
    { key: 'trien-khai', title: 'Công tác chỉ đạo, triển khai', hint: '' },
    { key: 'ket-qua', title: 'Kết quả thực hiện', hint: '' },
    { key: 'ton-tai', title: 'Tồn tại, hạn chế và nguyên nhân', hint: '' },
    { key: 'de-xuat', title: 'Đề xuất, kiến nghị', hint: '' },
  ],
  indicators: [
    { code: 'ke-hoach', label: 'Đơn vị đã ban hành kế hoạch triển khai', unit: 'đơn vị' },
    { code: 'dang-ky', label: 'Tập thể, cá nhân đăng ký thi đua', unit: 'lượt' },
    { code: 'dien-hinh', label: 'Điển hình tiên tiến được phát hiện', unit: 'mô hình' },
    { code: 'khen-thuong', label: 'Tập thể, cá nhân được khen thưởng', unit: 'lượt' },
  ],
};

/**
 * The form sending a report request to the units below: the unit asking, what it asks for, the
 * template, the period and the deadline, and who is asked. With `parent`, it forwards a request
 * the unit received to its own units, keeping the parent's template; the deadline must be earlier.
 */
export function CreateRequestModal({
  open,
  onClose,
  parent,
}: {
  open: boolean;
  onClose: () => void;
  parent?: { id: string; unitId: string; title: string; dueOn: string } | undefined;
}) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const { key, renew } = useIdempotencyKey();
  const standard = useIdempotencyKey();
  const [saving, setSaving] = useState(false);
  const units = (user?.grants ?? []).filter((grant) => grant.role === 'tdkt_officer' && grant.unitId);
  const unitId = (Form.useWatch('unitId', form) as string | undefined) ?? parent?.unitId;
  const templates = useTemplates(parent ? undefined : unitId);
  const mode = Form.useWatch(['targets', 'mode'], form) as string | undefined;

  const createStandardTemplate = async () => {
    if (!unitId) return;
    try {
      const created = await api.create(
        '/api/report-templates',
        { ownerUnitId: unitId, name: 'Mẫu báo cáo chung', ...STANDARD_TEMPLATE },
        { schema: ReportTemplate, idempotencyKey: standard.key },
      );
      standard.renew();
      await templates.refetch();
      form.setFieldValue('templateId', created.id);
      showSuccess('Đã tạo mẫu báo cáo chung.');
    } catch (error) {
      showError(error);
    }
  };

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const created = await api.create(
        '/api/report-requests',
        {
          ...values,
          unitId: parent?.unitId ?? values.unitId,
          parentRequestId: parent?.id,
          kind: values.kind ?? 'general_yearly',
          periodFrom: toIsoDate(values.period?.[0]) ?? '2024-01-01',
          periodTo: toIsoDate(values.period?.[1]) ?? '2024-12-31',
          dueOn: toIsoDate(values.dueOn),
          period: undefined,
        },
        { schema: ReportRequest, idempotencyKey: key },
      );
      renew();
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
      onClose();
      navigate(`/bao-cao/yeu-cau/${created.id}`);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={parent ? `Yêu cầu đơn vị cấp dưới báo cáo: ${parent.title}` : 'Gửi yêu cầu báo cáo'}
      okText="Gửi yêu cầu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      width={680}
    >
      <Form
        form={form}
        layout="vertical"
        // An officer of one unit asks for that unit: it is chosen already (and its templates listed).
        initialValues={{
          targets: { mode: 'children' },
          title: parent?.title,
          unitId: units.length === 1 ? units[0]?.unitId : undefined,
        }}
      >
        {!parent && (
          <>
            <Form.Item
              name="unitId"
              label="Đơn vị yêu cầu"
              rules={[{ required: true, message: 'Chọn đơn vị' }]}
            >
              <Select options={units.map((grant) => ({ value: grant.unitId, label: grant.unitName }))} />
            </Form.Item>
            <Form.Item name="kind" label="Loại báo cáo" initialValue="general_yearly">
              <Select
                options={Object.entries(reportRequestKindLabels)
                  .filter(([value]) => value === 'general_yearly')
                  .map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Flex gap={8} align="flex-end">
              <Form.Item
                name="templateId"
                label="Mẫu báo cáo"
                style={{ flex: 1 }}
                rules={[{ required: true, message: 'Chọn mẫu báo cáo' }]}
              >
                <Select
                  loading={templates.isFetching}
                  options={(templates.data?.items ?? []).map((item) => ({
                    value: item.id,
                    label: item.fromAbove ? (
                      <span title={`${item.name} (Mẫu của cấp trên: ${item.ownerUnit.name})`}>
                        <Tag color="purple">Mẫu của cấp trên</Tag>
                        {item.name}
                      </span>
                    ) : (
                      item.name
                    ),
                  }))}
                />
              </Form.Item>
              <Form.Item>
                <Button onClick={createStandardTemplate} disabled={!unitId}>
                  Tạo mẫu chung
                </Button>
              </Form.Item>
            </Flex>
          </>
        )}
        <Form.Item name="title" label="Tên yêu cầu" rules={[{ required: true, message: 'Nhập tên yêu cầu' }]}>
          <Input maxLength={500} placeholder="Báo cáo công tác thi đua, khen thưởng năm 2024" />
        </Form.Item>
        <Flex gap={12}>
          {!parent && (
            <Form.Item
              name="period"
              label="Kỳ báo cáo"
              style={{ flex: 1 }}
              rules={[{ required: true, message: 'Chọn kỳ báo cáo' }]}
            >
              <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item
            name="dueOn"
            label={parent ? `Hạn gửi (trước ${parent.dueOn.split('-').reverse().join('/')})` : 'Hạn gửi'}
            style={{ flex: 1 }}
            rules={[{ required: true, message: 'Chọn hạn gửi' }]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name={['targets', 'mode']} label="Đơn vị được yêu cầu">
          <Radio.Group
            options={[
              { value: 'children', label: 'Các đơn vị trực thuộc' },
              { value: 'kinds', label: 'Mọi đơn vị thuộc loại' },
            ]}
          />
        </Form.Item>
        {mode === 'kinds' && (
          <Form.Item name={['targets', 'kinds']} rules={[{ required: true, message: 'Chọn loại đơn vị' }]}>
            <Select
              mode="multiple"
              options={Object.entries(unitKindLabels).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
