import { DownloadOutlined, ForkOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Progress, Row, Statistic, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  type ReportBucket,
  ReportRequest,
  type ReportStatus,
  reportBucketLabels,
  reportRequestKindLabels,
  reportStatusLabels,
} from '../../../../contracts/reports.ts';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { LoadFailedResult, PageHeader } from '../../components/index.ts';
import { api } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { describeError, showError, showSuccess } from '../../lib/notify.ts';
import { hasRole, useSession } from '../auth/index.ts';
import { CreateRequestModal } from './create-request-modal.tsx';
import { type Position, reportKeys, useReport, useRequest, useRequestReports } from './reports.api.ts';

const BUCKET_COLORS: Record<string, string> = { on_time: 'green', late: 'orange', pending: 'default' };

/** One request: counts (submitted, on time, late, missing) with drill-down by unit, export and cascade. */
export function RequestPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const bucket = (params.get('tinh-hinh') as ReportBucket | null) ?? undefined;
  const position: Position = {
    after: params.get('after') ?? undefined,
    before: params.get('before') ?? undefined,
    limit: Number(params.get('limit')) || 20,
  };
  const request = useRequest(id);
  const reports = useRequestReports(id, bucket, position);
  const [cascading, setCascading] = useState(false);
  const total = request.data?.counts.total;
  const refetchReports = reports.refetch;
  // While a job sends the request, the list grows with the counts.
  useEffect(() => {
    if (total !== undefined) void refetchReports();
  }, [total, refetchReports]);
  const queryClient = useQueryClient();
  const [resending, setResending] = useState(false);
  // Queues the failed sending job again; the server queues one job however many times it is clicked.
  const resend = async () => {
    setResending(true);
    try {
      const updated = await api.post(`/api/report-requests/${id}/resend`, undefined, {
        schema: ReportRequest,
      });
      queryClient.setQueryData(reportKeys.request(id), updated);
      showSuccess('Đã gửi lại yêu cầu tới các đơn vị còn thiếu.');
    } catch (error) {
      showError(error);
    } finally {
      setResending(false);
    }
  };
  const myReport = useReport(request.data?.myReportId ?? '', Boolean(request.data?.myReportId));
  if (request.isError)
    return <LoadFailedResult message={describeError(request.error)} onRetry={() => void request.refetch()} />;
  const data = request.data;
  const counts = data?.counts;
  const cards: { key: ReportBucket | undefined; label: string; value: number | undefined }[] = [
    { key: undefined, label: 'Đơn vị được yêu cầu', value: counts?.total },
    { key: 'on_time', label: 'Gửi đúng hạn', value: counts?.onTime },
    { key: 'late', label: 'Gửi muộn', value: counts?.late },
    { key: 'pending', label: 'Chưa gửi', value: counts?.notSubmitted },
    { key: 'missing', label: 'Quá hạn chưa gửi', value: counts?.missing },
  ];
  const isOfficer = user ? hasRole(user, 'tdkt_officer') : false;
  return (
    <>
      <PageHeader
        title={data?.title ?? 'Yêu cầu báo cáo'}
        description={data ? `${data.unit.name} · ${reportRequestKindLabels[data.kind]}` : undefined}
        extra={
          <Flex gap={8} wrap>
            {data?.myReportId && (
              <Link to={`/bao-cao/${data.myReportId}`}>
                <Button type="primary">Báo cáo của đơn vị tôi</Button>
              </Link>
            )}
            {data?.myReportId && isOfficer && (
              <Button icon={<ForkOutlined aria-hidden />} onClick={() => setCascading(true)}>
                Yêu cầu cấp dưới báo cáo
              </Button>
            )}
            <Button
              icon={<DownloadOutlined aria-hidden />}
              onClick={() =>
                downloadFile(`/api/report-requests/${id}/export.xlsx`, {}, 'tinh-hinh-bao-cao.xlsx').catch(
                  showError,
                )
              }
            >
              Xuất Excel
            </Button>
          </Flex>
        }
      />
      {data?.sending && (
        <Alert
          style={{ marginBottom: 16 }}
          type={data.sending.status === 'failed' ? 'error' : 'info'}
          showIcon
          title={
            data.sending.status === 'failed'
              ? 'Chưa gửi được yêu cầu tới tất cả các đơn vị'
              : (data.sending.message ?? 'Đang gửi yêu cầu…')
          }
          action={
            data.actions.includes('resend') && (
              <Button icon={<ReloadOutlined aria-hidden />} loading={resending} onClick={() => void resend()}>
                Gửi lại
              </Button>
            )
          }
          description={
            data.sending.status === 'failed' ? (
              data.sending.message
            ) : (
              <Progress percent={data.sending.progress} aria-label="Tiến độ gửi yêu cầu" />
            )
          }
        />
      )}
      {data && (
        <Card style={{ marginBottom: 16 }}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              {
                key: 'period',
                label: 'Kỳ báo cáo',
                children: `${formatDate(data.periodFrom)} – ${formatDate(data.periodTo)}`,
              },
              { key: 'due', label: 'Hạn gửi', children: formatDate(data.dueOn) },
              {
                key: 'sections',
                label: 'Nội dung',
                children: `${data.sections.length} mục, ${data.indicators.length} chỉ tiêu`,
              },
            ]}
          />
        </Card>
      )}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} aria-label="Tình hình báo cáo">
        {cards.map((card) => (
          <Col key={card.label} xs={12} md={8} lg={4}>
            <Card
              hoverable
              onClick={() => setParams(card.key ? { 'tinh-hinh': card.key } : {})}
              style={{ borderColor: bucket === card.key ? '#1677ff' : undefined }}
            >
              <Statistic title={card.label} value={card.value ?? '—'} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={bucket ? `Đơn vị: ${reportBucketLabels[bucket]}` : 'Tất cả đơn vị'}>
        <Table
          rowKey="id"
          loading={reports.isFetching}
          dataSource={reports.data?.items ?? []}
          pagination={false}
          columns={[
            {
              title: 'Đơn vị',
              render: (_, row) => <Link to={`/bao-cao/${row.id}`}>{row.unit.name}</Link>,
            },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              width: 180,
              render: (status: ReportStatus) => reportStatusLabels[status],
            },
            {
              title: 'Tình hình',
              dataIndex: 'bucket',
              width: 170,
              render: (value: 'pending' | 'on_time' | 'late') => {
                const shown = value === 'pending' && (counts?.missing ?? 0) > 0 ? 'missing' : value;
                return <Tag color={BUCKET_COLORS[value]}>{reportBucketLabels[shown]}</Tag>;
              },
            },
            {
              title: 'Gửi lúc',
              dataIndex: 'submittedAt',
              width: 170,
              render: (value: string | null) => formatDateTime(value),
            },
          ]}
        />
        <CursorPager
          page={reports.data}
          position={position}
          noun="đơn vị"
          onChange={(next) =>
            setParams(
              Object.fromEntries(
                Object.entries({ ...next, 'tinh-hinh': bucket })
                  .filter((entry) => entry[1] !== undefined)
                  .map(([key, value]) => [key, String(value)]),
              ),
            )
          }
        />
      </Card>
      {cascading && myReport.data && data && (
        <CreateRequestModal
          open
          onClose={() => setCascading(false)}
          parent={{
            id: data.id,
            unitId: myReport.data.unit.id,
            title: data.title,
            dueOn: data.dueOn,
          }}
        />
      )}
    </>
  );
}
