import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import {
  type CouncilDetail,
  type CouncilMember,
  type CouncilRole,
  councilRoleLabels,
} from '../../../../../contracts/organisation.ts';
import { formatDate } from '../../../lib/format.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { personPath } from '../persons/person-columns.tsx';
import styles from '../shared/organisation.module.css';
import { useCouncilMemberMutations } from './councils.api.ts';

const roleColors: Record<CouncilRole, string> = {
  chair: 'red',
  vice_chair: 'volcano',
  standing_member: 'blue',
  member: 'default',
  secretary: 'green',
};

/** "01/01/2021 – nay" or "01/01/2021 – 31/12/2025". */
export function describeTerm(member: Pick<CouncilMember, 'termFrom' | 'termTo'>): string {
  return `${formatDate(member.termFrom)} – ${member.termTo ? formatDate(member.termTo) : 'nay'}`;
}

/** The members of a council with their role and term; officers may remove one after confirming. */
export function CouncilMembersTable({ council }: { council: CouncilDetail }) {
  const { remove } = useCouncilMemberMutations(council.id);
  const canEdit = council.actions.includes('edit');
  const columns: TableColumnsType<CouncilMember> = [
    {
      title: 'Họ và tên',
      dataIndex: 'personName',
      render: (name: string, member) => <Link to={personPath(member.personId)}>{name}</Link>,
    },
    {
      title: 'Chức vụ',
      dataIndex: 'position',
      responsive: ['md'],
      render: (value: string | null) => value || '—',
    },
    {
      title: 'Vai trò trong Hội đồng',
      dataIndex: 'role',
      width: 210,
      render: (role: CouncilRole) => (
        <Tag color={roleColors[role]} className={styles.tag}>
          {councilRoleLabels[role]}
        </Tag>
      ),
    },
    {
      title: 'Nhiệm kỳ',
      key: 'term',
      width: 210,
      responsive: ['sm'],
      render: (_, member) => describeTerm(member),
    },
  ];
  if (canEdit) {
    columns.push({
      title: <span className="sr-only">Thao tác</span>,
      key: 'actions',
      width: 90,
      render: (_, member) => (
        <Popconfirm
          title="Bỏ thành viên khỏi Hội đồng?"
          description={`${member.personName} sẽ không còn là thành viên Hội đồng.`}
          okText="Bỏ"
          okButtonProps={{ danger: true }}
          cancelText="Hủy"
          onConfirm={() =>
            remove.mutateAsync(member.id).then(() => showSuccess(`Đã bỏ ${member.personName} khỏi Hội đồng.`))
          }
        >
          <Button
            danger
            type="text"
            icon={<DeleteOutlined aria-hidden />}
            aria-label={`Bỏ ${member.personName}`}
          >
            Bỏ
          </Button>
        </Popconfirm>
      ),
    });
  }
  return (
    <Table<CouncilMember>
      rowKey="id"
      bordered
      columns={columns}
      dataSource={council.members}
      pagination={false}
      locale={{ emptyText: 'Hội đồng chưa có thành viên.' }}
    />
  );
}
