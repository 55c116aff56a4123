import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  type InspectionListItem,
  InspectionView,
  inspectionStatusLabels,
} from '../../../../contracts/inspections.ts';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { PageHeader } from '../../components/index.ts';
import { api } from '../../lib/api-client.ts';
import { formatDate, toIsoDate } from '../../lib/format.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { showError } from '../../lib/notify.ts';
import { hasRole, useSession } from '../auth/index.ts';
import { useCouncils } from '../organisation/councils/councils.api.ts';
import { inspectionKeys, type Position, useInspections } from './inspections.api.ts';
import { PlanPurposeAndPeriod } from './plan-edit-modal.tsx';

export const statusColors: Record<InspectionListItem['status'], string> = {
  draft: 'default',
  approved: 'blue',
  done: 'green',
};

/** The form drafting a council's yearly inspection plan: council, year, title, dates. */
function CreatePlanModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [saving, setSaving] = useState(false);
  const councils = useCouncils();
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const created = await api.create(
        '/api/inspections',
        {
          councilId: values.councilId,
          year: values.year,
          title: values.title,
          purpose: values.purpose ?? '',
          startsOn: toIsoDate(values.startsOn),
          endsOn: toIsoDate(values.endsOn),
        },
        { schema: InspectionView, idempotencyKey: key },
      );
      renew();
      await queryClient.invalidateQueries({ queryKey: inspectionKeys.all });
      navigate(`/kiem-tra/${created.id}`);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title="Lập kế hoạch kiểm tra"
      okText="Lập kế hoạch"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={{ year: dayjs().year() }}>
        <Form.Item name="councilId" label="Hội đồng" rules={[{ required: true, message: 'Chọn Hội đồng' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={councils.isFetching}
            options={(councils.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item
            name="title"
            label="Tên kế hoạch"
            style={{ flex: 1 }}
            rules={[{ required: true, min: 3, message: 'Nhập tên kế hoạch kiểm tra' }]}
          >
            <Input placeholder="Kiểm tra công tác thi đua, khen thưởng năm 2024" maxLength={300} />
          </Form.Item>
        </Flex>
        <PlanPurposeAndPeriod />
      </Form>
    </Modal>
  );
}

/** "Kiểm tra": the inspection plans the user runs, reads, or whose target they are, newest year first. */
export function PlanListPage() {
  const [params, setParams] = useSearchParams();
  const { data: session } = useSession();
  const position: Position = {
    after: params.get('after') ?? undefined,
    before: params.get('before') ?? undefined,
    limit: Number(params.get('limit')) || 20,
  };
  const [creating, setCreating] = useState(false);
  const page = useInspections(position);
  const canCreate = hasRole(session?.user ?? null, 'tdkt_officer');
  return (
    <>
      <PageHeader
        title="Kiểm tra công tác thi đua, khen thưởng"
        description="Kế hoạch kiểm tra hằng năm của Hội đồng, đoàn kiểm tra, kết luận và theo dõi khắc phục."
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              Lập kế hoạch kiểm tra
            </Button>
          )
        }
      />
      <Card>
        <Table<InspectionListItem>
          rowKey="id"
          loading={page.isFetching}
          dataSource={page.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: 'Năm', dataIndex: 'year', width: 80 },
            {
              title: 'Kế hoạch kiểm tra',
              dataIndex: 'title',
              render: (title: string, row) => <Link to={`/kiem-tra/${row.id}`}>{title}</Link>,
            },
            { title: 'Hội đồng', dataIndex: 'councilName' },
            {
              title: 'Thời gian',
              width: 200,
              render: (_, row) => `${formatDate(row.startsOn)} – ${formatDate(row.endsOn)}`,
            },
            { title: 'Số đơn vị', dataIndex: 'targetCount', align: 'right', width: 100 },
            {
              title: 'Quá hạn khắc phục',
              dataIndex: 'overdueCount',
              align: 'right',
              width: 140,
              render: (value: number) => (value ? <Tag color="red">{value}</Tag> : '0'),
            },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              width: 140,
              render: (status: InspectionListItem['status']) => (
                <Tag color={statusColors[status]}>{inspectionStatusLabels[status]}</Tag>
              ),
            },
          ]}
        />
        <CursorPager
          page={page.data}
          position={position}
          onChange={(next) =>
            setParams(
              Object.fromEntries(
                Object.entries({ ...position, after: undefined, before: undefined, ...next })
                  .filter(([, value]) => value !== undefined)
                  .map(([k, v]) => [k, String(v)]),
              ),
            )
          }
          noun="kế hoạch"
          isLoading={page.isFetching}
        />
      </Card>
      <CreatePlanModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
