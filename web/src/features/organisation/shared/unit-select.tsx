import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { UnitPage } from '../../../../../contracts/organisation.ts';
import { api } from '../../../lib/api-client.ts';
import { useUnit } from '../units/units.api.ts';
import { useDebounced } from './use-debounced.ts';

interface UnitSelectProps {
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  placeholder?: string;
  /** Several units (successors of a merger) instead of one. */
  isMultiple?: boolean;
  /** Units not to offer (the unit itself when choosing its new parent). */
  excludeIds?: string[];
  id?: string;
}

/**
 * Picks a unit by typing part of its name or code, without diacritics if the user likes
 * ("noi vu" finds "Sở Nội vụ"); the server searches within the user's scope.
 */
export function UnitSelect({
  value,
  onChange,
  placeholder = 'Gõ tên hoặc mã đơn vị',
  isMultiple = false,
  excludeIds = [],
  id,
}: UnitSelectProps) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const results = useQuery({
    queryKey: ['units', 'select', q],
    queryFn: ({ signal }) => api.get('/api/units', { query: { q, limit: 30 }, schema: UnitPage, signal }),
  });
  // The chosen unit's name, when it came from the URL rather than from a search.
  const single = typeof value === 'string' ? value : undefined;
  const chosen = useUnit(single);
  const options = (results.data?.items ?? [])
    .filter((unit) => !excludeIds.includes(unit.id))
    .map((unit) => ({
      value: unit.id,
      label: unit.parentName ? `${unit.name} (thuộc ${unit.parentName})` : unit.name,
    }));
  if (chosen.data && !options.some((option) => option.value === chosen.data.id)) {
    options.unshift({ value: chosen.data.id, label: chosen.data.name });
  }

  return (
    <Select
      id={id}
      mode={isMultiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      placeholder={placeholder}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={results.isFetching}
      notFoundContent={results.isFetching ? 'Đang tìm…' : 'Không tìm thấy đơn vị'}
      style={{ width: '100%' }}
    />
  );
}
