import { Select } from 'antd';

/** The years offered: five back, the current one and the next (blocs are set up a year ahead). */
export function yearOptions(around = new Date().getFullYear()) {
  return Array.from({ length: 7 }, (_, index) => around + 1 - index).map((year) => ({
    value: year,
    label: `Năm ${year}`,
  }));
}

/** A large year picker. */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const options = yearOptions();
  if (!options.some((option) => option.value === value)) options.push({ value, label: `Năm ${value}` });
  return (
    <Select
      aria-label="Năm"
      size="large"
      value={value}
      onChange={onChange}
      options={options}
      style={{ minWidth: 140 }}
    />
  );
}
