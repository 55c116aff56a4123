import { Card, Skeleton, Tabs } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { LoadFailedResult, PageHeader } from '../../../components/index.ts';
import { describeError } from '../../../lib/notify.ts';
import { UnitAwardSection } from '../../awards/index.ts';
import { UnitActions } from './unit-actions.tsx';
import { UnitBlocsTab } from './unit-blocs-tab.tsx';
import { UnitChildrenTab } from './unit-children-tab.tsx';
import { UnitCouncilTab } from './unit-council-tab.tsx';
import { UnitDetails } from './unit-details.tsx';
import { UnitHistoryTab } from './unit-history-tab.tsx';
import { UnitPeopleTab } from './unit-people-tab.tsx';
import { useUnit } from './units.api.ts';

const tabKeys = ['truc-thuoc', 'can-bo', 'hoi-dong', 'khoi-cum', 'lich-su'] as const;

/** A unit's page: its details, then tabs for sub-units, people, council, blocs and succession history. */
export function UnitPage() {
  const { id = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const unit = useUnit(id);
  const requested = searchParams.get('tab');
  const tab = tabKeys.find((key) => key === requested) ?? 'truc-thuoc';

  if (unit.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (unit.isError)
    return <LoadFailedResult message={describeError(unit.error)} onRetry={() => void unit.refetch()} />;
  const { data } = unit;
  const path = data.ancestors.map((ancestor) => ancestor.name).join(' › ');

  return (
    <>
      <PageHeader
        title={data.isActive ? data.name : `${data.name} (đã giải thể / sáp nhập)`}
        description={path ? `Thuộc: ${path}` : 'Đơn vị cấp cao nhất'}
        extra={<UnitActions unit={data} />}
      />
      <UnitDetails unit={data} />
      <Card style={{ marginTop: 16 }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearchParams(key === 'truc-thuoc' ? {} : { tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'truc-thuoc', label: 'Đơn vị trực thuộc', children: <UnitChildrenTab unitId={data.id} /> },
            {
              key: 'can-bo',
              label: 'Cán bộ',
              children: <UnitPeopleTab unitId={data.id} canImport={data.actions.includes('edit')} />,
            },
            { key: 'hoi-dong', label: 'Hội đồng TĐKT', children: <UnitCouncilTab unitId={data.id} /> },
            { key: 'khoi-cum', label: 'Khối/cụm thi đua', children: <UnitBlocsTab unitId={data.id} /> },
            {
              key: 'khen-thuong',
              label: 'Thi đua, khen thưởng',
              children: <UnitAwardSection unitId={data.id} />,
            },
            { key: 'lich-su', label: 'Lịch sử sáp nhập/chia tách', children: <UnitHistoryTab unit={data} /> },
          ]}
        />
      </Card>
    </>
  );
}
