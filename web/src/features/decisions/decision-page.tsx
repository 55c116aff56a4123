import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { awardCatalogue, awardName } from '../../../../contracts/award-catalogue.ts';
import { AwardCode } from '../../../../contracts/awards.ts';
import { PayoutResult } from '../../../../contracts/decision-fund.ts';
import { DecisionView, decisionStatusLabels, type RecipientView } from '../../../../contracts/decisions.ts';
import type { Job } from '../../../../contracts/jobs.ts';
import { CursorPager, type CursorPosition } from '../../components/cursor-pager.tsx';
import { LoadFailedResult, PageHeader } from '../../components/index.ts';
import { api, newIdempotencyKey } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { formatDate } from '../../lib/format.ts';
import { runJobAndDownload } from '../../lib/jobs.ts';
import { describeError, showError, showSuccess } from '../../lib/notify.ts';
import { PersonSelect } from '../organisation/shared/person-select.tsx';
import { UnitSelect } from '../organisation/shared/unit-select.tsx';
import { statusColours } from './decision-list-page.tsx';
import { formatMoney, useDecision, useRecipients } from './decisions.api.ts';

const awardOptions = AwardCode.options
  .filter((code) => awardCatalogue[code].subjects.some((subject) => subject !== 'household'))
  .map((code) => ({ value: code, label: awardName(code) }));

/** Adds one person or unit with an award to a draft. */
function AddRecipientModal({
  decision,
  open,
  onClose,
}: {
  decision: DecisionView;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'person' | 'unit'>('person');
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await api.post(
        `/api/decisions/${decision.id}/recipients`,
        {
          version: decision.version,
          recipients: [
            {
              ...(kind === 'person' ? { personId: values.subjectId } : { unitId: values.subjectId }),
              awardCode: values.awardCode,
              year: values.year,
              achievement: values.achievement || null,
            },
          ],
        },
        { schema: DecisionView },
      );
      await queryClient.invalidateQueries({ queryKey: ['decisions'] });
      form.resetFields(['subjectId', 'achievement']);
      showSuccess('Đã thêm vào danh sách.');
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Modal
      open={open}
      title="Thêm người, tập thể được khen thưởng"
      okText="Thêm"
      cancelText="Đóng"
      onOk={submit}
      onCancel={onClose}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: Number(decision.decisionDate.slice(0, 4)), awardCode: 'GIAY_KHEN' }}
      >
        <Form.Item label="Đối tượng">
          <Select
            value={kind}
            onChange={(value) => {
              setKind(value);
              form.resetFields(['subjectId']);
            }}
            options={[
              { value: 'person', label: 'Cá nhân' },
              { value: 'unit', label: 'Tập thể' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="subjectId"
          label={kind === 'person' ? 'Cán bộ' : 'Tập thể'}
          rules={[{ required: true, message: 'Chọn người hoặc tập thể' }]}
        >
          {kind === 'person' ? <PersonSelect /> : <UnitSelect />}
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="awardCode"
            label="Danh hiệu, hình thức"
            style={{ flex: 2 }}
            rules={[{ required: true }]}
          >
            <Select showSearch optionFilterProp="label" options={awardOptions} />
          </Form.Item>
          <Form.Item name="year" label="Năm thành tích" style={{ flex: 1 }} rules={[{ required: true }]}>
            <InputNumber min={1945} max={2999} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="achievement" label="Thành tích (in trên bằng khen, giấy khen)">
          <Input.TextArea
            autoSize
            maxLength={1000}
            placeholder="Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A background job (PDF, certificates) with its progress on the button. */
function JobButton({
  decision,
  kind,
  label,
}: {
  decision: DecisionView;
  kind: 'pdf' | 'certificates';
  label: string;
}) {
  const [job, setJob] = useState<Job | null>(null);
  const [running, setRunning] = useState(false);
  const start = async () => {
    setRunning(true);
    try {
      await runJobAndDownload(
        `/api/decisions/${decision.id}/document-jobs`,
        { kind },
        { idempotencyKey: newIdempotencyKey(), fallbackName: `${kind}.pdf`, onProgress: setJob },
      );
      showSuccess('Đã tải tệp PDF về máy.');
    } catch (error) {
      showError(error);
    } finally {
      setRunning(false);
      setJob(null);
    }
  };
  return (
    <Button onClick={start} loading={running}>
      {running && job ? `${job.message ?? 'Đang xử lý…'} ${job.progress} %` : label}
    </Button>
  );
}

/** One decision: its fields, the list of recipients, issue, revoke, documents and payout. */
export function DecisionPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const decision = useDecision(id);
  const [position, setPosition] = useState<CursorPosition>({ limit: 50 });
  const recipients = useRecipients(id, position);
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['decisions'] });
  if (decision.isError)
    return <LoadFailedResult message={describeError(decision.error)} onRetry={() => decision.refetch()} />;
  const view = decision.data;
  if (!view) return <Card loading />;
  const act = async (path: string, body: object, done: string) => {
    try {
      await api.post(`/api/decisions/${id}/${path}`, body, { schema: DecisionView });
      await refresh();
      showSuccess(done);
    } catch (error) {
      showError(error);
      await refresh();
    }
  };
  const remove = async (recipient: RecipientView) => {
    try {
      await api.delete(`/api/decisions/${id}/recipients/${recipient.id}`, {
        query: { version: view.version },
        schema: DecisionView,
      });
      await refresh();
    } catch (error) {
      showError(error);
    }
  };
  const pay = async () => {
    try {
      const result = await api.post(
        `/api/decisions/${id}/payouts`,
        { entryDate: dayjs().format('YYYY-MM-DD') },
        { schema: PayoutResult },
      );
      showSuccess(`Đã chi tiền thưởng cho ${result.paid} người, tập thể: ${formatMoney(result.amount)}.`);
      await refresh();
    } catch (error) {
      showError(error);
    }
  };
  const incompetent = view.authorityChecks.filter((check) => check.competent === false);
  return (
    <>
      <PageHeader
        title={view.number ? `Quyết định số ${view.number}` : 'Dự thảo quyết định khen thưởng'}
        description={view.title}
        extra={
          <Space wrap>
            <Button
              onClick={() =>
                downloadFile(`/api/decisions/${id}/document`, {}, 'quyet-dinh.docx').catch(showError)
              }
            >
              Tải quyết định (Word)
            </Button>
            <JobButton decision={view} kind="pdf" label="Tải quyết định (PDF)" />
            {view.status === 'issued' && (
              <JobButton decision={view} kind="certificates" label="In bằng khen, giấy khen (PDF)" />
            )}
            {view.actions.issue && (
              <Popconfirm
                title="Ban hành quyết định?"
                description="Quyết định sẽ được lấy số, ghi vào hồ sơ khen thưởng của từng người, tập thể và không sửa được nữa."
                okText="Ban hành"
                cancelText="Hủy"
                onConfirm={() => act('issue', { version: view.version }, 'Đã ban hành quyết định.')}
              >
                <Button type="primary">Ban hành</Button>
              </Popconfirm>
            )}
            {view.actions.pay && (
              <Popconfirm
                title="Chi tiền thưởng từ quỹ cho những người chưa được chi?"
                okText="Chi"
                cancelText="Hủy"
                onConfirm={pay}
              >
                <Button>Chi tiền thưởng</Button>
              </Popconfirm>
            )}
            {view.actions.revoke && (
              <Button danger onClick={() => setRevoking(true)}>
                Hủy bỏ quyết định
              </Button>
            )}
          </Space>
        }
      />
      {incompetent.map((check) => (
        <Alert
          key={check.awardCode}
          type="error"
          showIcon
          title={check.message}
          description={check.article}
          style={{ marginBottom: 12 }}
        />
      ))}
      {view.status === 'revoked' && (
        <Alert
          type="warning"
          showIcon
          title={`Quyết định đã bị hủy bỏ ngày ${formatDate(view.revokedAt)}`}
          description={`Lý do: ${view.revokeReason}`}
          style={{ marginBottom: 12 }}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Trạng thái">
            <Tag color={statusColours[view.status]}>{decisionStatusLabels[view.status]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="Đơn vị ban hành">{view.unitName}</Descriptions.Item>
          <Descriptions.Item label="Ngày ký">{formatDate(view.decisionDate)}</Descriptions.Item>
          <Descriptions.Item label="Người ký">{`${view.signerTitle.replace('\n', ' ')} ${view.signerName}`}</Descriptions.Item>
          <Descriptions.Item label="Thẩm quyền">{view.authority}</Descriptions.Item>
          <Descriptions.Item label="Tổng tiền thưởng">{formatMoney(view.cashTotal)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title="Danh sách người, tập thể được khen thưởng"
        extra={
          view.actions.edit && (
            <Button type="primary" onClick={() => setAdding(true)}>
              Thêm người, tập thể
            </Button>
          )
        }
      >
        <Table<RecipientView>
          rowKey="id"
          loading={recipients.isFetching}
          dataSource={recipients.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: 'STT', dataIndex: 'position', width: 70 },
            { title: 'Họ và tên / Tên tập thể', dataIndex: 'name' },
            { title: 'Đơn vị', dataIndex: 'context' },
            { title: 'Danh hiệu, hình thức', dataIndex: 'awardName' },
            { title: 'Năm', dataIndex: 'year', width: 80 },
            {
              title: 'Tiền thưởng',
              dataIndex: 'cashAmount',
              align: 'right',
              render: (amount: number | null) => formatMoney(amount),
            },
            {
              title: 'Đã chi',
              dataIndex: 'paid',
              width: 90,
              render: (paid: boolean) => (paid ? <Tag color="green">Đã chi</Tag> : null),
            },
            ...(view.actions.edit
              ? [
                  {
                    title: '',
                    key: 'remove',
                    width: 90,
                    render: (_: unknown, row: RecipientView) => (
                      <Popconfirm
                        title="Bỏ khỏi danh sách?"
                        okText="Bỏ"
                        cancelText="Hủy"
                        onConfirm={() => remove(row)}
                      >
                        <Button danger size="small">
                          Bỏ
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <CursorPager
          page={recipients.data}
          position={position}
          onChange={setPosition}
          noun="người, tập thể"
          isLoading={recipients.isFetching}
        />
      </Card>
      <AddRecipientModal decision={view} open={adding} onClose={() => setAdding(false)} />
      <Modal
        open={revoking}
        title="Hủy bỏ quyết định (Điều 93 Luật Thi đua, khen thưởng)"
        okText="Hủy bỏ quyết định"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 5 }}
        cancelText="Đóng"
        onCancel={() => setRevoking(false)}
        onOk={async () => {
          await act(
            'revoke',
            { version: view.version, reason },
            'Đã hủy bỏ quyết định; hồ sơ khen thưởng đã được gỡ.',
          );
          setRevoking(false);
        }}
      >
        <Form layout="vertical">
          <Form.Item label="Lý do hủy bỏ" required>
            <Input.TextArea
              autoSize={{ minRows: 3 }}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
