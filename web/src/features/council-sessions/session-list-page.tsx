import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  type SessionListItem,
  SessionView,
  sessionStatusLabels,
} from '../../../../contracts/council-sessions.ts';
import { councilRoleLabels } from '../../../../contracts/councils.ts';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { PageHeader } from '../../components/index.ts';
import { api } from '../../lib/api-client.ts';
import { formatDate, formatDateTime, toIsoDate } from '../../lib/format.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { showError } from '../../lib/notify.ts';
import { useCouncil, useCouncils } from '../organisation/councils/councils.api.ts';
import { type Position, sessionKeys, useSessions } from './council-sessions.api.ts';

/** The form opening a session of a council: date, place, closing time, chair and secretary. */
function CreateSessionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [saving, setSaving] = useState(false);
  const councilId = Form.useWatch('councilId', form) as string | undefined;
  const councils = useCouncils();
  const council = useCouncil(councilId);
  const memberOptions = (council.data?.members ?? []).map((member) => ({
    value: member.id,
    label: `${member.personName} — ${councilRoleLabels[member.role]}`,
  }));
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const created = await api.create(
        '/api/council-sessions',
        {
          ...values,
          meetingDate: toIsoDate(values.meetingDate),
          closesAt: (values.closesAt as dayjs.Dayjs).toISOString(),
        },
        { schema: SessionView, idempotencyKey: key },
      );
      renew();
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      navigate(`/khen-thuong/phien-hop/${created.id}`);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title="Lập phiên họp Hội đồng Thi đua – Khen thưởng"
      okText="Lập phiên họp"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ closesAt: dayjs().add(1, 'day').hour(17).minute(0) }}
      >
        <Form.Item name="councilId" label="Hội đồng" rules={[{ required: true, message: 'Chọn Hội đồng' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={councils.isFetching}
            options={(councils.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="Tên phiên họp"
          rules={[{ required: true, min: 3, message: 'Nhập tên phiên họp' }]}
        >
          <Input placeholder="Phiên họp xét khen thưởng tổng kết năm 2025" maxLength={300} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="meetingDate"
            label="Ngày họp"
            style={{ flex: 1 }}
            rules={[{ required: true, message: 'Chọn ngày họp' }]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="closesAt"
            label="Kết thúc bỏ phiếu lúc"
            style={{ flex: 1 }}
            rules={[{ required: true, message: 'Chọn thời điểm' }]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="place"
          label="Địa điểm"
          rules={[{ required: true, min: 2, message: 'Nhập địa điểm' }]}
        >
          <Input placeholder="Hội trường UBND tỉnh" maxLength={200} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="chairMemberId"
            label="Chủ tọa"
            style={{ flex: 1 }}
            rules={[{ required: true, message: 'Chọn chủ tọa' }]}
          >
            <Select options={memberOptions} disabled={!councilId} />
          </Form.Item>
          <Form.Item
            name="secretaryMemberId"
            label="Thư ký"
            style={{ flex: 1 }}
            rules={[{ required: true, message: 'Chọn thư ký' }]}
          >
            <Select options={memberOptions} disabled={!councilId} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/** "Khen thưởng › Phiên họp Hội đồng": the sessions the user runs or sits on, newest first. */
export function SessionListPage() {
  const [params, setParams] = useSearchParams();
  const position: Position = {
    after: params.get('after') ?? undefined,
    before: params.get('before') ?? undefined,
    limit: Number(params.get('limit')) || 20,
  };
  const [creating, setCreating] = useState(false);
  const page = useSessions(position);
  return (
    <>
      <PageHeader
        title="Phiên họp Hội đồng TĐKT"
        description="Phiên họp xét khen thưởng, bỏ phiếu kín và biên bản kiểm phiếu."
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            Lập phiên họp
          </Button>
        }
      />
      <Card>
        <Table<SessionListItem>
          rowKey="id"
          loading={page.isFetching}
          dataSource={page.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            {
              title: 'Phiên họp',
              dataIndex: 'title',
              render: (title: string, row) => <Link to={`/khen-thuong/phien-hop/${row.id}`}>{title}</Link>,
            },
            { title: 'Hội đồng', dataIndex: 'councilName' },
            {
              title: 'Ngày họp',
              dataIndex: 'meetingDate',
              width: 120,
              render: (value: string) => formatDate(value),
            },
            {
              title: 'Kết thúc bỏ phiếu',
              dataIndex: 'closesAt',
              width: 170,
              render: (value: string) => formatDateTime(value),
            },
            { title: 'Số đối tượng', dataIndex: 'agendaCount', align: 'right', width: 120 },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              width: 140,
              render: (status: SessionListItem['status']) => (
                <Tag color={status === 'open' ? 'blue' : 'default'}>{sessionStatusLabels[status]}</Tag>
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
          noun="phiên họp"
          isLoading={page.isFetching}
        />
      </Card>
      <CreateSessionModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
