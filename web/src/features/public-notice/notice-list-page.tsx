import { Card, Flex, Select, Table } from 'antd';
import { Link, useSearchParams } from 'react-router';
import {
  type PublicNotice,
  PublicNoticeStatus,
  publicNoticeStatusLabels,
} from '../../../../contracts/public-notice.ts';
import { CursorPager, PageHeader } from '../../components/index.ts';
import { formatDate } from '../../lib/format.ts';
import { NoticeStatusTag } from './labels.tsx';
import { type NoticeSearch, useNotices } from './public-notice.api.ts';

function readSearch(params: URLSearchParams): NoticeSearch {
  const status = PublicNoticeStatus.safeParse(params.get('status'));
  return {
    status: status.success ? status.data : undefined,
    after: params.get('after') ?? undefined,
    before: params.get('before') ?? undefined,
    limit: Number(params.get('limit')) || 20,
  };
}

/** "Khen thưởng › Công khai lấy ý kiến": the notices of the user's levels, latest end first. */
export function NoticeListPage() {
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const page = useNotices(search);
  const update = (change: Partial<NoticeSearch>) => {
    const next = { ...search, after: undefined, before: undefined, ...change };
    setParams(
      Object.fromEntries(
        Object.entries(next)
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => [key, String(value)]),
      ),
    );
  };
  return (
    <>
      <PageHeader
        title="Công khai lấy ý kiến"
        description={
          <>
            Các trường hợp đề nghị khen thưởng đã đưa ra lấy ý kiến nhân dân.{' '}
            <a href="/cong-khai/lay-y-kien" target="_blank" rel="noreferrer">
              Xem trang công khai
            </a>
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            style={{ width: 260 }}
            allowClear
            placeholder="Mọi trạng thái"
            aria-label="Trạng thái"
            value={search.status}
            onChange={(status) => update({ status })}
            options={Object.entries(publicNoticeStatusLabels).map(([value, label]) => ({ value, label }))}
          />
        </Flex>
        <Table<PublicNotice>
          rowKey="id"
          loading={page.isFetching}
          dataSource={page.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            {
              title: 'Đối tượng',
              render: (_, row) => <Link to={`/khen-thuong/cong-khai/${row.id}`}>{row.subjectName}</Link>,
            },
            { title: 'Hình thức đề nghị', dataIndex: 'awardName' },
            {
              title: 'Thời gian công khai',
              render: (_, row) => `${formatDate(row.startDate)} – ${formatDate(row.endDate)}`,
            },
            { title: 'Trạng thái', render: (_, row) => <NoticeStatusTag status={row.status} /> },
            {
              title: 'Ý kiến (chưa trả lời)',
              align: 'right',
              render: (_, row) => `${row.commentCount} (${row.unansweredCount})`,
            },
          ]}
        />
        <CursorPager
          page={page.data}
          position={search}
          onChange={(position) => update(position)}
          noun="thông báo"
          isLoading={page.isFetching}
        />
      </Card>
    </>
  );
}
