import { Table, type TableColumnsType } from 'antd';
import type { z } from 'zod';
import { type BlocKind, type BlocListItem, blocKindLabels } from '../../../../../contracts/organisation.ts';
import { BlocMembers } from './bloc-members.tsx';

type Bloc = z.infer<typeof BlocListItem>;

const columns: TableColumnsType<Bloc> = [
  { title: 'Tên khối/cụm', dataIndex: 'name' },
  {
    title: 'Loại',
    dataIndex: 'kind',
    width: 130,
    responsive: ['md'],
    render: (kind: BlocKind) => blocKindLabels[kind],
  },
  {
    title: 'Trưởng khối/cụm',
    dataIndex: 'headUnitName',
    responsive: ['sm'],
    render: (value: string | null) => value ?? '—',
  },
  {
    title: 'Thành viên Hội đồng phụ trách',
    dataIndex: 'supervisorName',
    responsive: ['lg'],
    render: (value: string | null) => value ?? '—',
  },
  { title: 'Số đơn vị', dataIndex: 'memberCount', width: 110, align: 'right' },
];

/** Blocs of a year; opening a row shows its member units with head and deputy. */
export function BlocTable({
  blocs,
  isLoading,
  emptyText,
}: {
  blocs: Bloc[];
  isLoading?: boolean;
  emptyText: string;
}) {
  return (
    <Table<Bloc>
      rowKey="id"
      bordered
      columns={columns}
      dataSource={blocs}
      loading={isLoading}
      pagination={false}
      expandable={{
        expandedRowRender: (bloc) => <BlocMembers blocId={bloc.id} />,
        columnTitle: <span className="sr-only">Đơn vị thành viên</span>,
      }}
      locale={{ emptyText }}
    />
  );
}
