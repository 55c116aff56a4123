import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Image, List, Popconfirm, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  type ExemplarFileKind,
  type ExemplarView,
  exemplarFileKindLabels,
} from '../../../../contracts/exemplars.ts';
import { api } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { formatDate } from '../../lib/format.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { useSession } from '../auth/index.ts';
import { uploadExemplarFile, useRefreshExemplars } from './exemplars.api.ts';

const accept: Record<ExemplarFileKind, string> = {
  photo: '.jpg,.jpeg,.png,image/jpeg,image/png',
  document: '.pdf,.docx,application/pdf',
};
const contentUrl = (view: ExemplarView, fileId: string) =>
  `/api/exemplars/${view.id}/files/${fileId}/content`;

/** Removes a part of the exemplar (file, replication, award link) at its version, then refreshes. */
function useRemove(view: ExemplarView) {
  const refresh = useRefreshExemplars();
  return async (path: string, success: string) => {
    try {
      await api.delete(`/api/exemplars/${view.id}/${path}`, { query: { version: view.version } });
      showSuccess(success);
    } catch (error) {
      showError(error);
    }
    await refresh();
  };
}

/** Photos (shown) and documents (downloaded) of the exemplar; officers add and remove them. */
export function ExemplarFilesCard({ view }: { view: ExemplarView }) {
  const { data: session } = useSession();
  const refresh = useRefreshExemplars();
  const remove = useRemove(view);
  const [uploading, setUploading] = useState<ExemplarFileKind | null>(null);
  const canChange = view.actions.includes('files');
  const send = async (kind: ExemplarFileKind, file: File) => {
    setUploading(kind);
    try {
      await uploadExemplarFile(view.id, kind, view.version, file, session?.csrfToken ?? null);
      showSuccess(`Đã tải lên ${exemplarFileKindLabels[kind].toLowerCase()}.`);
    } catch (error) {
      showError(error);
    } finally {
      setUploading(null);
      await refresh();
    }
  };
  const uploadButton = (kind: ExemplarFileKind, label: string) => (
    <Upload
      accept={accept[kind]}
      showUploadList={false}
      beforeUpload={(file) => {
        void send(kind, file);
        return false;
      }}
    >
      <Button icon={<UploadOutlined aria-hidden />} loading={uploading === kind}>
        {label}
      </Button>
    </Upload>
  );
  const photos = view.files.filter((file) => file.kind === 'photo');
  const documents = view.files.filter((file) => file.kind === 'document');
  const removeButton = (fileId: string, name: string) =>
    canChange && (
      <Popconfirm
        title={`Xóa tệp “${name}”?`}
        okText="Xóa"
        cancelText="Hủy"
        onConfirm={() => remove(`files/${fileId}`, 'Đã xóa tệp.')}
      >
        <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`Xóa ${name}`} />
      </Popconfirm>
    );
  return (
    <Card title="Hình ảnh, tài liệu" style={{ marginBottom: 16 }}>
      {canChange && (
        <Space wrap style={{ marginBottom: 12 }}>
          {uploadButton('photo', 'Thêm hình ảnh (JPEG, PNG)')}
          {uploadButton('document', 'Thêm tài liệu (PDF, Word)')}
        </Space>
      )}
      {!view.files.length && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          Chưa có hình ảnh, tài liệu.
        </Typography.Paragraph>
      )}
      {photos.length > 0 && (
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          {photos.map((photo) => (
            <Flex key={photo.id} vertical gap={4} align="center">
              <Image
                src={contentUrl(view, photo.id)}
                alt={photo.fileName}
                width={160}
                height={120}
                style={{ objectFit: 'cover' }}
              />
              <Space size={4}>
                <Typography.Text style={{ maxWidth: 120 }} ellipsis={{ tooltip: photo.fileName }}>
                  {photo.fileName}
                </Typography.Text>
                {removeButton(photo.id, photo.fileName)}
              </Space>
            </Flex>
          ))}
        </Flex>
      )}
      {documents.length > 0 && (
        <List
          size="small"
          dataSource={documents}
          renderItem={(file) => (
            <List.Item
              actions={[
                <Button
                  key="download"
                  size="small"
                  icon={<DownloadOutlined aria-hidden />}
                  onClick={() => downloadFile(contentUrl(view, file.id), {}, file.fileName).catch(showError)}
                >
                  Tải xuống
                </Button>,
                removeButton(file.id, file.fileName),
              ]}
            >
              {file.fileName} · {Math.max(1, Math.round(file.size / 1024))} KB
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** The units that replicated the example, and the awards it led to. */
export function ExemplarLinksCards({
  view,
  onAddReplication,
  onAddAward,
}: {
  view: ExemplarView;
  onAddReplication: () => void;
  onAddAward: () => void;
}) {
  const remove = useRemove(view);
  const removeColumn = (allowed: boolean, path: (id: string) => string, success: string) =>
    allowed
      ? [
          {
            title: '',
            width: 60,
            render: (_: unknown, row: { id: string }) => (
              <Popconfirm
                title="Bỏ dòng này?"
                okText="Bỏ"
                cancelText="Hủy"
                onConfirm={() => remove(path(row.id), success)}
              >
                <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label="Bỏ" />
              </Popconfirm>
            ),
          },
        ]
      : [];
  return (
    <>
      <Card title={`Đơn vị nhân rộng (${view.replicationCount})`} style={{ marginBottom: 16 }}>
        {view.actions.includes('replications') && (
          <Button style={{ marginBottom: 12 }} onClick={onAddReplication}>
            Ghi nhận đơn vị nhân rộng
          </Button>
        )}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={view.replications}
          locale={{ emptyText: 'Chưa có đơn vị nào nhân rộng' }}
          columns={[
            { title: 'Đơn vị', dataIndex: 'unitName' },
            {
              title: 'Ngày áp dụng',
              dataIndex: 'replicatedOn',
              width: 130,
              render: (value: string) => formatDate(value),
            },
            { title: 'Ghi chú', dataIndex: 'note' },
            ...removeColumn(
              view.actions.includes('replications'),
              (id) => `replications/${id}`,
              'Đã bỏ đơn vị nhân rộng.',
            ),
          ]}
        />
      </Card>
      <Card title="Khen thưởng do điển hình mang lại" style={{ marginBottom: 16 }}>
        {view.actions.includes('awards') && (
          <Button style={{ marginBottom: 12 }} onClick={onAddAward}>
            Gắn khen thưởng
          </Button>
        )}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 640 }}
          dataSource={view.awards}
          locale={{ emptyText: 'Chưa gắn khen thưởng nào' }}
          columns={[
            { title: 'Hình thức', dataIndex: 'awardName' },
            { title: 'Năm', dataIndex: 'year', width: 80 },
            {
              title: 'Quyết định',
              width: 220,
              render: (_, award) =>
                award.decisionNumber
                  ? `${award.decisionNumber}${award.decisionDate ? ` ngày ${formatDate(award.decisionDate)}` : ''}`
                  : '—',
            },
            { title: 'Người, tập thể nhận', dataIndex: 'recipientName' },
            ...removeColumn(
              view.actions.includes('awards'),
              (id) => `awards/${id}`,
              'Đã bỏ khen thưởng khỏi điển hình.',
            ),
          ]}
        />
      </Card>
    </>
  );
}
