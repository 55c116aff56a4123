import { Button, Card, InputNumber, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Round, roundKindLabels } from '../../../../contracts/nominations.ts';
import { CursorPager, type CursorPosition, PageHeader } from '../../components/index.ts';
import { formatDate } from '../../lib/format.ts';
import { hasRole, useSession } from '../auth/index.ts';
import { CreateRoundModal } from './create-round-modal.tsx';
import { useRounds } from './nominations.api.ts';

/** "Khen thưởng › Đợt khen thưởng": the rounds of the user's levels and those above them. */
export function RoundsPage() {
  const { user } = useSession();
  const [year, setYear] = useState<number | undefined>();
  const [position, setPosition] = useState<CursorPosition>({ limit: 20 });
  const [creating, setCreating] = useState(false);
  const rounds = useRounds({ ...position, year });
  const canCreate = hasRole(user, 'tdkt_officer');

  return (
    <>
      <PageHeader
        title="Đợt khen thưởng"
        description="Các đợt khen thưởng của cấp mình và cấp trên; mở một đợt để xem và lập tờ trình."
        extra={
          canCreate && (
            <Button type="primary" size="large" onClick={() => setCreating(true)}>
              Mở đợt khen thưởng
            </Button>
          )
        }
      />
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <span>Năm</span>
          <InputNumber
            aria-label="Năm"
            min={2000}
            max={2100}
            value={year}
            onChange={(value) => {
              setYear(value ?? undefined);
              setPosition({ limit: position.limit });
            }}
          />
        </Space>
        <Table<Round>
          rowKey="id"
          loading={rounds.isFetching}
          dataSource={rounds.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: 'Chưa có đợt khen thưởng nào' }}
          columns={[
            {
              title: 'Tên đợt',
              dataIndex: 'title',
              render: (title: string, round) => <Link to={`/khen-thuong/dot/${round.id}`}>{title}</Link>,
            },
            { title: 'Loại', dataIndex: 'kind', render: (kind: Round['kind']) => roundKindLabels[kind] },
            { title: 'Năm', dataIndex: 'year', width: 80 },
            { title: 'Cấp nhận tờ trình', render: (_, round) => round.receivingUnit.name },
            {
              title: 'Hạn gửi',
              dataIndex: 'deadline',
              render: (deadline: string | null) => formatDate(deadline),
            },
          ]}
        />
        <CursorPager page={rounds.data} position={position} onChange={setPosition} noun="đợt" />
      </Card>
      {creating && <CreateRoundModal onClose={() => setCreating(false)} />}
    </>
  );
}
