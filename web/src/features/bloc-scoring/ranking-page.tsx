import { DownloadOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Grid, Row as GridRow, InputNumber, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type RankingView,
  type SheetStatus,
  sheetStatusLabels,
  type TieBreakStep,
} from '../../../../contracts/bloc-scoring.ts';
import { LoadFailedResult, PageHeader } from '../../components/index.ts';
import { downloadFile } from '../../lib/download.ts';
import { formatDate } from '../../lib/format.ts';
import { describeError, showError } from '../../lib/notify.ts';
import { useRanking, useScoringTable } from './bloc-scoring.api.ts';
import { formatPoints, tieBreakLabel } from './labels.ts';
import { MeetingCard } from './meeting-card.tsx';
import { PublishCard } from './publish-card.tsx';
import { RankingChart } from './ranking-chart.tsx';
import { sheetStatusColors } from './sheets-panel.tsx';

type Row = RankingView['rows'][number];

/** A bloc's ranking: totals and ranks, how ties were broken, the bar chart beside them, publication with the meeting's votes. */
export function RankingPage() {
  const { id = '', blocId = '' } = useParams();
  const ranking = useRanking(id, blocId);
  const table = useScoringTable(id);
  const [votes, setVotes] = useState<Record<string, number | null>>({});
  const narrow = !Grid.useBreakpoint().md;
  if (ranking.isError)
    return <LoadFailedResult message={describeError(ranking.error)} onRetry={() => ranking.refetch()} />;
  const data = ranking.data;
  if (!data || !table.data) return <Card loading />;
  const canPublish = !data.published && table.data.actions.includes('publish');
  const leading = data.rows.filter((row) => row.isLeading);
  const decided = (step: TieBreakStep | null) =>
    step ? `Bằng điểm; xếp sau theo: ${tieBreakLabel(step)}` : '';
  return (
    <>
      <PageHeader
        title={`Xếp hạng ${data.blocName}`}
        description={
          <>
            <Link to={`/khoi-cum/bang/${id}`}>{table.data.name}</Link>
            {' · '}
            {data.published ? (
              <Tag color="green">Đã công bố ngày {formatDate(data.publishedAt)}</Tag>
            ) : (
              <Tag color="blue">Tạm xếp theo điểm hiện có</Tag>
            )}
          </>
        }
        extra={
          <Button
            size="large"
            icon={<DownloadOutlined aria-hidden />}
            onClick={() =>
              downloadFile(`/api/scoring-tables/${id}/xlsx`, {}, `bang-diem-${table.data?.year}.xlsx`).catch(
                showError,
              )
            }
          >
            Tải bảng điểm (XLSX)
          </Button>
        }
      />
      {data.published && (
        <Alert
          type="success"
          showIcon
          icon={<TrophyOutlined aria-hidden />}
          style={{ marginBottom: 16 }}
          title={`Đơn vị dẫn đầu: ${leading.map((row) => row.unitName).join('; ') || 'không có'}`}
          description="Kết quả đã công bố và được khóa. Đơn vị dẫn đầu được xét đề nghị Cờ thi đua."
        />
      )}
      {!data.published && data.unresolved && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Có đơn vị bằng điểm ở vị trí dẫn đầu mà các bước xét chưa phân định được: nhập số phiếu biểu quyết của hội nghị khối, cụm trước khi công bố."
        />
      )}
      <GridRow gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={14}>
          <Card>
            <Table<Row>
              rowKey="unitId"
              pagination={false}
              dataSource={data.rows}
              scroll={narrow || data.published ? undefined : { x: 760 }}
              columns={[
                { title: 'Hạng', dataIndex: 'rank', width: narrow ? 56 : 70, align: 'center' },
                {
                  title: 'Đơn vị',
                  dataIndex: 'unitName',
                  render: (name: string, row) => (
                    <>
                      {name}{' '}
                      {row.isLeading && (
                        <Tag color="gold" icon={<TrophyOutlined aria-hidden />}>
                          Dẫn đầu
                        </Tag>
                      )}
                      {row.decidedBy && (
                        <div>
                          <Typography.Text type="secondary">{decided(row.decidedBy)}</Typography.Text>
                        </div>
                      )}
                    </>
                  ),
                },
                { title: 'Tổng điểm', dataIndex: 'total', width: 90, align: 'right', render: formatPoints },
                {
                  hidden: narrow && !canPublish && data.rows.every((row) => row.votes === null),
                  title: 'Số phiếu',
                  width: 130,
                  render: (_, row) =>
                    canPublish ? (
                      <InputNumber
                        aria-label={`Số phiếu của ${row.unitName}`}
                        min={0}
                        max={10000}
                        precision={0}
                        value={votes[row.unitId] ?? null}
                        onChange={(value) => setVotes((current) => ({ ...current, [row.unitId]: value }))}
                      />
                    ) : (
                      (row.votes ?? '—')
                    ),
                },
                {
                  // Once published every sheet is final: the column says nothing and the table fits beside the chart.
                  hidden: narrow || data.published,
                  title: 'Bảng điểm',
                  dataIndex: 'sheetStatus',
                  width: 230,
                  render: (status: SheetStatus) => (
                    <Tag color={sheetStatusColors[status]}>{sheetStatusLabels[status]}</Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <RankingChart
            ranking={data}
            year={table.data.year}
            fileName={`xep-hang-khoi-cum-${table.data.year}`}
          />
        </Col>
      </GridRow>
      {data.published && (
        <MeetingCard
          tableId={id}
          blocId={blocId}
          blocName={data.blocName}
          councilId={table.data.councilId}
          year={table.data.year}
          memberCount={data.rows.length}
        />
      )}
      {canPublish && <PublishCard ranking={data} votes={votes} />}
    </>
  );
}
