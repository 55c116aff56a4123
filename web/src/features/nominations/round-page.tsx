import { Card, Descriptions, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { roundKindLabels } from '../../../../contracts/nominations.ts';
import { deciderTierLabels, type NominationSummary } from '../../../../contracts/nominees.ts';
import { CursorPager, type CursorPosition, LoadFailedResult, PageHeader } from '../../components/index.ts';
import { formatDate } from '../../lib/format.ts';
import { describeError } from '../../lib/notify.ts';
import { StatusTag } from './labels.tsx';
import { useRound, useRoundNominations } from './nominations.api.ts';
import { RoundUnitsCard } from './round-units-card.tsx';

/** One round: what it is, and the tờ trình sent to it (all of them at its level, one's own below). */
export function RoundPage() {
  const { id = '' } = useParams();
  const round = useRound(id);
  const [position, setPosition] = useState<CursorPosition>({ limit: 20 });
  const nominations = useRoundNominations(id, position);
  if (round.isError)
    return <LoadFailedResult message={describeError(round.error)} onRetry={() => round.refetch()} />;
  const data = round.data;

  return (
    <>
      <PageHeader title={data?.title ?? 'Đợt khen thưởng'} />
      {data && (
        <Card style={{ marginBottom: 16 }}>
          <Descriptions column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="Loại đợt">{roundKindLabels[data.kind]}</Descriptions.Item>
            <Descriptions.Item label="Năm">{data.year}</Descriptions.Item>
            <Descriptions.Item label="Cấp nhận tờ trình">{data.receivingUnit.name}</Descriptions.Item>
            <Descriptions.Item label="Hạn gửi tờ trình">
              {formatDate(data.deadline) || 'Không đặt'}
            </Descriptions.Item>
            {data.movement && (
              <Descriptions.Item label="Phong trào">
                <Link to={`/phong-trao/${data.movement.id}`}>{data.movement.name}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}
      {data && <RoundUnitsCard round={data} />}
      <Card title="Tờ trình đề nghị khen thưởng">
        <Table<NominationSummary>
          rowKey="id"
          loading={nominations.isFetching}
          dataSource={nominations.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: 'Chưa có tờ trình nào' }}
          columns={[
            {
              title: 'Tờ trình',
              dataIndex: 'title',
              render: (title: string, row) => <Link to={`/khen-thuong/to-trinh/${row.id}`}>{title}</Link>,
            },
            { title: 'Đơn vị trình', render: (_, row) => row.proposingUnit.name },
            { title: 'Số đối tượng', dataIndex: 'nomineeCount', width: 110 },
            { title: 'Thẩm quyền', render: (_, row) => deciderTierLabels[row.deciderTier] },
            { title: 'Trạng thái', render: (_, row) => <StatusTag status={row.status} /> },
            { title: 'Hạn trả lại', render: (_, row) => formatDate(row.returnDue) },
          ]}
        />
        <CursorPager page={nominations.data} position={position} onChange={setPosition} noun="tờ trình" />
      </Card>
    </>
  );
}
