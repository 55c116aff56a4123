import { Tag } from 'antd';
import { type NominationStatus, nominationStatusLabels } from '../../../../contracts/nominees.ts';

const colours: Record<NominationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  received: 'blue',
  returned: 'warning',
  appraised: 'cyan',
  in_council: 'purple',
  posted: 'geekblue',
  decided: 'success',
  declined: 'error',
  forwarded: 'lime',
};

/** A tờ trình's or nominee's state as a coloured tag. */
export function StatusTag({ status }: { status: NominationStatus }) {
  return <Tag color={colours[status]}>{nominationStatusLabels[status]}</Tag>;
}
