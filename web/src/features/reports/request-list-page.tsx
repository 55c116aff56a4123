import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type ReportRequest, reportRequestKindLabels } from '../../../../contracts/reports.ts';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { PageHeader } from '../../components/index.ts';
import { formatDate } from '../../lib/format.ts';
import { hasRole, useSession } from '../auth/index.ts';
import { CreateRequestModal } from './create-request-modal.tsx';
import { type Position, useRequests } from './reports.api.ts';
import { SupervisedReportsTable } from './supervised-reports-table.tsx';

/** "Báo cáo": the requests the user's units must answer, and those made in the user's scope. */
export function RequestListPage() {
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const tab = params.get('tab');
  const role = tab === 'da-yeu-cau' ? 'made' : 'asked';
  const isCouncilMember = user ? hasRole(user, 'council_member') : false;
  const supervising = tab === 'giam-sat' && isCouncilMember;
  const position: Position = {
    after: params.get('after') ?? undefined,
    before: params.get('before') ?? undefined,
    limit: Number(params.get('limit')) || 20,
  };
  const [creating, setCreating] = useState(false);
  const page = useRequests(role, position, !supervising);
  const isOfficer = user ? hasRole(user, 'tdkt_officer') : false;
  return (
    <>
      <PageHeader
        title="Báo cáo"
        description="Yêu cầu báo cáo gửi các đơn vị cấp dưới, báo cáo đơn vị phải gửi và tình hình báo cáo."
        extra={
          isOfficer && (
            <Flex gap={8} wrap>
              <Link to="/bao-cao/mau-bao-cao">
                <Button icon={<FileTextOutlined aria-hidden />}>Mẫu báo cáo</Button>
              </Link>
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                Gửi yêu cầu báo cáo
              </Button>
            </Flex>
          )
        }
      />
      <Card>
        <Tabs
          activeKey={supervising ? 'giam-sat' : role === 'made' ? 'da-yeu-cau' : 'phai-bao-cao'}
          onChange={(next) => setParams({ tab: next })}
          items={[
            { key: 'phai-bao-cao', label: 'Đơn vị tôi phải báo cáo' },
            { key: 'da-yeu-cau', label: 'Yêu cầu trong phạm vi quản lý' },
            ...(isCouncilMember
              ? [{ key: 'giam-sat', label: 'Báo cáo của các đơn vị khối được giám sát' }]
              : []),
          ]}
        />
        {supervising ? (
          <SupervisedReportsTable />
        ) : (
          <>
            <Table<ReportRequest>
              rowKey="id"
              loading={page.isFetching}
              dataSource={page.data?.items ?? []}
              pagination={false}
              scroll={{ x: 900 }}
              columns={[
                {
                  title: 'Yêu cầu báo cáo',
                  dataIndex: 'title',
                  render: (title: string, row) => <Link to={`/bao-cao/yeu-cau/${row.id}`}>{title}</Link>,
                },
                { title: 'Đơn vị yêu cầu', render: (_, row) => row.unit.name },
                {
                  title: 'Loại',
                  dataIndex: 'kind',
                  render: (kind: ReportRequest['kind']) => reportRequestKindLabels[kind],
                },
                {
                  title: 'Hạn gửi',
                  dataIndex: 'dueOn',
                  width: 120,
                  render: (value: string) => formatDate(value),
                },
                {
                  title: 'Đã gửi',
                  width: 120,
                  align: 'right',
                  render: (_, row) =>
                    row.sending ? (
                      <Tag color={row.sending.status === 'failed' ? 'red' : 'blue'}>
                        {row.sending.status === 'failed'
                          ? 'Gửi chưa xong'
                          : `Đang gửi ${row.sending.progress} %`}
                      </Tag>
                    ) : (
                      `${row.counts.submitted}/${row.counts.total}`
                    ),
                },
                {
                  title: 'Báo cáo của đơn vị tôi',
                  width: 190,
                  render: (_, row) =>
                    row.myReportId ? (
                      <Link to={`/bao-cao/${row.myReportId}`}>Mở báo cáo</Link>
                    ) : (
                      <Tag>Không phải gửi</Tag>
                    ),
                },
              ]}
            />
            <CursorPager
              page={page.data}
              position={position}
              noun="yêu cầu"
              onChange={(next) =>
                setParams(
                  Object.fromEntries(
                    Object.entries({ ...next, tab: params.get('tab') ?? undefined })
                      .filter((entry): entry is [string, string] => entry[1] !== undefined)
                      .map(([key, value]) => [key, String(value)]),
                  ),
                )
              }
            />
          </>
        )}
      </Card>
      {creating && <CreateRequestModal open onClose={() => setCreating(false)} />}
    </>
  );
}
