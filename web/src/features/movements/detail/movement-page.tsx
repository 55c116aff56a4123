import { FileSearchOutlined, RocketOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { LoadFailedResult, PageHeader, PortalPublication } from '../../../components/index.ts';
import { describeError, showSuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/index.ts';
import { MovementExemplars } from '../../exemplars/index.ts';
import { CascadeTab } from '../cascade/cascade-tab.tsx';
import { DiffDrawer } from '../cascade/diff-drawer.tsx';
import { DocumentsTab } from '../documents/documents-tab.tsx';
import { useMovement, usePublishMovement } from '../movements.api.ts';
import { PlanTab } from '../plan/plan-tab.tsx';
import { RegistrationsTab } from '../registrations/registrations-tab.tsx';
import { TimelineTab } from '../timeline/timeline-tab.tsx';
import { ImplementPanel } from './implement-panel.tsx';
import { LaunchModal } from './launch-modal.tsx';
import { MovementFacts } from './movement-facts.tsx';

const tabKeys = ['ke-hoach', 'trien-khai', 'dang-ky', 'tien-do', 'van-ban', 'dien-hinh'] as const;

/** A movement: header with the actions the server allows, then plan, cascade, registrations, timeline, documents. */
export function MovementPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const movement = useMovement(id);
  const publication = usePublishMovement(id);
  const [isLaunching, setLaunching] = useState(false);
  const [isDiffOpen, setDiffOpen] = useState(false);
  const requested = searchParams.get('tab');
  const tab = tabKeys.find((key) => key === requested) ?? 'ke-hoach';

  if (movement.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (movement.isError)
    return (
      <LoadFailedResult message={describeError(movement.error)} onRetry={() => void movement.refetch()} />
    );
  const data = movement.data;
  const manages = data.actions.includes('manage_registrations');
  const readsCascade =
    manages || (user?.grants ?? []).some((grant) => grant.unitId === data.launchingUnit.id || !grant.unitId);

  return (
    <>
      <PageHeader
        title={data.name}
        description={data.theme ?? undefined}
        extra={
          <Space wrap>
            {data.sourceText && data.actions.includes('edit') && (
              <Button
                size="large"
                icon={<FileSearchOutlined aria-hidden />}
                onClick={() => navigate(`/phong-trao/${id}/xem-lai`)}
              >
                Đối chiếu văn bản gốc
              </Button>
            )}
            {data.parentMovement && (
              <Button size="large" onClick={() => setDiffOpen(true)}>
                So sánh với kế hoạch cấp trên
              </Button>
            )}
            <PortalPublication
              publishedAt={data.publishedAt}
              canPublish={data.actions.includes('publish') && data.status === 'launched'}
              canWithdraw={data.actions.includes('publish')}
              publicPath={`/cong-khai/phong-trao/${id}`}
              what="phong trào và kế hoạch đã phát động"
              onMove={async (move) => {
                // A refusal is shown by the app's error handler (a conflict also reloads the movement).
                const done = await publication.mutateAsync({ move, version: data.version }).then(
                  () => true,
                  () => false,
                );
                if (done)
                  showSuccess(
                    move === 'publish'
                      ? 'Đã công bố phong trào trên cổng công khai.'
                      : 'Đã thôi công bố phong trào.',
                  );
              }}
            />
            {data.actions.includes('launch') && (
              <Button
                type="primary"
                size="large"
                icon={<RocketOutlined aria-hidden />}
                onClick={() => setLaunching(true)}
              >
                {data.parentMovement ? 'Ban hành, phát động' : 'Phát động'}
              </Button>
            )}
          </Space>
        }
      />
      <MovementFacts movement={data} />
      <ImplementPanel movement={data} />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          size="large"
          onChange={(key) => setSearchParams(key === 'ke-hoach' ? {} : { tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'ke-hoach', label: 'Kế hoạch', children: <PlanTab movement={data} /> },
            ...(readsCascade
              ? [{ key: 'trien-khai', label: 'Triển khai', children: <CascadeTab movement={data} /> }]
              : []),
            { key: 'dang-ky', label: 'Đăng ký thi đua', children: <RegistrationsTab movement={data} /> },
            { key: 'tien-do', label: 'Tiến độ', children: <TimelineTab movement={data} /> },
            { key: 'van-ban', label: 'Văn bản', children: <DocumentsTab movement={data} /> },
            { key: 'dien-hinh', label: 'Điển hình', children: <MovementExemplars movementId={data.id} /> },
          ]}
        />
      </Card>
      {isLaunching && <LaunchModal movement={data} onClose={() => setLaunching(false)} />}
      {isDiffOpen && (
        <DiffDrawer movementId={data.id} title={data.launchingUnit.name} onClose={() => setDiffOpen(false)} />
      )}
    </>
  );
}
