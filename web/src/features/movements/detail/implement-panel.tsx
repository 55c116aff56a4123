import { CopyOutlined, FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space } from 'antd';
import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { type MovementDetail, MovementPage } from '../../../../../contracts/movements.ts';
import { api } from '../../../lib/api-client.ts';
import { formatDate } from '../../../lib/format.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/index.ts';
import { useImplementMovement } from '../movements.api.ts';
import { officerUnits } from '../shared/officer-units.ts';

/** The user's own implementing movements of a parent movement (found among the movements they see). */
function useOwnImplementations(parentId: string, unitIds: string[]) {
  return useQuery({
    queryKey: ['movements', 'implementations', parentId],
    queryFn: async ({ signal }) => {
      const page = await api.get('/api/movements', {
        query: { pageSize: 200 },
        schema: MovementPage,
        signal,
      });
      return page.items.filter(
        (item) => item.parentMovementId === parentId && unitIds.includes(item.launchingUnit.id),
      );
    },
    enabled: unitIds.length > 0,
  });
}

/**
 * For an officer of a lower unit: the obligation to issue an implementing plan, and two ways to
 * answer it (copy the parent plan, or import their own document); or a link to the plan already made.
 */
export function ImplementPanel({ movement }: { movement: MovementDetail }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const units = officerUnits(user).filter((unit) => unit.id !== movement.launchingUnit.id);
  const own = useOwnImplementations(
    movement.id,
    units.map((unit) => unit.id),
  );
  const implement = useImplementMovement(movement.id);
  const isCopying = useRef(false);
  const unit = units[0];
  if (!unit || !movement.actions.includes('implement')) return null;

  const existing = own.data?.[0];
  if (existing) {
    return (
      <Alert
        type={existing.status === 'draft' ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          existing.status === 'draft'
            ? `${unit.name} đang soạn kế hoạch thực hiện (chưa ban hành).`
            : `${unit.name} đã ban hành kế hoạch thực hiện${existing.planNumber ? ` số ${existing.planNumber}` : ''}.`
        }
        action={
          <Link to={`/phong-trao/${existing.id}`}>
            <Button size="large">Mở kế hoạch của đơn vị</Button>
          </Link>
        }
      />
    );
  }

  const copy = async () => {
    if (isCopying.current) return;
    isCopying.current = true;
    try {
      const created = await implement.mutateAsync(unit.id);
      showSuccess('Đã tạo dự thảo kế hoạch thực hiện từ kế hoạch cấp trên. Anh/chị sửa lại cho phù hợp.');
      navigate(`/phong-trao/${created.id}`);
    } catch {
      // The global handler shows the server's message.
    } finally {
      isCopying.current = false;
    }
  };

  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={`${unit.name} cần xây dựng kế hoạch thực hiện phong trào này${
        movement.planDeadline ? ` trước ngày ${formatDate(movement.planDeadline)}` : ''
      }.`}
      description={
        <Space wrap style={{ marginTop: 8 }}>
          <Button
            type="primary"
            size="large"
            icon={<CopyOutlined aria-hidden />}
            loading={implement.isPending}
            onClick={() => void copy()}
          >
            Xây dựng kế hoạch thực hiện
          </Button>
          <Button
            size="large"
            icon={<FileTextOutlined aria-hidden />}
            onClick={() => navigate(`/phong-trao/nhap-van-ban?cap-tren=${movement.id}`)}
          >
            Nhập văn bản của đơn vị
          </Button>
        </Space>
      }
    />
  );
}
