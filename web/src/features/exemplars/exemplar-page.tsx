import { Alert, Button, Card, Descriptions, Modal, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  EXEMPLAR_STAGES,
  ExemplarView,
  exemplarKindLabels,
  exemplarStageLabels,
  exemplarSubjectLabels,
} from '../../../../contracts/exemplars.ts';
import { LoadFailedResult, PageHeader } from '../../components/index.ts';
import { api } from '../../lib/api-client.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { describeError, showError, showSuccess } from '../../lib/notify.ts';
import { StageTag, StatusTag } from './exemplar-fields.tsx';
import {
  AdvanceExemplarModal,
  AwardLinkModal,
  EditExemplarModal,
  type ExemplarDialog,
  ReplicationModal,
  ReturnExemplarModal,
} from './exemplar-modals.tsx';
import { ExemplarFilesCard, ExemplarLinksCards } from './exemplar-parts.tsx';
import { useExemplar, useRefreshExemplars } from './exemplars.api.ts';

const moves = {
  confirm: { title: 'Xác nhận điển hình?', ok: 'Xác nhận', done: 'Đã xác nhận điển hình.' },
  propose: {
    title: 'Đề xuất lại điển hình lên cấp trên?',
    ok: 'Đề xuất lại',
    done: 'Đã đề xuất lại điển hình.',
  },
  publish: {
    title: 'Công bố điển hình lên cổng thông tin?',
    ok: 'Công bố',
    done: 'Đã công bố điển hình lên cổng thông tin.',
  },
  withdraw: {
    title: 'Gỡ điển hình khỏi cổng thông tin?',
    ok: 'Gỡ xuống',
    done: 'Đã gỡ điển hình khỏi cổng thông tin.',
  },
} as const;

/** One exemplar: its four stages with their days, history, files, replicating units, awards and actions. */
export function ExemplarPage() {
  const { id = '' } = useParams();
  const exemplar = useExemplar(id);
  const refresh = useRefreshExemplars();
  const [dialog, setDialog] = useState<ExemplarDialog>(null);
  if (exemplar.isError)
    return <LoadFailedResult message={describeError(exemplar.error)} onRetry={() => exemplar.refetch()} />;
  const view = exemplar.data;
  if (!view) return <Card loading />;
  const can = (action: ExemplarView['actions'][number]) => view.actions.includes(action);
  const move = (action: keyof typeof moves) =>
    Modal.confirm({
      title: moves[action].title,
      okText: moves[action].ok,
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await api.post(
            `/api/exemplars/${id}/${action}`,
            { version: view.version },
            { schema: ExemplarView },
          );
          showSuccess(moves[action].done);
        } catch (error) {
          showError(error);
        }
        await refresh();
      },
    });
  const stageIndex = EXEMPLAR_STAGES.indexOf(view.stage);
  const dayOf = (stage: (typeof EXEMPLAR_STAGES)[number]) =>
    view.moves.find((item) => item.stage === stage)?.movedOn;
  const close = () => setDialog(null);
  return (
    <>
      <PageHeader
        title={view.title}
        description={`${exemplarKindLabels[view.kind]} · ${view.unitName} đề xuất`}
        extra={
          <Space wrap>
            {can('confirm') && (
              <Button type="primary" onClick={() => move('confirm')}>
                Xác nhận điển hình
              </Button>
            )}
            {can('return') && <Button onClick={() => setDialog('return')}>Trả lại</Button>}
            {can('propose') && (
              <Button type="primary" onClick={() => move('propose')}>
                Đề xuất lại
              </Button>
            )}
            {can('advance') && (
              <Button type="primary" onClick={() => setDialog('advance')}>
                Chuyển giai đoạn tiếp theo
              </Button>
            )}
            {can('publish') && <Button onClick={() => move('publish')}>Công bố lên cổng thông tin</Button>}
            {can('withdraw') && (
              <Button danger onClick={() => move('withdraw')}>
                Gỡ khỏi cổng thông tin
              </Button>
            )}
            {can('edit') && <Button onClick={() => setDialog('edit')}>Sửa thông tin</Button>}
          </Space>
        }
      />
      {view.status === 'proposed' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="Điển hình đang chờ cấp trên xác nhận; sau khi được xác nhận mới chuyển được giai đoạn và công bố."
        />
      )}
      {view.status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="Cấp trên đã trả lại đề xuất"
          description={`Lý do: ${view.returnReason ?? ''}`}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={stageIndex}
          status={view.stage === 'replicate' ? 'finish' : 'process'}
          items={EXEMPLAR_STAGES.map((stage, index) => ({
            title: exemplarStageLabels[stage],
            description: index <= stageIndex ? formatDate(dayOf(stage)) : 'Chưa đến',
          }))}
        />
      </Card>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Điển hình là">
            {exemplarSubjectLabels[view.subject]}
            {view.subjectName ? `: ${view.subjectName}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="Đơn vị đề xuất">{view.unitName}</Descriptions.Item>
          <Descriptions.Item label="Phong trào">
            {view.movementId ? <Link to={`/phong-trao/${view.movementId}`}>{view.movementName}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Ngày phát hiện">{formatDate(view.discoveredOn)}</Descriptions.Item>
          <Descriptions.Item label="Giai đoạn">
            <StageTag stage={view.stage} />
          </Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            <StatusTag status={view.status} />
            {view.isPublished ? (
              <Tag color="cyan">Đã công bố {formatDateTime(view.publishedAt)}</Tag>
            ) : (
              <Tag>Chưa công bố</Tag>
            )}
          </Descriptions.Item>
        </Descriptions>
        {view.summary && (
          <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {view.summary}
          </Typography.Paragraph>
        )}
      </Card>
      <Card title="Quá trình thực hiện" style={{ marginBottom: 16 }}>
        <Timeline
          items={view.moves.map((item) => ({
            key: item.id,
            children: (
              <>
                <Typography.Text strong>
                  {formatDate(item.movedOn)} · {exemplarStageLabels[item.stage]}
                </Typography.Text>
                {item.note && <div style={{ whiteSpace: 'pre-wrap' }}>{item.note}</div>}
                {item.movedByName && <Typography.Text type="secondary">{item.movedByName}</Typography.Text>}
              </>
            ),
          }))}
        />
      </Card>
      <ExemplarFilesCard view={view} />
      <ExemplarLinksCards
        view={view}
        onAddReplication={() => setDialog('replication')}
        onAddAward={() => setDialog('award')}
      />
      <EditExemplarModal view={view} open={dialog === 'edit'} onClose={close} />
      <ReturnExemplarModal view={view} open={dialog === 'return'} onClose={close} />
      <AdvanceExemplarModal view={view} open={dialog === 'advance'} onClose={close} />
      <ReplicationModal view={view} open={dialog === 'replication'} onClose={close} />
      <AwardLinkModal view={view} open={dialog === 'award'} onClose={close} />
    </>
  );
}
