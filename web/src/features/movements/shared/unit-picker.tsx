import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { UnitPage } from '../../../../../contracts/organisation.ts';
import { api } from '../../../lib/api-client.ts';

interface UnitPickerProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Units offered before the user types (e.g. the officer's own unit), with their names. */
  initialOptions?: { id: string; name: string }[];
  placeholder?: string;
  id?: string;
}

/** Waits until the user stops typing before searching. */
function useDebounced(value: string, delay = 300): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** Picks a unit by typing part of its name or code (diacritics optional; the server searches in scope). */
export function UnitPicker({
  value,
  onChange,
  initialOptions = [],
  placeholder = 'Gõ tên hoặc mã đơn vị',
  id,
}: UnitPickerProps) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const results = useQuery({
    queryKey: ['units', 'select', q],
    queryFn: ({ signal }) => api.get('/api/units', { query: { q, limit: 30 }, schema: UnitPage, signal }),
    enabled: q.length > 0,
  });
  const options = [
    ...initialOptions.map((unit) => ({ value: unit.id, label: unit.name })),
    ...(results.data?.items ?? [])
      .filter((unit) => !initialOptions.some((option) => option.id === unit.id))
      .map((unit) => ({
        value: unit.id,
        label: unit.parentName ? `${unit.name} (thuộc ${unit.parentName})` : unit.name,
      })),
  ];
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={results.isFetching}
      notFoundContent={results.isFetching ? 'Đang tìm…' : 'Gõ để tìm đơn vị'}
      style={{ width: '100%' }}
      size="large"
    />
  );
}
