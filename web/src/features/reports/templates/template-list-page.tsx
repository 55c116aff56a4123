import { BuildOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { MovementPage } from '../../../../../contracts/movements.ts';
import { ReportTemplate } from '../../../../../contracts/reports.ts';
import { CursorPager, readCursorPosition, writeCursorPosition } from '../../../components/cursor-pager.tsx';
import { LoadFailedResult, PageHeader } from '../../../components/index.ts';
import { api } from '../../../lib/api-client.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { describeError, showError, showSuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/index.ts';
import { useTemplatePage } from '../reports.api.ts';
import { TemplateEditorModal } from './template-editor-modal.tsx';
import { TemplateViewModal } from './template-view-modal.tsx';

/** Picks a movement the user sees (searched on the server) and builds a template from its plan. */
function FromMovementModal({
  units,
  onClose,
}: {
  units: { value: string; label: string }[];
  onClose: (created?: ReportTemplate) => void;
}) {
  const [form] = Form.useForm<{ ownerUnitId: string; movementId: string }>();
  const queryClient = useQueryClient();
  const { key } = useIdempotencyKey();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const search = async (q: string) => {
    try {
      const page = await api.get('/api/movements', { query: { q, limit: 20 }, schema: MovementPage });
      setOptions(page.items.map((item) => ({ value: item.id, label: item.name })));
    } catch (error) {
      showError(error);
    }
  };
  const submit = async () => {
    // A form with errors shows them under the fields; nothing is sent.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      const created = await api.create('/api/report-templates/from-movement', values, {
        schema: ReportTemplate,
        idempotencyKey: key,
      });
      await queryClient.invalidateQueries({ queryKey: ['reports', 'templates'] });
      showSuccess('Đã tạo mẫu từ kế hoạch của phong trào. Hãy xem lại các mục.');
      onClose(created);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="Tạo mẫu báo cáo từ kế hoạch phong trào"
      okText="Tạo mẫu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={() => onClose()}
      confirmLoading={saving}
    >
      <p>Các tiêu chí trong kế hoạch của phong trào trở thành các mục của mẫu; bạn sửa lại được sau.</p>
      <Form form={form} layout="vertical" initialValues={{ ownerUnitId: units[0]?.value }}>
        <Form.Item
          name="ownerUnitId"
          label="Đơn vị dùng mẫu"
          rules={[{ required: true, message: 'Chọn đơn vị' }]}
        >
          <Select options={units} />
        </Form.Item>
        <Form.Item
          name="movementId"
          label="Phong trào"
          rules={[{ required: true, message: 'Chọn phong trào' }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
            options={options}
            placeholder="Gõ tên phong trào để tìm"
            onFocus={() => {
              if (!options.length) void search('');
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * "Mẫu báo cáo": the templates of the units in the user's scope, created, built from a plan, edited;
 * and those of the units above, marked "Mẫu của cấp trên", opened read only.
 */
export function TemplateListPage() {
  const [params, setParams] = useSearchParams();
  const position = readCursorPosition(params);
  const page = useTemplatePage(position);
  const { user } = useSession();
  const units = (user?.grants ?? [])
    .filter((grant) => grant.role === 'tdkt_officer' && grant.unitId)
    .map((grant) => ({ value: grant.unitId as string, label: grant.unitName ?? '' }));
  const [editing, setEditing] = useState<ReportTemplate | 'new' | null>(null);
  const [building, setBuilding] = useState(false);
  const [viewing, setViewing] = useState<ReportTemplate | null>(null);
  if (page.isError)
    return <LoadFailedResult message={describeError(page.error)} onRetry={() => void page.refetch()} />;
  return (
    <>
      <PageHeader
        title="Mẫu báo cáo"
        description="Các mục nội dung và chỉ tiêu số liệu mà đơn vị cấp dưới điền khi báo cáo. Mẫu của cấp trên được dùng khi gửi yêu cầu nhưng không sửa được."
        extra={
          <Flex gap={8} wrap>
            <Button icon={<BuildOutlined aria-hidden />} onClick={() => setBuilding(true)}>
              Tạo từ kế hoạch phong trào
            </Button>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              Tạo mẫu
            </Button>
          </Flex>
        }
      />
      <Card>
        <Table<ReportTemplate>
          rowKey="id"
          loading={page.isFetching}
          dataSource={page.data?.items ?? []}
          pagination={false}
          scroll={{ x: 800 }}
          columns={[
            {
              title: 'Tên mẫu',
              render: (_, row) => (
                <Flex gap={8} align="center" wrap>
                  <Button
                    type="link"
                    style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => (row.actions.includes('edit') ? setEditing(row) : setViewing(row))}
                  >
                    {row.name}
                  </Button>
                  {row.fromAbove && <Tag color="purple">Mẫu của cấp trên</Tag>}
                </Flex>
              ),
            },
            { title: 'Đơn vị', width: 260, render: (_, row) => row.ownerUnit.name },
            { title: 'Số mục', width: 90, align: 'right', render: (_, row) => row.sections.length },
            { title: 'Số chỉ tiêu', width: 110, align: 'right', render: (_, row) => row.indicators.length },
            {
              title: 'Nguồn',
              width: 170,
              render: (_, row) =>
                row.movementId ? <Tag color="blue">Từ kế hoạch phong trào</Tag> : <Tag>Tự soạn</Tag>,
            },
          ]}
        />
        <CursorPager
          page={page.data}
          position={position}
          noun="mẫu"
          onChange={(next) => setParams(writeCursorPosition(new URLSearchParams(), next))}
        />
      </Card>
      {editing && (
        <TemplateEditorModal
          template={editing === 'new' ? null : editing}
          units={units}
          onClose={() => setEditing(null)}
        />
      )}
      {viewing && <TemplateViewModal template={viewing} onClose={() => setViewing(null)} />}
      {building && (
        <FromMovementModal
          units={units}
          onClose={(created) => {
            setBuilding(false);
            if (created) setEditing(created);
          }}
        />
      )}
    </>
  );
}
