import { List, Typography } from 'antd';
import { LoadFailedResult } from '../../../components/index.ts';
import { formatNumber } from '../../../lib/format.ts';
import { describeError } from '../../../lib/notify.ts';
import { UnitLabel } from './unit-label.tsx';
import { useUnitSearch } from './units.api.ts';

/** Units matching the search text, each with the unit it belongs to, paged by the server. */
export function UnitSearchResults({
  q,
  page,
  onPageChange,
}: {
  q: string;
  page: number;
  onPageChange: (page: number) => void;
}) {
  const results = useUnitSearch(q, page);
  if (results.isError && !results.data)
    return <LoadFailedResult message={describeError(results.error)} onRetry={() => void results.refetch()} />;
  return (
    <List
      bordered
      loading={results.isFetching}
      dataSource={results.data?.items}
      locale={{ emptyText: `Không tìm thấy đơn vị nào khớp với "${q}".` }}
      header={
        results.data && (
          <Typography.Text strong>Tìm thấy {formatNumber(results.data.total)} đơn vị</Typography.Text>
        )
      }
      pagination={
        (results.data?.total ?? 0) > 20
          ? { current: page, pageSize: 20, total: results.data?.total, onChange: onPageChange }
          : false
      }
      renderItem={(unit) => (
        <List.Item key={unit.id}>
          <List.Item.Meta
            title={<UnitLabel unit={unit} />}
            description={unit.parentName ? `Thuộc: ${unit.parentName}` : 'Đơn vị cấp cao nhất'}
          />
        </List.Item>
      )}
    />
  );
}
