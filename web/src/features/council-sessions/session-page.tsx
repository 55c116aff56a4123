import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { SessionView, sessionStatusLabels } from '../../../../contracts/council-sessions.ts';
import { LoadFailedResult, PageHeader } from '../../components/index.ts';
import { api } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { describeError, showError, showSuccess } from '../../lib/notify.ts';
import { AddAgendaModal } from './add-agenda-modal.tsx';
import { AgendaTable } from './agenda-table.tsx';
import { sessionKeys, useSession } from './council-sessions.api.ts';
import { SessionMembers } from './session-members.tsx';

/** A council session for the secretary, the chair and the officers: agenda, attendance, who has voted, close, minutes. */
export function SessionPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const session = useSession(id);
  const [adding, setAdding] = useState(false);
  if (session.isError)
    return <LoadFailedResult message={describeError(session.error)} onRetry={() => session.refetch()} />;
  const view = session.data;
  if (!view) return <Card loading />;
  const close = () =>
    Modal.confirm({
      title: 'Kết thúc phiên họp và kiểm phiếu?',
      content:
        'Sau khi kết thúc, không ai bỏ phiếu được nữa. Đối tượng không đạt chuyển sang "Không khen thưởng".',
      okText: 'Kết thúc và kiểm phiếu',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          const closed = await api.post(
            `/api/council-sessions/${id}/close`,
            { version: view.version },
            { schema: SessionView },
          );
          queryClient.setQueryData(sessionKeys.one(id), closed);
          await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
          showSuccess('Đã kết thúc phiên họp và kiểm phiếu.');
        } catch (error) {
          showError(error);
        }
      },
    });
  return (
    <>
      <PageHeader
        title={view.title}
        description={view.councilName}
        extra={
          <Space wrap>
            {view.actions.includes('vote') && (
              <Link to={`/khen-thuong/phien-hop/${id}/phieu-bau`}>
                <Button type="primary">Phiếu bầu của tôi</Button>
              </Link>
            )}
            {view.actions.includes('agenda') && (
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
                Đưa đối tượng ra phiên họp
              </Button>
            )}
            {view.actions.includes('close') && (
              <Button danger onClick={close}>
                Kết thúc phiên họp
              </Button>
            )}
            {view.status === 'closed' && (
              <Button
                icon={<DownloadOutlined aria-hidden />}
                onClick={() =>
                  downloadFile(`/api/council-sessions/${id}/minutes`, {}, 'bien-ban-hop-hoi-dong.docx').catch(
                    showError,
                  )
                }
              >
                Tải biên bản (Word)
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="Trạng thái">
            <Tag color={view.status === 'open' ? 'blue' : 'default'}>{sessionStatusLabels[view.status]}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="Ngày họp">{formatDate(view.meetingDate)}</Descriptions.Item>
          <Descriptions.Item label="Địa điểm">{view.place}</Descriptions.Item>
          <Descriptions.Item label="Chủ tọa">{view.chair.name}</Descriptions.Item>
          <Descriptions.Item label="Thư ký">{view.secretary.name}</Descriptions.Item>
          <Descriptions.Item label={view.status === 'open' ? 'Kết thúc bỏ phiếu lúc' : 'Đã kết thúc lúc'}>
            {formatDateTime(view.closedAt ?? view.closesAt)}
          </Descriptions.Item>
        </Descriptions>
        {view.status === 'open' && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            message="Bỏ phiếu kín: hệ thống chỉ ghi nhận thành viên đã bỏ phiếu, không lưu ai chọn gì. Kết quả chỉ có khi kết thúc phiên họp."
          />
        )}
      </Card>
      <SessionMembers session={view} />
      <Card title={`Chương trình phiên họp (${view.agendaCount} đối tượng)`}>
        <AgendaTable session={view} />
      </Card>
      {view.actions.includes('agenda') && (
        <AddAgendaModal session={view} open={adding} onClose={() => setAdding(false)} />
      )}
    </>
  );
}
