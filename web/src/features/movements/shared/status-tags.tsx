import { Tag } from 'antd';
import {
  type MovementStatus,
  movementStatusLabels,
  type ObligationStatus,
  type RegistrationStatus,
} from '../../../../../contracts/movements.ts';

const movementColors: Record<MovementStatus, string> = {
  draft: 'gold',
  launched: 'green',
  closed: 'default',
};

/** The movement's status in Vietnamese, coloured. */
export function MovementStatusTag({ status }: { status: MovementStatus }) {
  return (
    <Tag color={movementColors[status]} style={{ fontSize: 14, lineHeight: '22px' }}>
      {movementStatusLabels[status]}
    </Tag>
  );
}

/** Short labels of the cascade dashboard, as the officials say them. */
export const obligationLabels: Record<ObligationStatus, string> = {
  on_time: 'Đã ban hành – đúng hạn',
  late: 'Đã ban hành – trễ hạn',
  pending: 'Chưa ban hành',
  missing: 'Quá hạn chưa ban hành',
  not_applicable: 'Không áp dụng',
  none: 'Chưa được giao',
};

const obligationColors: Record<ObligationStatus, string> = {
  on_time: 'green',
  late: 'orange',
  pending: 'blue',
  missing: 'red',
  not_applicable: 'default',
  none: 'default',
};

/** The status of a unit's implementing plan on the cascade dashboard. */
export function ObligationTag({ status }: { status: ObligationStatus }) {
  return (
    <Tag color={obligationColors[status]} style={{ fontSize: 14, lineHeight: '22px' }}>
      {obligationLabels[status]}
    </Tag>
  );
}

/** Registration states as shown to users. */
export const registrationLabels: Record<RegistrationStatus, string> = {
  draft: 'Nháp',
  submitted: 'Đã gửi',
  approved: 'Đã duyệt',
  returned: 'Trả lại',
};

const registrationColors: Record<RegistrationStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  approved: 'green',
  returned: 'red',
};

/** The state of a registration, coloured. */
export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  return (
    <Tag color={registrationColors[status]} style={{ fontSize: 14, lineHeight: '22px' }}>
      {registrationLabels[status]}
    </Tag>
  );
}
