import { Select } from 'antd';
import { useState } from 'react';
import { usePersons } from '../persons/persons.api.ts';
import { useDebounced } from './use-debounced.ts';

interface PersonSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
}

/** Picks a person by typing part of their name (diacritics optional); shows position and unit. */
export function PersonSelect({ value, onChange, id }: PersonSelectProps) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const persons = usePersons(q ? { limit: 30, q } : { limit: 30 });
  const options = (persons.data?.items ?? []).map((person) => ({
    value: person.id,
    label: [person.fullName, person.position, person.unitName].filter(Boolean).join(' – '),
  }));
  return (
    <Select
      id={id}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      placeholder="Gõ họ tên cán bộ"
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={persons.isFetching}
      notFoundContent={persons.isFetching ? 'Đang tìm…' : 'Không tìm thấy cán bộ'}
      style={{ width: '100%' }}
    />
  );
}
