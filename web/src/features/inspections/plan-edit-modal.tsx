import { DatePicker, Flex, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import {
  type InspectionView,
  InspectionView as InspectionViewSchema,
  type TargetListItem,
  TargetView,
} from '../../../../contracts/inspections.ts';
import { api } from '../../lib/api-client.ts';
import { formatDate, parseIsoDate, toIsoDate } from '../../lib/format.ts';
import { useChange } from './plan-modals.tsx';

/**
 * Edits a draft plan's title, purpose and dates. The server refuses a period that would leave a
 * target's inspection day outside it and names those units, so the officer moves their days first.
 */
export function EditPlanModal({
  open,
  plan,
  onClose,
}: {
  open: boolean;
  plan: InspectionView;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { saving, run } = useChange(onClose);
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        title: plan.title,
        purpose: plan.purpose,
        startsOn: parseIsoDate(plan.startsOn),
        endsOn: parseIsoDate(plan.endsOn),
      });
  }, [open, plan, form]);
  const submit = async () => {
    const values = await form.validateFields();
    await run(() =>
      api.patch(
        `/api/inspections/${plan.id}`,
        {
          title: values.title,
          purpose: values.purpose ?? '',
          startsOn: toIsoDate(values.startsOn),
          endsOn: toIsoDate(values.endsOn),
          version: plan.version,
        },
        { schema: InspectionViewSchema },
      ),
    );
  };
  return (
    <Modal
      open={open}
      title="Sửa kế hoạch kiểm tra"
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
      forceRender
    >
      <Form form={form} layout="vertical" name="plan-edit">
        <Form.Item
          name="title"
          label="Tên kế hoạch"
          rules={[{ required: true, min: 3, message: 'Nhập tên kế hoạch kiểm tra' }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <PlanPurposeAndPeriod />
      </Form>
    </Modal>
  );
}

/** Moves a draft plan's target to another day within the plan's period (at the target's version). */
export function TargetDayModal({
  plan,
  target,
  onClose,
}: {
  plan: InspectionView;
  target: TargetListItem | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { saving, run } = useChange(onClose);
  useEffect(() => {
    if (target) form.setFieldsValue({ inspectOn: parseIsoDate(target.inspectOn) });
  }, [target, form]);
  const submit = async () => {
    const values = await form.validateFields();
    if (!target) return;
    await run(() =>
      api.patch(
        `/api/inspection-targets/${target.id}`,
        { inspectOn: toIsoDate(values.inspectOn), version: target.version },
        { schema: TargetView },
      ),
    );
  };
  return (
    <Modal
      open={target !== null}
      title={`Đổi ngày kiểm tra: ${target?.unitName ?? ''}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      forceRender
    >
      {/* Named: the add-target dialog of the same page has a field of the same name. */}
      <Form form={form} layout="vertical" name="target-day">
        <Form.Item
          name="inspectOn"
          label="Ngày kiểm tra"
          extra={`Trong thời gian của kế hoạch: ${formatDate(plan.startsOn)} – ${formatDate(plan.endsOn)}.`}
          rules={[{ required: true, message: 'Chọn ngày kiểm tra' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The plan's purpose and period fields, shared by the forms that create and edit a plan. */
export function PlanPurposeAndPeriod() {
  return (
    <>
      <Form.Item name="purpose" label="Mục đích, yêu cầu">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item
          name="startsOn"
          label="Từ ngày"
          style={{ flex: 1 }}
          rules={[{ required: true, message: 'Chọn ngày bắt đầu' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label="Đến ngày"
          style={{ flex: 1 }}
          rules={[{ required: true, message: 'Chọn ngày kết thúc' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
    </>
  );
}
