import { Card, Flex, Select, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { type DashboardSection, dashboardSectionLabels } from '../../../../contracts/dashboards.ts';
import { PageHeader } from '../../components/index.ts';
import { useSession } from '../auth/index.ts';
import { UnitSelect } from '../organisation/shared/unit-select.tsx';
import { AwardsPanel } from './awards-panel.tsx';
import { useDashboard } from './dashboards.api.ts';
import { FairnessPanel } from './fairness-panel.tsx';
import { MovementsPanel } from './movements-panel.tsx';
import { ReportsPanel } from './reports-panel.tsx';

const READERS = ['admin', 'tdkt_officer', 'unit_head'];
const TABS: DashboardSection[] = ['fairness', 'awards', 'movements', 'reports'];
const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 8 }, (_, index) => thisYear - index);

/** "Biểu đồ, công bằng": a unit's subtree by year, four tabs of charts each with its table and exports. */
export function DashboardsPage() {
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const ownUnit =
    user?.grants.find((grant) => READERS.includes(grant.role) && grant.unitId)?.unitId ?? undefined;
  const unitId = params.get('donVi') ?? ownUnit;
  const year = Number(params.get('nam')) || thisYear;
  const tab = (TABS.find((key) => key === params.get('muc')) ?? 'fairness') as DashboardSection;
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const movements = useDashboard('movements', tab === 'movements' ? unitId : undefined, year);
  const reports = useDashboard('reports', tab === 'reports' ? unitId : undefined, year);
  const awards = useDashboard('awards', tab === 'awards' ? unitId : undefined, year);
  const fairness = useDashboard('fairness', tab === 'fairness' ? unitId : undefined, year);
  const current = { movements, reports, awards, fairness }[tab];
  const panels: Record<DashboardSection, React.ReactNode> = {
    fairness: <FairnessPanel view={fairness.data} year={year} />,
    awards: <AwardsPanel view={awards.data} year={year} />,
    movements: <MovementsPanel view={movements.data} year={year} />,
    reports: <ReportsPanel view={reports.data} year={year} />,
  };
  return (
    <>
      <PageHeader
        title="Biểu đồ, công bằng"
        description="Số liệu của đơn vị và các đơn vị cấp dưới theo năm: phong trào, báo cáo, chấm điểm khối, cụm, khen thưởng và tỷ lệ khen thưởng so với biên chế."
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Typography.Text strong>Đơn vị</Typography.Text>
          <div style={{ width: 360 }}>
            <UnitSelect
              id="dashboard-unit"
              value={unitId ?? null}
              onChange={(value) => set({ donVi: typeof value === 'string' ? value : undefined })}
            />
          </div>
          <Typography.Text strong>Năm</Typography.Text>
          <Select
            aria-label="Năm"
            value={year}
            style={{ width: 120 }}
            onChange={(value) => set({ nam: String(value) })}
            options={YEARS.map((value) => ({ value, label: `Năm ${value}` }))}
          />
        </Flex>
      </Card>
      {!unitId ? (
        <Card>Chọn đơn vị để xem biểu đồ.</Card>
      ) : current.error ? (
        <Card>
          <Typography.Text type="danger">{current.error.message}</Typography.Text>
        </Card>
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => set({ muc: key })}
          items={TABS.map((key) => ({
            key,
            label: dashboardSectionLabels[key],
            children: key === tab ? panels[key] : null,
          }))}
        />
      )}
    </>
  );
}
