import { Descriptions } from 'antd';
import { Link } from 'react-router';
import { type MovementDetail, movementKindLabels } from '../../../../../contracts/movements.ts';
import { formatDate } from '../../../lib/format.ts';
import { formatPeriod } from '../shared/officer-units.ts';
import { MovementStatusTag } from '../shared/status-tags.tsx';

// Dates and periods read as one piece; never split "30/09/2019" over two lines.
const noWrap = { whiteSpace: 'nowrap' } as const;

/** The movement's key facts under its title: period, launching unit, status, plan, parent movement. */
export function MovementFacts({ movement }: { movement: MovementDetail }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      style={{ marginBottom: 16, background: '#fff' }}
      items={[
        {
          key: 'period',
          label: 'Giai đoạn',
          children: <span style={noWrap}>{formatPeriod(movement.periodFrom, movement.periodTo)}</span>,
        },
        { key: 'unit', label: 'Đơn vị phát động', children: movement.launchingUnit.name },
        { key: 'status', label: 'Trạng thái', children: <MovementStatusTag status={movement.status} /> },
        { key: 'kind', label: 'Loại phong trào', children: movementKindLabels[movement.kind] },
        { key: 'number', label: 'Số kế hoạch', children: movement.planNumber ?? '—' },
        {
          key: 'launched',
          label: 'Ngày phát động',
          children: movement.launchedAt ? (
            <span style={noWrap}>{formatDate(movement.launchedAt)}</span>
          ) : (
            'Chưa phát động'
          ),
        },
        ...(movement.planDeadline
          ? [
              {
                key: 'deadline',
                label: 'Hạn ban hành kế hoạch cấp dưới',
                children: <span style={noWrap}>{formatDate(movement.planDeadline)}</span>,
              },
            ]
          : []),
        ...(movement.parentMovement
          ? [
              {
                key: 'parent',
                label: 'Thực hiện phong trào cấp trên',
                children: (
                  <Link to={`/phong-trao/${movement.parentMovement.id}`}>{movement.parentMovement.name}</Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
