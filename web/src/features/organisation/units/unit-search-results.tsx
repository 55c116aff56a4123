import { List, Typography } from 'antd';
import { CursorPager, type CursorPosition, LoadFailedResult } from '../../../components/index.ts';
import { formatNumber } from '../../../lib/format.ts';
import { describeError } from '../../../lib/notify.ts';
import { UnitLabel } from './unit-label.tsx';
import { useUnitSearch } from './units.api.ts';

/** Units matching the search text, each with the unit it belongs to, paged by the server. */
export function UnitSearchResults({
  q,
  position,
  onPositionChange,
}: {
  q: string;
  position: CursorPosition & { exactTotal?: 'true' };
  onPositionChange: (position: CursorPosition & { exactTotal?: 'true' }) => void;
}) {
  const results = useUnitSearch(q, position);
  const single = results.data && !results.data.next && !results.data.prev;
  if (results.isError && !results.data)
    return <LoadFailedResult message={describeError(results.error)} onRetry={() => void results.refetch()} />;
  return (
    <>
      <List
        bordered
        loading={results.isFetching}
        dataSource={results.data?.items}
        locale={{ emptyText: `Không tìm thấy đơn vị nào khớp với "${q}".` }}
        header={
          results.data && (
            <Typography.Text strong>
              Tìm thấy {results.data.total.exact ? '' : 'hơn '}
              {formatNumber(results.data.total.value)} đơn vị
            </Typography.Text>
          )
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
      {!single && (
        <CursorPager
          page={results.data}
          position={position}
          onChange={(next) => onPositionChange({ ...next, exactTotal: position.exactTotal })}
          onExactTotal={() => onPositionChange({ ...position, exactTotal: 'true' })}
          noun="đơn vị"
          isLoading={results.isFetching}
        />
      )}
    </>
  );
}
