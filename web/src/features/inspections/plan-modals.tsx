import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { councilRoleLabels } from '../../../../contracts/councils.ts';
import {
  type Assessment,
  assessmentLabels,
  type InspectionView,
  InspectionView as InspectionViewSchema,
  teamRoleLabels,
} from '../../../../contracts/inspections.ts';
import { MovementPage } from '../../../../contracts/movements.ts';
import { api } from '../../lib/api-client.ts';
import { toIsoDate } from '../../lib/format.ts';
import { showError } from '../../lib/notify.ts';
import { useCouncil } from '../organisation/councils/councils.api.ts';
import { PersonSelect } from '../organisation/shared/person-select.tsx';
import { UnitSelect } from '../organisation/shared/unit-select.tsx';
import { useRefreshInspections } from './inspections.api.ts';

interface PlanModalProps {
  open: boolean;
  plan: InspectionView;
  onClose: () => void;
}

/** Runs a change of the plan, shows a refusal in Vietnamese, refreshes, and closes on success. */
export function useChange(onClose: () => void) {
  const refresh = useRefreshInspections();
  const [saving, setSaving] = useState(false);
  const run = async (work: () => Promise<unknown>) => {
    setSaving(true);
    try {
      await work();
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

/** Adds one content item (what is checked and how it is assessed) to a draft plan. */
export function AddItemModal({ open, plan, onClose }: PlanModalProps) {
  const [form] = Form.useForm();
  const { saving, run } = useChange(onClose);
  const assessment = Form.useWatch('assessment', form) as Assessment | undefined;
  const submit = async () => {
    const values = await form.validateFields();
    await run(async () => {
      await api.patch(
        `/api/inspections/${plan.id}`,
        {
          items: [
            ...plan.items,
            {
              text: values.text,
              assessment: values.assessment,
              maxScore: values.assessment === 'score' ? values.maxScore : null,
            },
          ],
          version: plan.version,
        },
        { schema: InspectionViewSchema },
      );
      form.resetFields();
    });
  };
  return (
    <Modal
      open={open}
      title="Thêm nội dung kiểm tra"
      okText="Thêm"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <Form form={form} layout="vertical" initialValues={{ assessment: 'none' }}>
        <Form.Item
          name="text"
          label="Nội dung kiểm tra"
          rules={[{ required: true, min: 3, message: 'Nhập nội dung kiểm tra' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="assessment" label="Cách đánh giá">
          <Select options={Object.entries(assessmentLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        {assessment === 'score' && (
          <Form.Item
            name="maxScore"
            label="Điểm tối đa"
            rules={[{ required: true, message: 'Nhập điểm tối đa' }]}
          >
            <InputNumber min={1} max={1000} precision={0} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Adds the criteria of a movement's plan as content items. */
export function ItemsFromMovementModal({ open, plan, onClose }: PlanModalProps) {
  const [movementId, setMovementId] = useState<string>();
  const [q, setQ] = useState('');
  const { saving, run } = useChange(onClose);
  const movements = useQuery({
    queryKey: ['inspections', 'movements', q],
    queryFn: ({ signal }) =>
      api.get('/api/movements', { query: { q, limit: 30 }, schema: MovementPage, signal }),
    enabled: open,
  });
  return (
    <Modal
      open={open}
      title="Lấy nội dung kiểm tra từ tiêu chí thi đua của phong trào"
      width={720}
      okText="Thêm các tiêu chí"
      cancelText="Hủy"
      okButtonProps={{ disabled: !movementId }}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() =>
        run(() =>
          api.post(
            `/api/inspections/${plan.id}/items/from-movement`,
            { movementId, version: plan.version },
            { schema: InspectionViewSchema },
          ),
        )
      }
    >
      <Typography.Paragraph type="secondary">
        Các tiêu chí thi đua tập thể trong kế hoạch hiện hành của phong trào (có điểm thì chấm điểm) được thêm
        vào nội dung kiểm tra; nội dung đã có giữ nguyên.
      </Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        aria-label="Phong trào thi đua"
        showSearch={{ filterOption: false, onSearch: setQ }}
        placeholder="Gõ tên phong trào"
        popupMatchSelectWidth
        value={movementId}
        onChange={setMovementId}
        optionLabelProp="title"
        options={(movements.data?.items ?? []).map((movement) => ({
          value: movement.id,
          title: movement.name,
          label: (
            <div style={{ whiteSpace: 'normal' }}>
              <div>{movement.name}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {movement.launchingUnit.name} · {movement.periodFrom}
                {movement.periodTo !== movement.periodFrom ? `–${movement.periodTo}` : ''}
              </Typography.Text>
            </div>
          ),
        }))}
      />
    </Modal>
  );
}

/** Adds a council member or another officer to the team with a role. */
export function AddTeamModal({ open, plan, onClose }: PlanModalProps) {
  const [form] = Form.useForm();
  const { saving, run } = useChange(onClose);
  const council = useCouncil(open ? plan.councilId : undefined);
  const members = council.data?.members ?? [];
  const submit = async () => {
    const values = await form.validateFields();
    const seat = members.find((member) => member.id === values.councilMemberId);
    const personId = seat?.personId ?? values.personId;
    if (!personId) {
      showError(new Error('Chọn thành viên Hội đồng hoặc cán bộ.'));
      return;
    }
    await run(async () => {
      await api.post(
        `/api/inspections/${plan.id}/team`,
        { personId, councilMemberId: seat?.id ?? null, role: values.role, version: plan.version },
        { schema: InspectionViewSchema },
      );
      form.resetFields();
    });
  };
  return (
    <Modal
      open={open}
      title="Thêm thành viên đoàn kiểm tra"
      okText="Thêm"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <Form form={form} layout="vertical" initialValues={{ role: 'member' }}>
        <Form.Item name="councilMemberId" label="Thành viên Hội đồng">
          <Select
            allowClear
            options={members.map((member) => ({
              value: member.id,
              label: `${member.personName} — ${councilRoleLabels[member.role]}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="personId" label="Hoặc cán bộ khác">
          <PersonSelect />
        </Form.Item>
        <Form.Item name="role" label="Vai trò trong đoàn">
          <Select options={Object.entries(teamRoleLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Adds a unit to inspect on a day within the plan's dates. */
export function AddTargetModal({ open, plan, onClose }: PlanModalProps) {
  const [form] = Form.useForm();
  const { saving, run } = useChange(onClose);
  const submit = async () => {
    const values = await form.validateFields();
    await run(async () => {
      await api.post(
        `/api/inspections/${plan.id}/targets`,
        { unitId: values.unitId, inspectOn: toIsoDate(values.inspectOn), version: plan.version },
        { schema: InspectionViewSchema },
      );
      form.resetFields();
    });
  };
  return (
    <Modal
      open={open}
      title="Thêm đơn vị được kiểm tra"
      okText="Thêm"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="unitId" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item
          name="inspectOn"
          label="Ngày kiểm tra"
          rules={[{ required: true, message: 'Chọn ngày kiểm tra' }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
