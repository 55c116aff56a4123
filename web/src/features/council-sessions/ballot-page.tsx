import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Modal, Radio, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type AgendaItem,
  type BallotChoice,
  BallotReceipt,
  ballotChoiceLabels,
} from '../../../../contracts/council-sessions.ts';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { LoadFailedResult, PageHeader } from '../../components/index.ts';
import { api } from '../../lib/api-client.ts';
import { formatDateTime } from '../../lib/format.ts';
import { describeError, showError, showSuccess } from '../../lib/notify.ts';
import { type Position, useAgenda, useSession } from './council-sessions.api.ts';
import { RecusalButton } from './recusal-button.tsx';

/** A member's own secret ballot: agree or disagree per nominee, submitted once. */
export function BallotPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const session = useSession(id);
  const [position, setPosition] = useState<Position>({ limit: 100 });
  const agenda = useAgenda(id, position, false);
  const [choices, setChoices] = useState<Record<string, BallotChoice>>({});
  const [saving, setSaving] = useState(false);
  if (session.isError)
    return <LoadFailedResult message={describeError(session.error)} onRetry={() => session.refetch()} />;
  const view = session.data;
  if (!view) return <Card loading />;
  const items = agenda.data?.items ?? [];
  const chosen = Object.entries(choices).filter(([nomineeId]) =>
    items.some((item) => item.nomineeId === nomineeId && item.myBallot === 'pending'),
  );
  const submit = () =>
    Modal.confirm({
      title: `Gửi phiếu cho ${chosen.length} đối tượng?`,
      content: 'Phiếu đã gửi không sửa được. Hệ thống không lưu bạn đã chọn gì.',
      okText: 'Gửi phiếu',
      cancelText: 'Xem lại',
      onOk: async () => {
        setSaving(true);
        try {
          await api.post(
            `/api/council-sessions/${id}/ballots`,
            { choices: chosen.map(([nomineeId, choice]) => ({ nomineeId, choice })) },
            { schema: BallotReceipt },
          );
          setChoices({});
          showSuccess('Đã gửi phiếu.');
        } catch (error) {
          showError(error);
        } finally {
          setSaving(false);
          await queryClient.invalidateQueries({ queryKey: ['council-sessions'] });
        }
      },
    });
  const canVote = view.actions.includes('vote');
  return (
    <>
      <PageHeader
        title="Phiếu bầu của tôi"
        description={`${view.title} — kết thúc bỏ phiếu lúc ${formatDateTime(view.closesAt)}`}
        extra={<Link to={`/khen-thuong/phien-hop/${id}`}>Về phiên họp</Link>}
      />
      {!view.myMemberId && (
        <Alert type="warning" showIcon message="Bạn không phải thành viên của phiên họp này." />
      )}
      {view.myMemberId && !canVote && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            view.status === 'closed'
              ? 'Phiên họp đã kết thúc.'
              : 'Bạn không có mặt tại phiên họp nên không bỏ phiếu điện tử.'
          }
        />
      )}
      <Card>
        <Table<AgendaItem>
          rowKey="nomineeId"
          loading={agenda.isFetching}
          dataSource={items}
          pagination={false}
          columns={[
            { title: 'Họ và tên / Tên tập thể', dataIndex: 'name' },
            { title: 'Đơn vị', dataIndex: 'unitName' },
            { title: 'Danh hiệu, hình thức', dataIndex: 'awardName' },
            {
              title: 'Ý kiến của tôi',
              width: 380,
              render: (_: unknown, item) =>
                item.myBallot === 'voted' ? (
                  <Tag color="green">Đã bỏ phiếu</Tag>
                ) : item.myBallot === 'recused' ? (
                  <Tag>Không tham gia biểu quyết</Tag>
                ) : (
                  <>
                    <Radio.Group
                      aria-label={`Ý kiến về ${item.name}`}
                      disabled={!canVote}
                      value={choices[item.nomineeId]}
                      onChange={(event) => setChoices({ ...choices, [item.nomineeId]: event.target.value })}
                      options={Object.entries(ballotChoiceLabels).map(([value, label]) => ({ value, label }))}
                    />
                    {canVote && view.myMemberId && (
                      <RecusalButton
                        sessionId={id}
                        memberId={view.myMemberId}
                        nomineeId={item.nomineeId}
                        name={item.name}
                      />
                    )}
                  </>
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
        <Button
          type="primary"
          style={{ marginTop: 16 }}
          disabled={!canVote || !chosen.length}
          loading={saving}
          onClick={submit}
        >
          Gửi phiếu ({chosen.length})
        </Button>
      </Card>
    </>
  );
}
