import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PayoutResult } from '../../../../contracts/decision-fund.ts';
import { DecisionView, decisionStatusLabels, type RecipientView } from '../../../../contracts/decisions.ts';
import { CursorPager, type CursorPosition } from '../../components/cursor-pager.tsx';
import { LoadFailedResult, PageHeader, PortalPublication } from '../../components/index.ts';
import { api } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { formatDate } from '../../lib/format.ts';
import { describeError, showError, showSuccess } from '../../lib/notify.ts';
import { AddRecipientModal } from './add-recipient-modal.tsx';
import { statusColours } from './decision-list-page.tsx';
import { formatMoney, useDecision, useRecipients } from './decisions.api.ts';
import { JobButton } from './job-button.tsx';
import { DeclineNomineeButton, NominationLink } from './nominee-decline.tsx';
import { RecipientImport } from './recipient-import.tsx';

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
            <PortalPublication
              publishedAt={view.publishedAt}
              canPublish={view.actions.publish}
              canWithdraw={view.actions.withdrawPublication}
              publicPath={`/cong-khai/quyet-dinh/${id}`}
              what="quyết định và danh sách được khen thưởng (họ tên, chức vụ, đơn vị, hình thức)"
              onMove={(move) =>
                act(
                  move,
                  { version: view.version },
                  move === 'publish'
                    ? 'Đã công bố quyết định trên cổng công khai.'
                    : 'Đã thôi công bố quyết định.',
                )
              }
            />
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
            <Space wrap>
              <RecipientImport decision={view} />
              <Button type="primary" onClick={() => setAdding(true)}>
                Thêm người, tập thể
              </Button>
            </Space>
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
              title: 'Tờ trình đề nghị',
              key: 'nomination',
              render: (_: unknown, row: RecipientView) => <NominationLink recipient={row} />,
            },
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
                    width: 220,
                    render: (_: unknown, row: RecipientView) => (
                      <Space>
                        <DeclineNomineeButton decision={view} recipient={row} />
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
                      </Space>
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
        {view.nomineeCount > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${view.nomineeCount} người, tập thể của danh sách đến từ tờ trình.`}
            description="Hủy bỏ quyết định gỡ hồ sơ khen thưởng đã ghi, nhưng các đối tượng đề nghị vẫn giữ trạng thái đã quyết định và toàn bộ lịch sử xét duyệt; đơn vị trình được thông báo."
          />
        )}
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
