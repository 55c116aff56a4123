import { Empty, Skeleton } from 'antd';
import { Link } from 'react-router';
import { CouncilView } from '../councils/council-view.tsx';
import { useCouncils } from '../councils/councils.api.ts';

/** The council (Hội đồng TĐKT) set up at this unit, if any. */
export function UnitCouncilTab({ unitId }: { unitId: string }) {
  const councils = useCouncils({ unitId });
  if (councils.isPending) return <Skeleton active />;
  const items = councils.data?.items ?? [];
  if (!items.length) return <Empty description="Đơn vị này chưa thành lập Hội đồng TĐKT." />;
  return (
    <>
      {items.map((council) => (
        <CouncilView key={council.id} councilId={council.id} />
      ))}
      <Link to="/to-chuc/hoi-dong">Xem tất cả Hội đồng TĐKT</Link>
    </>
  );
}
