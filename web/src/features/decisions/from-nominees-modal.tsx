import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type NomineeCandidate, NomineeCandidatePage } from '../../../../contracts/decision-nominees.ts';
import { DecisionView } from '../../../../contracts/decisions.ts';
import { nominationStatusLabels } from '../../../../contracts/nominees.ts';
import { CursorPager, type CursorPosition } from '../../components/cursor-pager.tsx';
import { api } from '../../lib/api-client.ts';
import { toIsoDate } from '../../lib/format.ts';
import { useIdempotencyKey } from '../../lib/idempotency.ts';
import { showError } from '../../lib/notify.ts';
import { DecisionFields, decisionBody } from './decision-fields.tsx';

/** One page of the nominees a deciding unit may put on a decision. */
function useCandidates(search: {
  unitId?: string | undefined;
  decisionDate?: string | undefined;
  q: string;
  position: CursorPosition;
}) {
  return useQuery({
    queryKey: ['decisions', 'nominee-candidates', search],
    queryFn: ({ signal }) =>
      api.get('/api/decisions/nominee-candidates', {
        query: {
          unitId: search.unitId,
          decisionDate: search.decisionDate,
          q: search.q || undefined,
          ...search.position,
        },
        schema: NomineeCandidatePage,
        signal,
      }),
    enabled: Boolean(search.unitId),
    placeholderData: keepPreviousData,
  });
}

/**
 * "Lập quyết định từ tờ trình": the decision's fields, then the nominees of the tờ trình the unit
 * received that it may decide (searchable, page by page, ticked across pages); creates the draft.
 */
export function FromNomineesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [saving, setSaving] = useState(false);
  const [q, setQ] = useState('');
  const [position, setPosition] = useState<CursorPosition>({ limit: 20 });
  const [chosen, setChosen] = useState<string[]>([]);
  const unitId = Form.useWatch('unitId', form) as string | undefined;
  const date = Form.useWatch('decisionDate', form) as Dayjs | undefined;
  const candidates = useCandidates({ unitId, decisionDate: toIsoDate(date), q, position });
  const submit = async () => {
    const values = await form.validateFields();
    if (!chosen.length) {
      showError(new Error('Chọn ít nhất một đối tượng đề nghị.'));
      return;
    }
    setSaving(true);
    try {
      const created = await api.create(
        '/api/decisions/from-nominees',
        { ...decisionBody(values), nomineeIds: chosen },
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
      title="Lập quyết định từ tờ trình"
      okText={`Lập dự thảo (${chosen.length} đối tượng)`}
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      width={1000}
    >
      <Form form={form} layout="vertical" initialValues={{ signerTitle: 'CHỦ TỊCH' }}>
        <DecisionFields />
      </Form>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="Chọn đối tượng đề nghị"
        description="Danh sách gồm các đối tượng của tờ trình đã gửi đến đơn vị ban hành, đã tiếp nhận và chưa có quyết định, với hình thức đơn vị có thẩm quyền tặng vào ngày ký."
      />
      <Input.Search
        aria-label="Tìm theo tên đối tượng"
        placeholder="Tìm theo tên (gõ không dấu cũng được)"
        allowClear
        style={{ maxWidth: 360, marginBottom: 12 }}
        onSearch={(value) => {
          setQ(value.trim());
          setPosition({ limit: position.limit });
        }}
      />
      <Table<NomineeCandidate>
        rowKey="id"
        size="middle"
        loading={candidates.isFetching}
        dataSource={candidates.data?.items ?? []}
        pagination={false}
        locale={{
          emptyText: unitId ? 'Không có đối tượng nào chờ quyết định.' : 'Chọn đơn vị ban hành trước.',
        }}
        rowSelection={{
          selectedRowKeys: chosen,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setChosen(keys as string[]),
        }}
        columns={[
          { title: 'Họ và tên / Tên tập thể', dataIndex: 'name' },
          { title: 'Đơn vị', dataIndex: 'context' },
          { title: 'Hình thức đề nghị', dataIndex: 'awardName' },
          {
            title: 'Tờ trình',
            render: (_, row) => (
              <Link to={`/khen-thuong/to-trinh/${row.nominationId}`} target="_blank">
                {row.nominationTitle}
              </Link>
            ),
          },
          { title: 'Đơn vị trình', dataIndex: 'proposingUnitName' },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            render: (status: NomineeCandidate['status']) => <Tag>{nominationStatusLabels[status]}</Tag>,
          },
        ]}
      />
      <CursorPager
        page={candidates.data}
        position={position}
        onChange={setPosition}
        noun="đối tượng"
        isLoading={candidates.isFetching}
      />
    </Modal>
  );
}
