import { Skeleton, Table, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import {
  type BlocMember,
  type BlocMemberRole,
  blocMemberRoleLabels,
} from '../../../../../contracts/organisation.ts';
import styles from '../shared/organisation.module.css';
import { unitPath } from '../units/unit-label.tsx';
import { useBloc } from './blocs.api.ts';

const roleColors: Record<BlocMemberRole, string> = { head: 'red', deputy: 'orange', member: 'default' };

const columns: TableColumnsType<BlocMember> = [
  { title: 'STT', dataIndex: 'position', width: 70, align: 'right', render: (_, __, index) => index + 1 },
  {
    title: 'Đơn vị thành viên',
    dataIndex: 'unitName',
    render: (name: string, member) => <Link to={unitPath(member.unitId)}>{name}</Link>,
  },
  {
    title: 'Vai trò',
    dataIndex: 'role',
    width: 200,
    render: (role: BlocMemberRole) => (
      <Tag color={roleColors[role]} className={styles.tag}>
        {blocMemberRoleLabels[role]}
      </Tag>
    ),
  },
];

/** The member units of one bloc, head and deputy marked, loaded when the row is opened. */
export function BlocMembers({ blocId }: { blocId: string }) {
  const bloc = useBloc(blocId);
  if (bloc.isPending) return <Skeleton active paragraph={{ rows: 3 }} title={false} />;
  return (
    <Table<BlocMember>
      rowKey="unitId"
      size="small"
      columns={columns}
      dataSource={bloc.data?.members}
      pagination={false}
      locale={{ emptyText: 'Khối/cụm chưa có đơn vị thành viên.' }}
    />
  );
}
