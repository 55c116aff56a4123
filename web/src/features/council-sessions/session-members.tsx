import { useQueryClient } from '@tanstack/react-query';
import { Card, Select, Table, Tag } from 'antd';
import {
  type Attendance,
  attendanceLabels,
  type SessionMember,
  SessionView,
} from '../../../../contracts/council-sessions.ts';
import { councilRoleLabels } from '../../../../contracts/councils.ts';
import { api } from '../../lib/api-client.ts';
import { showError } from '../../lib/notify.ts';
import { sessionKeys } from './council-sessions.api.ts';

/** The members of a session: role, attendance (the secretary records it), and how many nominees each has voted on. */
export function SessionMembers({ session }: { session: SessionView }) {
  const queryClient = useQueryClient();
  const canMark = session.actions.includes('attendance');
  const mark = async (member: SessionMember, attendance: Attendance) => {
    try {
      const view = await api.put(
        `/api/council-sessions/${session.id}/attendance/${member.memberId}`,
        { attendance, version: member.version },
        { schema: SessionView },
      );
      queryClient.setQueryData(sessionKeys.one(session.id), view);
    } catch (error) {
      showError(error);
      await queryClient.invalidateQueries({ queryKey: sessionKeys.one(session.id) });
    }
  };
  const present = session.members.filter((member) => member.attendance === 'present').length;
  return (
    <Card
      title={`Thành viên (${session.members.length}; có mặt ${present})`}
      style={{ marginBottom: 16 }}
      extra={<span>Chỉ hiện ai đã bỏ phiếu, không hiện nội dung phiếu.</span>}
    >
      <Table<SessionMember>
        rowKey="memberId"
        dataSource={session.members}
        pagination={false}
        size="small"
        columns={[
          { title: 'Họ và tên', dataIndex: 'name' },
          {
            title: 'Chức danh trong Hội đồng',
            dataIndex: 'role',
            render: (role: SessionMember['role']) => councilRoleLabels[role],
          },
          {
            title: 'Điểm danh',
            dataIndex: 'attendance',
            width: 280,
            render: (attendance: Attendance, member) =>
              canMark ? (
                <Select
                  aria-label={`Điểm danh ${member.name}`}
                  style={{ width: 260 }}
                  value={attendance}
                  onChange={(value) => mark(member, value)}
                  options={Object.entries(attendanceLabels).map(([value, label]) => ({ value, label }))}
                />
              ) : (
                attendanceLabels[attendance]
              ),
          },
          {
            title: 'Đã bỏ phiếu',
            dataIndex: 'votedCount',
            width: 160,
            render: (count: number) =>
              count >= session.agendaCount && session.agendaCount > 0 ? (
                <Tag color="green">Xong ({count})</Tag>
              ) : (
                `${count}/${session.agendaCount}`
              ),
          },
        ]}
      />
    </Card>
  );
}
