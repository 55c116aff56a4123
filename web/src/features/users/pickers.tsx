import { Select } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../organisation/shared/use-debounced.ts';
import { useGrantableUnits, useLinkablePersons } from './accounts.api.ts';

interface PickerProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  id?: string;
  disabled?: boolean;
}

/** Picks a unit the user may grant roles on, by a few words of its name or code (diacritics optional). */
export function GrantableUnitSelect({ value, onChange, id, disabled }: PickerProps) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const units = useGrantableUnits(q);
  const options = (units.data ?? []).map((unit) => ({
    value: unit.id,
    label: unit.parentName ? `${unit.name} (thuộc ${unit.parentName})` : unit.name,
  }));
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      placeholder="Gõ tên hoặc mã đơn vị"
      allowClear
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={units.isFetching}
      notFoundContent={units.isFetching ? 'Đang tìm…' : 'Không tìm thấy đơn vị trong phạm vi của bạn'}
      style={{ width: '100%' }}
    />
  );
}

/** Picks a person (cán bộ) the user may link an account to; shows position, unit and any linked account. */
export function LinkablePersonSelect({ value, onChange, id, disabled }: PickerProps) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const people = useLinkablePersons(q);
  const options = (people.data ?? []).map((person) => ({
    value: person.id,
    label: [
      person.fullName,
      person.position,
      person.unitName,
      person.username ? `đã gắn tài khoản ${person.username}` : null,
    ]
      .filter(Boolean)
      .join(' – '),
  }));
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      placeholder="Gõ họ tên cán bộ"
      allowClear
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={people.isFetching}
      notFoundContent={people.isFetching ? 'Đang tìm…' : 'Không tìm thấy cán bộ trong phạm vi của bạn'}
      style={{ width: '100%' }}
    />
  );
}
