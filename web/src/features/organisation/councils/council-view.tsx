import { UserAddOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadFailedResult } from '../../../components/index.ts';
import { describeError } from '../../../lib/notify.ts';
import { unitPath } from '../units/unit-label.tsx';
import { AddMemberModal } from './add-member-modal.tsx';
import { CouncilMembersTable } from './council-members-table.tsx';
import { useCouncil } from './councils.api.ts';

/** One council: its unit, its standing body and its members, with "add member" for officers. */
export function CouncilView({ councilId }: { councilId: string }) {
  const council = useCouncil(councilId);
  const [isAdding, setAdding] = useState(false);
  if (council.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (council.isError)
    return <LoadFailedResult message={describeError(council.error)} onRetry={() => void council.refetch()} />;
  const { data } = council;
  return (
    <>
      <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 12 }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
          {data.name}
        </Typography.Title>
        {data.actions.includes('edit') && (
          <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setAdding(true)}>
            Thêm thành viên
          </Button>
        )}
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'unit', label: 'Cấp', children: <Link to={unitPath(data.unitId)}>{data.unitName}</Link> },
          {
            key: 'standing',
            label: 'Cơ quan thường trực',
            children: data.standingUnitId ? (
              <Link to={unitPath(data.standingUnitId)}>{data.standingUnitName}</Link>
            ) : (
              'Chưa xác định'
            ),
          },
          { key: 'count', label: 'Số thành viên', children: data.memberCount },
        ]}
      />
      <CouncilMembersTable council={data} />
      {isAdding && <AddMemberModal councilId={data.id} open onClose={() => setAdding(false)} />}
    </>
  );
}
