import { type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import {
  genderLabels,
  type PersonListItem,
  personCategoryLabels,
} from '../../../../../contracts/organisation.ts';
import { formatDate } from '../../../lib/format.ts';
import styles from '../shared/organisation.module.css';
import { unitPath } from '../units/unit-label.tsx';

/** The path of a person's page. */
export const personPath = (id: string) => `/to-chuc/can-bo/${id}`;

const yes = (value: boolean) =>
  value ? (
    <Tag color="green" className={styles.tag}>
      Có
    </Tag>
  ) : (
    '—'
  );

/**
 * Columns of a people table. The birth date column appears only when the server sent at least one
 * birth date (it is sensitive and blanked for users who may not see it).
 */
export function personColumns(
  items: PersonListItem[],
  options: { showUnit?: boolean } = {},
): TableColumnsType<PersonListItem> {
  const hasBirthDates = items.some((person) => person.birthDate);
  const columns: TableColumnsType<PersonListItem> = [
    {
      title: 'Họ và tên',
      dataIndex: 'fullName',
      render: (name: string, person) => (
        <>
          <Link to={personPath(person.id)}>{name}</Link>
          <span className={styles.phoneOnly}>
            {[person.position, person.unitName].filter(Boolean).join(' – ')}
          </span>
        </>
      ),
    },
    {
      title: 'Giới tính',
      dataIndex: 'gender',
      width: 90,
      responsive: ['md'],
      render: (gender: PersonListItem['gender']) => genderLabels[gender],
    },
  ];
  if (hasBirthDates) {
    columns.push({
      title: 'Ngày sinh',
      dataIndex: 'birthDate',
      width: 120,
      responsive: ['lg'],
      render: (value: string | null) => formatDate(value),
    });
  }
  columns.push(
    {
      title: 'Đối tượng',
      dataIndex: 'category',
      width: 130,
      responsive: ['sm'],
      render: (category: PersonListItem['category']) => personCategoryLabels[category],
    },
    {
      title: 'Chức vụ',
      dataIndex: 'position',
      responsive: ['md'],
      render: (value: string | null) => value || '—',
    },
  );
  if (options.showUnit !== false) {
    columns.push({
      title: 'Đơn vị',
      dataIndex: 'unitName',
      responsive: ['sm'],
      render: (name: string, person) => <Link to={unitPath(person.unitId)}>{name}</Link>,
    });
  }
  columns.push(
    {
      title: 'Lãnh đạo',
      dataIndex: 'isLeader',
      width: 100,
      align: 'center',
      responsive: ['lg'],
      render: yes,
    },
    {
      title: 'Trực tiếp lao động',
      dataIndex: 'isDirectWorker',
      width: 120,
      align: 'center',
      responsive: ['xl'],
      render: yes,
    },
  );
  return columns;
}
