import { Alert, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { rewardTypeLabels } from '../../../../contracts/awards.ts';
import { deciderTierLabels, type Nominee, nominationStatusLabels } from '../../../../contracts/nominees.ts';
import { LoadFailedResult, PageHeader } from '../../components/index.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { describeError, showError, showSuccess } from '../../lib/notify.ts';
import { PublicNoticeButton } from '../public-notice/index.ts';
import { ConsolidationPicker, canConsolidate } from './consolidation-picker.tsx';
import { DossierSection } from './dossier/dossier-section.tsx';
import { MissingDossierNote } from './dossier/missing-note.tsx';
import { NominationHistoryCard } from './history-card.tsx';
import { StatusTag } from './labels.tsx';
import { NationalExportButton } from './national-export-button.tsx';
import { useMoveNomination, useNomination } from './nominations.api.ts';

const subjectOf = (nominee: Nominee) =>
  nominee.person?.fullName ?? nominee.unit?.name ?? nominee.householdName ?? '';

/** The nominee's name with its consolidation link: where it came from, or where it went. */
function SubjectCell({ nominee }: { nominee: Nominee }) {
  const { source, consolidatedInto: into } = nominee;
  return (
    <>
      {subjectOf(nominee)}
      {source && (
        <div style={{ fontSize: 13 }}>
          Từ tờ trình của <Link to={`/khen-thuong/to-trinh/${source.nominationId}`}>{source.unit.name}</Link>
        </div>
      )}
      {into && (
        <div style={{ fontSize: 13 }}>
          Đã tổng hợp vào tờ trình của{' '}
          {into.canOpen ? (
            <Link to={`/khen-thuong/to-trinh/${into.nominationId}`}>{into.unit.name}</Link>
          ) : (
            into.unit.name
          )}{' '}
          ({nominationStatusLabels[into.status].toLowerCase()})
        </div>
      )}
    </>
  );
}

/** A tờ trình: its nominees, its state and the moves the user may make (with confirmation). */
export function NominationPage() {
  const { id = '' } = useParams();
  const nomination = useNomination(id);
  const move = useMoveNomination(id);
  const navigate = useNavigate();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  if (nomination.isError)
    return (
      <LoadFailedResult message={describeError(nomination.error)} onRetry={() => nomination.refetch()} />
    );
  const data = nomination.data;
  if (!data) return null;

  const act = async (kind: 'submit' | 'receive' | 'return', done: string) => {
    try {
      await move.mutateAsync({
        move: kind,
        body: { version: data.version, ...(kind === 'return' ? { reason } : {}) },
      });
      showSuccess(done);
      setReturning(false);
      setReason('');
    } catch (error) {
      showError(error);
      nomination.refetch();
    }
  };

  return (
    <>
      <PageHeader
        title={data.title}
        description={<Link to={`/khen-thuong/dot/${data.roundId}`}>{data.roundTitle}</Link>}
        extra={
          <Space wrap>
            <PublicNoticeButton nominationId={data.id} />
            <NationalExportButton nomination={data} />
            {canConsolidate(data) && <ConsolidationPicker nomination={data} />}
            {data.actions.includes('submit') && (
              <Popconfirm
                title="Gửi tờ trình lên cấp trên?"
                description={<MissingDossierNote nominationId={id} version={data.version} />}
                okText="Gửi"
                cancelText="Hủy"
                onConfirm={() => act('submit', 'Đã gửi tờ trình.')}
              >
                <Button type="primary" size="large" loading={move.isPending}>
                  Gửi tờ trình
                </Button>
              </Popconfirm>
            )}
            {data.actions.includes('receive') && (
              <Popconfirm
                title="Tiếp nhận tờ trình này?"
                okText="Tiếp nhận"
                cancelText="Hủy"
                onConfirm={() => act('receive', 'Đã tiếp nhận tờ trình.')}
              >
                <Button type="primary" size="large" loading={move.isPending}>
                  Tiếp nhận
                </Button>
              </Popconfirm>
            )}
            {data.actions.includes('appraise') && (
              <Button
                type="primary"
                size="large"
                onClick={() => navigate(`/khen-thuong/to-trinh/${data.id}/tham-dinh`)}
              >
                Thẩm định
              </Button>
            )}
            {data.actions.includes('return') && (
              <Button danger size="large" onClick={() => setReturning(true)}>
                Trả lại
              </Button>
            )}
          </Space>
        }
      />
      {data.status === 'returned' && data.returnReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Lý do trả lại: ${data.returnReason}`}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="Trạng thái">
            <StatusTag status={data.status} />
          </Descriptions.Item>
          <Descriptions.Item label="Đơn vị trình">{data.proposingUnit.name}</Descriptions.Item>
          <Descriptions.Item label="Cấp nhận">{data.receivingUnit.name}</Descriptions.Item>
          <Descriptions.Item label="Thẩm quyền quyết định">
            {deciderTierLabels[data.deciderTier]}
          </Descriptions.Item>
          <Descriptions.Item label="Ngày gửi">
            {formatDateTime(data.submittedAt) || 'Chưa gửi'}
          </Descriptions.Item>
          <Descriptions.Item label="Hạn trả lại (5 ngày làm việc)">
            {formatDate(data.returnDue) || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={`Danh sách đề nghị (${data.nominees.length})`}>
        <Table<Nominee>
          rowKey="id"
          dataSource={data.nominees}
          pagination={false}
          columns={[
            { title: 'STT', width: 60, render: (_, __, index) => index + 1 },
            { title: 'Đối tượng', render: (_, nominee) => <SubjectCell nominee={nominee} /> },
            { title: 'Hình thức đề nghị', dataIndex: 'awardName' },
            { title: 'Loại hình', render: (_, nominee) => rewardTypeLabels[nominee.rewardType] },
            {
              title: 'Thời gian lập thành tích',
              render: (_, nominee) =>
                nominee.periodFrom === nominee.periodTo
                  ? nominee.periodFrom
                  : `${nominee.periodFrom}–${nominee.periodTo}`,
            },
            { title: 'Tóm tắt thành tích', dataIndex: 'achievements' },
            { title: 'Trạng thái', render: (_, nominee) => <StatusTag status={nominee.status} /> },
          ]}
        />
      </Card>
      <DossierSection nominationId={id} version={data.version} />
      <NominationHistoryCard nominationId={id} />
      <Modal
        open={returning}
        title="Trả lại tờ trình"
        okText="Trả lại"
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        cancelText="Hủy"
        confirmLoading={move.isPending}
        onOk={() => act('return', 'Đã trả lại tờ trình.')}
        onCancel={() => setReturning(false)}
      >
        <Form layout="vertical">
          <Form.Item label="Lý do trả lại (đơn vị trình sẽ nhận được)" required>
            <Input.TextArea
              aria-label="Lý do trả lại"
              autoSize={{ minRows: 3 }}
              maxLength={4000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
