import { Card, Descriptions, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import {
  type Employment,
  genderLabels,
  type PersonDetail,
  personCategoryLabels,
} from '../../../../../contracts/organisation.ts';
import { LoadFailedResult, PageHeader } from '../../../components/index.ts';
import { formatDate } from '../../../lib/format.ts';
import { describeError } from '../../../lib/notify.ts';
import { PersonAwardSection } from '../../awards/index.ts';
import { unitPath } from '../units/unit-label.tsx';
import { PersonActions } from './person-actions.tsx';
import { usePerson } from './persons.api.ts';

type EmploymentRow = z.infer<typeof Employment>;

const employmentColumns: TableColumnsType<EmploymentRow> = [
  {
    title: 'Từ ngày',
    dataIndex: 'startedOn',
    width: 130,
    render: (value: string | null) => formatDate(value),
  },
  {
    title: 'Đến ngày',
    dataIndex: 'endedOn',
    width: 130,
    render: (value: string | null) => (value ? formatDate(value) : <Tag color="green">Hiện nay</Tag>),
  },
  {
    title: 'Đơn vị',
    dataIndex: 'unitName',
    render: (name: string, row) => <Link to={unitPath(row.unitId)}>{name}</Link>,
  },
  {
    title: 'Chức vụ',
    dataIndex: 'position',
    responsive: ['sm'],
    render: (value: string | null) => value || '—',
  },
];

const yesNo = (value: boolean) => (value ? 'Có' : 'Không');

function personItems(person: PersonDetail) {
  const items = [
    { key: 'name', label: 'Họ và tên', children: person.fullName },
    { key: 'gender', label: 'Giới tính', children: genderLabels[person.gender] },
    { key: 'category', label: 'Đối tượng', children: personCategoryLabels[person.category] },
    { key: 'position', label: 'Chức vụ', children: person.position || '—' },
    { key: 'unit', label: 'Đơn vị', children: <Link to={unitPath(person.unitId)}>{person.unitName}</Link> },
    { key: 'leader', label: 'Lãnh đạo, quản lý', children: yesNo(person.isLeader) },
    { key: 'direct', label: 'Trực tiếp lao động', children: yesNo(person.isDirectWorker) },
  ];
  // Sensitive fields come only to those allowed to see them.
  if (person.actions.includes('view_sensitive')) {
    items.splice(2, 0, { key: 'birth', label: 'Ngày sinh', children: formatDate(person.birthDate) });
    items.push({ key: 'id', label: 'Số định danh cá nhân', children: person.idNumber ?? '—' });
  }
  return items;
}

/** A person's record and employment history (quá trình công tác), newest first. */
export function PersonPage() {
  const { id } = useParams();
  const person = usePerson(id);
  if (person.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (person.isError)
    return <LoadFailedResult message={describeError(person.error)} onRetry={() => void person.refetch()} />;
  const { data } = person;
  const history = [...data.employments].sort((a, b) => (b.startedOn ?? '').localeCompare(a.startedOn ?? ''));
  return (
    <>
      <PageHeader
        title={data.fullName}
        description={[data.position, data.unitName].filter(Boolean).join(' – ')}
        extra={<PersonActions person={data} />}
      />
      <Descriptions bordered column={{ xs: 1, md: 2 }} items={personItems(data)} />
      <Card style={{ marginTop: 16 }}>
        <Typography.Title level={2} style={{ marginTop: 0, fontSize: 18 }}>
          Quá trình công tác
        </Typography.Title>
        <Table<EmploymentRow>
          rowKey="id"
          bordered
          columns={employmentColumns}
          dataSource={history}
          pagination={false}
          locale={{ emptyText: 'Chưa có thông tin quá trình công tác.' }}
        />
      </Card>
      <PersonAwardSection personId={data.id} />
    </>
  );
}
