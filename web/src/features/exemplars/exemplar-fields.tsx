import { Select, Tag } from 'antd';
import { useState } from 'react';
import {
  type ExemplarStage,
  type ExemplarStatus,
  exemplarStageLabels,
  exemplarStatusLabels,
} from '../../../../contracts/exemplars.ts';
import { useMovement, useMovements } from '../movements/movements.api.ts';
import { useDebounced } from '../organisation/shared/use-debounced.ts';

export const stageColors: Record<ExemplarStage, string> = {
  discover: 'default',
  nurture: 'blue',
  sum_up: 'purple',
  replicate: 'green',
};
export const statusColors: Record<ExemplarStatus, string> = {
  proposed: 'gold',
  confirmed: 'green',
  returned: 'red',
};

/** The stage as a coloured tag. */
export const StageTag = ({ stage }: { stage: ExemplarStage }) => (
  <Tag color={stageColors[stage]}>{exemplarStageLabels[stage]}</Tag>
);
/** The review state as a coloured tag. */
export const StatusTag = ({ status }: { status: ExemplarStatus }) => (
  <Tag color={statusColors[status]}>{exemplarStatusLabels[status]}</Tag>
);

/** Picks a movement the user sees by typing part of its name (diacritics optional). */
export function MovementSelect({
  value,
  onChange,
  id,
  placeholder = 'Gõ tên phong trào',
}: {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  id?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const movements = useMovements(q, { limit: 30 });
  // The chosen movement's name, when it came from the URL or the record rather than from a search.
  const chosen = useMovement(value ?? undefined);
  const options = (movements.data?.items ?? []).map((movement) => ({
    value: movement.id,
    label: movement.name,
  }));
  if (chosen.data && !options.some((option) => option.value === chosen.data.id))
    options.unshift({ value: chosen.data.id, label: chosen.data.name });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      placeholder={placeholder}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={movements.isFetching}
      notFoundContent={movements.isFetching ? 'Đang tìm…' : 'Không tìm thấy phong trào'}
      style={{ width: '100%' }}
    />
  );
}
