import { CopyOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Space } from 'antd';
import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import type { MovementDetail, MyObligation } from '../../../../../contracts/movements.ts';
import { formatDate } from '../../../lib/format.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/index.ts';
import { useImplementMovement, useMyObligations } from '../movements.api.ts';
import { officerUnits } from '../shared/officer-units.ts';

/** True when the unit still has to issue its plan and has not started one. */
const needsPlan = (obligation: MyObligation) =>
  (obligation.status === 'pending' || obligation.status === 'missing') && !obligation.draftMovementId;

const openPlan = (id: string) => (
  <Link to={`/phong-trao/${id}`}>
    <Button size="large">Mở kế hoạch của đơn vị</Button>
  </Link>
);

/** What one of the user's units has done about its obligation: issued, drafting, exempt. */
function AnsweredNotice({ obligation }: { obligation: MyObligation }) {
  const name = obligation.unit.name;
  if (obligation.implementingMovementId) {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${name} đã ban hành kế hoạch thực hiện${obligation.planNumber ? ` số ${obligation.planNumber}` : ''}.`}
        action={openPlan(obligation.implementingMovementId)}
      />
    );
  }
  if (obligation.draftMovementId) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${name} đang soạn kế hoạch thực hiện (chưa ban hành).`}
        action={openPlan(obligation.draftMovementId)}
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={`${name} không phải ban hành kế hoạch thực hiện phong trào này.`}
      description={obligation.reason}
    />
  );
}

/** A pending obligation: the notice, and two ways to answer it when the user is the unit's officer. */
function PendingNotice({ movementId, obligation }: { movementId: string; obligation: MyObligation }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const implement = useImplementMovement(movementId);
  const { key: idempotencyKey } = useIdempotencyKey();
  const isCopying = useRef(false);
  // A unit the user reaches only through a succession (an abolished district) cannot launch plans.
  const canAnswer = officerUnits(user).some((unit) => unit.id === obligation.unit.id);

  const copy = async () => {
    if (isCopying.current) return;
    isCopying.current = true;
    try {
      const created = await implement.mutateAsync({ launchingUnitId: obligation.unit.id, idempotencyKey });
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
      type={obligation.status === 'missing' ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={`${obligation.unit.name} cần xây dựng kế hoạch thực hiện phong trào này${
        obligation.dueOn ? ` trước ngày ${formatDate(obligation.dueOn)}` : ''
      }${obligation.status === 'missing' ? ' (đã quá hạn)' : ''}.`}
      description={
        canAnswer && (
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
              onClick={() => navigate(`/phong-trao/nhap-van-ban?cap-tren=${movementId}`)}
            >
              Nhập văn bản của đơn vị
            </Button>
          </Space>
        )
      }
    />
  );
}

/**
 * For an officer of a lower unit: their unit's obligation to issue an implementing plan, and two ways
 * to answer it (copy the parent plan, or import their own document); or a link to the plan already
 * made. Nothing when the user's units owe this movement nothing.
 */
export function ImplementPanel({ movement }: { movement: MovementDetail }) {
  const { user } = useSession();
  const isLowerOfficer = officerUnits(user).length > 0 && movement.actions.includes('implement');
  const mine = useMyObligations(movement.id, isLowerOfficer);
  if (!isLowerOfficer || !mine.data) return null;
  return (
    <>
      {mine.data.items.map((obligation) =>
        needsPlan(obligation) ? (
          <PendingNotice key={obligation.obligationId} movementId={movement.id} obligation={obligation} />
        ) : (
          <AnsweredNotice key={obligation.obligationId} obligation={obligation} />
        ),
      )}
    </>
  );
}
