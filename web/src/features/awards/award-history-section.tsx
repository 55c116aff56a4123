import { ImportOutlined } from '@ant-design/icons';
import {
  Alert,
  Card,
  Descriptions,
  Flex,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import {
  positionClassLabels,
  type RatingView,
  type ReceivedView,
} from '../../../../contracts/award-records.ts';
import {
  disciplineLevelLabels,
  initiativeScopeLabels,
  ratingLabels,
  rewardTypeLabels,
} from '../../../../contracts/awards.ts';
import { formatDate } from '../../lib/format.ts';
import { describeError } from '../../lib/notify.ts';
import { hasRole, useSession } from '../auth/index.ts';
import { usePersonAwardRecords, useUnitAwardRecords } from './awards.api.ts';

/** One row per year: the rating and everything received for that year. */
interface YearRow {
  year: number;
  rating: RatingView | undefined;
  received: ReceivedView[];
}

function byYear(ratings: RatingView[], received: ReceivedView[]): YearRow[] {
  const years = new Set([...ratings.map((r) => r.year), ...received.map((r) => r.year)]);
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => ({
      year,
      rating: ratings.find((rating) => rating.year === year),
      received: received.filter((item) => item.year === year),
    }));
}

const yearColumns: TableColumnsType<YearRow> = [
  { title: 'Năm', dataIndex: 'year', width: 80 },
  {
    title: 'Xếp loại',
    key: 'rating',
    render: (_, row) =>
      row.rating ? (
        <span title={ratingLabels[row.rating.rating]}>
          {ratingLabels[row.rating.rating]}
          {row.rating.score !== null ? ` (${row.rating.score} điểm)` : ''}
        </span>
      ) : (
        '—'
      ),
  },
  {
    title: 'Danh hiệu, khen thưởng',
    key: 'received',
    render: (_, row) =>
      row.received.length
        ? row.received.map((item) => (
            <div key={item.id}>
              <Tag color="blue">{item.awardName}</Tag>
              {item.rewardType !== 'thuong_xuyen' && <Tag>{rewardTypeLabels[item.rewardType]}</Tag>}
              <Typography.Text type="secondary">
                {[
                  item.decisionNumber && `QĐ ${item.decisionNumber}`,
                  item.decisionDate && formatDate(item.decisionDate),
                  item.decider,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </Typography.Text>
            </div>
          ))
        : '—',
  },
];

function YearTable({ rows }: { rows: YearRow[] }) {
  return (
    <Table<YearRow>
      rowKey="year"
      bordered
      size="small"
      columns={yearColumns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: 'Chưa có xếp loại hoặc khen thưởng nào được ghi nhận.' }}
    />
  );
}

/** Section of the person page: ratings and awards year by year, discipline, initiatives. */
export function PersonAwardSection({ personId }: { personId: string }) {
  const records = usePersonAwardRecords(personId);
  const { data: session } = useSession();
  const user = session?.user ?? null;
  const canImport = hasRole(user, 'admin') || hasRole(user, 'tdkt_officer');
  const data = records.data;
  return (
    <Card style={{ marginTop: 16 }}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 18 }}>
          Thi đua, khen thưởng theo năm
        </Typography.Title>
        {canImport && (
          <Link to="/khen-thuong/nhap-ho-so">
            <ImportOutlined aria-hidden /> Nhập từ Excel
          </Link>
        )}
      </Flex>
      {records.isPending && <Skeleton active />}
      {records.isError && <Alert type="error" showIcon message={describeError(records.error)} />}
      {data && (
        <>
          <Descriptions
            size="small"
            style={{ marginBottom: 12 }}
            items={[
              {
                key: 'class',
                label: 'Phân loại thống kê',
                children: data.positionClass
                  ? positionClassLabels[data.positionClass.value]
                  : 'Chưa phân loại',
              },
            ]}
          />
          <YearTable rows={byYear(data.ratings, data.received)} />
          {data.disciplines.length > 0 && (
            <>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                Kỷ luật
              </Typography.Title>
              {data.disciplines.map((item) => (
                <div key={item.id}>
                  <Tag color={item.pending ? 'gold' : 'red'}>
                    {item.pending ? 'Đang xem xét kỷ luật' : disciplineLevelLabels[item.level]}
                  </Tag>
                  từ {formatDate(item.fromDate)}
                  {item.toDate ? ` đến ${formatDate(item.toDate)}` : ''}
                  {item.decisionNumber ? `, QĐ ${item.decisionNumber}` : ''}
                </div>
              ))}
            </>
          )}
          {data.initiatives.length > 0 && (
            <>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                Sáng kiến
              </Typography.Title>
              {data.initiatives.map((item) => (
                <div key={item.id}>
                  {item.year}: {item.name} — {initiativeScopeLabels[item.scope]}
                  {item.usedForAward ? ` (đã dùng cho ${item.usedForAward} năm ${item.usedForYear})` : ''}
                </div>
              ))}
            </>
          )}
        </>
      )}
    </Card>
  );
}

/** Tab of the unit page: the unit's ratings and awards year by year. */
export function UnitAwardSection({ unitId }: { unitId: string }) {
  const records = useUnitAwardRecords(unitId);
  if (records.isPending) return <Skeleton active />;
  if (records.isError) return <Alert type="error" showIcon message={describeError(records.error)} />;
  return <YearTable rows={byYear(records.data.ratings, records.data.received)} />;
}
