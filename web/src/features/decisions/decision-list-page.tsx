import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type DecisionSummary, DecisionView, decisionStatusLabels } from '../../../../contracts/decisions.ts';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { PageHeader } from '../../components/index.ts';
import { api } from '../../lib/api-client.ts';
import { formatDate, toIsoDate } from '../../lib/format.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { showError } from '../../lib/notify.ts';
import { UnitSelect } from '../organisation/shared/unit-select.tsx';
import { type DecisionSearch, useDecisions } from './decisions.api.ts';

export const statusColours = { draft: 'default', issued: 'green', revoked: 'red' } as const;

function readSearch(params: URLSearchParams): DecisionSearch {
  const status = params.get('status');
  return {
    unitId: params.get('unitId') ?? undefined,
    status: status === 'draft' || status === 'issued' || status === 'revoked' ? status : undefined,
    after: params.get('after') ?? undefined,
    before: params.get('before') ?? undefined,
    limit: Number(params.get('limit')) || 20,
  };
}

/** The form creating a draft decision. */
function CreateDecisionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const created = await api.create(
        '/api/decisions',
        {
          ...values,
          decisionDate: toIsoDate(values.decisionDate),
          legalBasis: String(values.legalBasis ?? '')
            .split('\n')
            .map((line: string) => line.trim())
            .filter(Boolean),
        },
        { schema: DecisionView, idempotencyKey: key },
      );
      renew();
      await queryClient.invalidateQueries({ queryKey: ['decisions'] });
      navigate(`/khen-thuong/quyet-dinh/${created.id}`);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title="Tạo dự thảo quyết định khen thưởng"
      okText="Tạo dự thảo"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      width={720}
    >
      <Form form={form} layout="vertical" initialValues={{ signerTitle: 'CHỦ TỊCH', enacting: '' }}>
        <Form.Item
          name="unitId"
          label="Đơn vị ban hành"
          rules={[{ required: true, message: 'Chọn đơn vị ban hành' }]}
        >
          <UnitSelect />
        </Form.Item>
        <Form.Item name="decisionDate" label="Ngày ký" rules={[{ required: true, message: 'Chọn ngày ký' }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item
          name="title"
          label="Trích yếu"
          rules={[{ required: true, min: 5, message: 'Nhập trích yếu' }]}
        >
          <Input placeholder="Về việc tặng Bằng khen của Chủ tịch UBND tỉnh" maxLength={500} />
        </Form.Item>
        <Form.Item
          name="authority"
          label="Thẩm quyền ban hành"
          rules={[{ required: true, message: 'Nhập thẩm quyền' }]}
        >
          <Input placeholder="CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" maxLength={300} />
        </Form.Item>
        <Form.Item
          name="decider"
          label="Người quyết định (ghi vào hồ sơ khen thưởng)"
          rules={[{ required: true, message: 'Nhập người quyết định' }]}
        >
          <Input placeholder="Chủ tịch UBND tỉnh Lai Châu" maxLength={300} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="signerTitle"
            label="Chức vụ người ký"
            style={{ flex: 1 }}
            rules={[{ required: true, message: 'Nhập chức vụ' }]}
          >
            <Input.TextArea autoSize placeholder={'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH'} maxLength={200} />
          </Form.Item>
          <Form.Item
            name="signerName"
            label="Họ tên người ký"
            style={{ flex: 1 }}
            rules={[{ required: true, message: 'Nhập họ tên' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="place" label="Địa danh" style={{ flex: 1 }}>
            <Input placeholder="Lai Châu" maxLength={100} />
          </Form.Item>
        </Flex>
        <Form.Item name="legalBasis" label="Căn cứ (mỗi dòng một căn cứ)">
          <Input.TextArea
            autoSize={{ minRows: 3 }}
            placeholder="Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** "Khen thưởng › Quyết định khen thưởng": the decisions of the user's units, newest first. */
export function DecisionListPage() {
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const [creating, setCreating] = useState(false);
  const page = useDecisions(search);
  const update = (change: Partial<DecisionSearch>) => {
    const next = { ...search, after: undefined, before: undefined, ...change };
    setParams(
      Object.fromEntries(
        Object.entries(next)
          .filter(([, value]) => value !== undefined)
          .map(([k, v]) => [k, String(v)]),
      ),
    );
  };
  return (
    <>
      <PageHeader
        title="Quyết định khen thưởng"
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            Tạo dự thảo quyết định
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <div style={{ minWidth: 320 }}>
            <UnitSelect
              value={search.unitId ?? null}
              onChange={(value) => update({ unitId: typeof value === 'string' ? value : undefined })}
              placeholder="Mọi đơn vị ban hành"
            />
          </div>
          <Select
            style={{ width: 200 }}
            allowClear
            placeholder="Mọi trạng thái"
            value={search.status}
            onChange={(status) => update({ status })}
            options={Object.entries(decisionStatusLabels).map(([value, label]) => ({ value, label }))}
          />
        </Flex>
        <Table<DecisionSummary>
          rowKey="id"
          loading={page.isFetching}
          dataSource={page.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            {
              title: 'Số',
              dataIndex: 'number',
              render: (number: string | null, row) => (
                <Link to={`/khen-thuong/quyet-dinh/${row.id}`}>{number ?? '(chưa có số)'}</Link>
              ),
            },
            {
              title: 'Ngày ký',
              dataIndex: 'decisionDate',
              render: (value: string) => formatDate(value),
              width: 120,
            },
            { title: 'Trích yếu', dataIndex: 'title' },
            { title: 'Đơn vị ban hành', dataIndex: 'unitName' },
            { title: 'Số người, tập thể', dataIndex: 'recipientCount', align: 'right', width: 150 },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              width: 140,
              render: (status: DecisionSummary['status']) => (
                <Tag color={statusColours[status]}>{decisionStatusLabels[status]}</Tag>
              ),
            },
          ]}
        />
        <CursorPager
          page={page.data}
          position={search}
          onChange={(position) => update(position)}
          noun="quyết định"
          isLoading={page.isFetching}
        />
      </Card>
      <CreateDecisionModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
