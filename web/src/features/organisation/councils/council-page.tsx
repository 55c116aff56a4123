import { Card, Empty, Select, Skeleton } from 'antd';
import { useSearchParams } from 'react-router';
import { LoadFailedResult, PageHeader } from '../../../components/index.ts';
import { describeError } from '../../../lib/notify.ts';
import { CouncilView } from './council-view.tsx';
import { useCouncils } from './councils.api.ts';

/** "Hội đồng TĐKT": the councils in the user's scope, one at a time with its members and roles. */
export function CouncilPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const councils = useCouncils();
  const items = councils.data?.items ?? [];
  const chosenId = searchParams.get('id');
  const current = items.find((council) => council.id === chosenId) ?? items[0];

  return (
    <>
      <PageHeader
        title="Hội đồng Thi đua – Khen thưởng"
        description="Thành viên, vai trò và nhiệm kỳ của Hội đồng TĐKT các cấp trong phạm vi bạn được phân quyền."
      />
      {councils.isPending ? (
        <Skeleton active />
      ) : councils.isError ? (
        <LoadFailedResult message={describeError(councils.error)} onRetry={() => void councils.refetch()} />
      ) : !current ? (
        <Card>
          <Empty description="Chưa có Hội đồng TĐKT nào trong phạm vi của bạn." />
        </Card>
      ) : (
        <Card>
          {items.length > 1 && (
            <Select
              aria-label="Chọn Hội đồng"
              size="large"
              value={current.id}
              onChange={(id) => setSearchParams({ id })}
              options={items.map((council) => ({
                value: council.id,
                label: `${council.name} – ${council.unitName} (${council.memberCount} thành viên)`,
              }))}
              style={{ width: '100%', marginBottom: 16 }}
            />
          )}
          <CouncilView councilId={current.id} />
        </Card>
      )}
    </>
  );
}
