import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type DecisionSummary, DecisionView, decisionStatusLabels } from '../../../../contracts/decisions.ts';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { PageHeader } from '../../components/index.ts';
import { api } from '../../lib/api-client.ts';
import { formatDate } from '../../lib/format.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { showError } from '../../lib/notify.ts';
import { UnitSelect } from '../organisation/shared/unit-select.tsx';
import { DecisionFields, decisionBody } from './decision-fields.tsx';
import { type DecisionSearch, useDecisions } from './decisions.api.ts';
import { FromNomineesModal } from './from-nominees-modal.tsx';

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
      const created = await api.create('/api/decisions', decisionBody(values), {
        schema: DecisionView,
        idempotencyKey: key,
      });
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
        <DecisionFields />
      </Form>
    </Modal>
  );
}

/** "Khen thưởng › Quyết định khen thưởng": the decisions of the user's units, newest first. */
export function DecisionListPage() {
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const [creating, setCreating] = useState(false);
  const [fromNominees, setFromNominees] = useState(false);
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
          <Flex gap={8} wrap>
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              Tạo dự thảo quyết định
            </Button>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setFromNominees(true)}>
              Lập quyết định từ tờ trình
            </Button>
          </Flex>
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
      <FromNomineesModal open={fromNominees} onClose={() => setFromNominees(false)} />
    </>
  );
}
