import { useQueryClient } from '@tanstack/react-query';
import { Button, InputNumber, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type AgendaItem,
  recusalReasonLabels,
  SessionView,
  voteResultLabels,
} from '../../../../contracts/council-sessions.ts';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { api } from '../../lib/api-client.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { type Position, sessionKeys, useAgenda } from './council-sessions.api.ts';
import { tallyCounts, tallyShare } from './tally-text.ts';

const resultColours = { passed: 'green', failed: 'red', no_quorum: 'orange' } as const;

/** Written votes of absent members on one nominee, entered by the secretary. */
function WrittenVotes({ session, item }: { session: SessionView; item: AgendaItem }) {
  const queryClient = useQueryClient();
  const [agree, setAgree] = useState(item.writtenAgree);
  const [disagree, setDisagree] = useState(item.writtenDisagree);
  const save = async () => {
    try {
      await api.put(
        `/api/council-sessions/${session.id}/agenda/${item.nomineeId}/written-votes`,
        { agree, disagree, version: item.version },
        { schema: SessionView },
      );
      showSuccess('Đã ghi phiếu bằng văn bản.');
    } catch (error) {
      showError(error);
    }
    await queryClient.invalidateQueries({ queryKey: ['council-sessions', 'agenda', session.id] });
  };
  return (
    <Space size={4}>
      <InputNumber
        aria-label="Đồng ý"
        min={0}
        size="small"
        value={agree}
        onChange={(value) => setAgree(value ?? 0)}
        style={{ width: 60 }}
      />
      <InputNumber
        aria-label="Không đồng ý"
        min={0}
        size="small"
        value={disagree}
        onChange={(value) => setDisagree(value ?? 0)}
        style={{ width: 60 }}
      />
      <Button size="small" onClick={save}>
        Ghi
      </Button>
    </Space>
  );
}

/** The agenda of a session: each nominee with how many have voted (never how), recusals, and the result once closed. */
export function AgendaTable({ session }: { session: SessionView }) {
  const queryClient = useQueryClient();
  const [position, setPosition] = useState<Position>({ limit: 50 });
  const isOpen = session.status === 'open';
  const agenda = useAgenda(session.id, position, isOpen);
  const canEdit = session.actions.includes('agenda');
  const canWrite = session.actions.includes('written_votes');
  const present = session.members.filter((member) => member.attendance === 'present').length;
  const remove = async (item: AgendaItem) => {
    try {
      const view = await api.delete(
        `/api/council-sessions/${session.id}/agenda/${item.nomineeId}?version=${session.version}`,
        { schema: SessionView },
      );
      queryClient.setQueryData(sessionKeys.one(session.id), view);
    } catch (error) {
      showError(error);
    }
    await queryClient.invalidateQueries({ queryKey: ['council-sessions', 'agenda', session.id] });
  };
  return (
    <>
      <Table<AgendaItem>
        rowKey="nomineeId"
        loading={agenda.isFetching}
        dataSource={agenda.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: 'Họ và tên / Tên tập thể',
            dataIndex: 'name',
            // The appraisal page of the tờ trình: the dossier and opinions the council votes on.
            render: (name: string, item) => (
              <Link to={`/khen-thuong/to-trinh/${item.nominationId}/tham-dinh`} title="Xem hồ sơ, thẩm định">
                {name}
              </Link>
            ),
          },
          { title: 'Đơn vị', dataIndex: 'unitName' },
          { title: 'Danh hiệu, hình thức', dataIndex: 'awardName' },
          {
            title: 'Không biểu quyết',
            dataIndex: 'recused',
            render: (recused: AgendaItem['recused']) =>
              recused.map((entry) => (
                <Tooltip key={entry.memberId} title={recusalReasonLabels[entry.reason]}>
                  <Tag>{entry.name}</Tag>
                </Tooltip>
              )),
          },
          {
            title: 'Đã bỏ phiếu',
            dataIndex: 'ballotsCast',
            width: 120,
            render: (count: number) => `${count}/${present}`,
          },
          {
            title: 'Phiếu bằng văn bản (đồng ý / không)',
            width: 230,
            render: (_: unknown, item) =>
              canWrite ? (
                <WrittenVotes session={session} item={item} />
              ) : (
                `${item.writtenAgree} / ${item.writtenDisagree}`
              ),
          },
          {
            title: 'Kết quả (sau kiểm phiếu)',
            width: 240,
            render: (_: unknown, item) =>
              item.tally ? (
                <Tooltip title={item.tally.article}>
                  <Tag color={resultColours[item.tally.result]}>{voteResultLabels[item.tally.result]}</Tag>
                  <div>{tallyCounts(item.tally)}</div>
                  <div style={{ fontSize: 13 }}>{tallyShare(item.tally)}</div>
                </Tooltip>
              ) : canEdit && item.ballotsCast === 0 ? (
                <Button size="small" danger onClick={() => remove(item)}>
                  Bỏ khỏi chương trình
                </Button>
              ) : (
                'Chưa kiểm phiếu'
              ),
          },
        ]}
      />
      <CursorPager
        page={agenda.data}
        position={position}
        onChange={setPosition}
        noun="đối tượng"
        isLoading={agenda.isFetching}
      />
    </>
  );
}
