import { Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import {
  type ReportStatus,
  reportBucketLabels,
  reportStatusLabels,
  type SupervisedReport,
} from '../../../../contracts/reports.ts';
import { CursorPager, readCursorPosition, writeCursorPosition } from '../../components/cursor-pager.tsx';
import { LoadFailedResult } from '../../components/index.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { describeError } from '../../lib/notify.ts';
import { useSupervisedReports } from './reports.api.ts';

const BUCKET_COLORS: Record<string, string> = {
  on_time: 'green',
  late: 'orange',
  pending: 'default',
  missing: 'red',
};

/**
 * "Báo cáo của các đơn vị khối được giám sát": for a council member, the reports of the units of the
 * blocs they supervise, latest deadline first, each opened read only.
 */
export function SupervisedReportsTable() {
  const [params, setParams] = useSearchParams();
  const position = readCursorPosition(params);
  const page = useSupervisedReports(position, true);
  // Today in Việt Nam (UTC+7), as the server decides a report is overdue.
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  if (page.isError)
    return <LoadFailedResult message={describeError(page.error)} onRetry={() => void page.refetch()} />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        Báo cáo của các đơn vị thuộc khối thi đua mà bạn được phân công giám sát (chỉ xem).
      </Typography.Paragraph>
      <Table<SupervisedReport>
        rowKey="id"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: 'Chưa có báo cáo nào của các đơn vị khối bạn giám sát.' }}
        columns={[
          {
            title: 'Đơn vị',
            width: 230,
            render: (_, row) => <Link to={`/bao-cao/${row.id}`}>{row.unit.name}</Link>,
          },
          {
            title: 'Yêu cầu báo cáo',
            render: (_, row) => (
              <>
                {row.request.title}
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {row.request.unitName} · Kỳ {formatDate(row.periodFrom)} – {formatDate(row.periodTo)}
                </Typography.Text>
              </>
            ),
          },
          { title: 'Hạn gửi', width: 110, render: (_, row) => formatDate(row.dueOn) },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            width: 140,
            render: (status: ReportStatus) => reportStatusLabels[status],
          },
          {
            title: 'Tình hình',
            width: 150,
            render: (_, row) => {
              const shown = row.bucket === 'pending' && row.dueOn < today ? 'missing' : row.bucket;
              return <Tag color={BUCKET_COLORS[shown]}>{reportBucketLabels[shown]}</Tag>;
            },
          },
          {
            title: 'Gửi lúc',
            dataIndex: 'submittedAt',
            width: 140,
            render: (value: string | null) => formatDateTime(value),
          },
        ]}
      />
      <CursorPager
        page={page.data}
        position={position}
        noun="báo cáo"
        onChange={(next) => setParams(writeCursorPosition(new URLSearchParams({ tab: 'giam-sat' }), next))}
      />
    </>
  );
}
