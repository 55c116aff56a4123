import { DeleteOutlined, DownloadOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import {
  type ChecklistItem,
  type DossierComponent,
  type DossierFile,
  dossierComponentLabels,
  dossierComponentScope,
} from '../../../../../contracts/nomination-dossier.ts';
import { newIdempotencyKey } from '../../../lib/api-client.ts';
import { downloadFile } from '../../../lib/download.ts';
import { formatDate } from '../../../lib/format.ts';
import { describeError, showError, showSuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/index.ts';
import {
  uploadDossierFile,
  useAttachAchievementReport,
  useDeleteDossierFile,
  useDossier,
  useRefreshDossier,
} from './dossier.api.ts';

const ACCEPT = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png';

interface Row {
  key: string;
  nomineeId: string | null;
  subject: string;
  code: DossierComponent;
  label: string;
  present: boolean;
  files: DossierFile[];
}

/** The "Hồ sơ" of a tờ trình: what each nominee's award needs, present or missing, with its files. */
export function DossierSection({ nominationId, version }: { nominationId: string; version: number }) {
  const dossier = useDossier(nominationId, version);
  const refresh = useRefreshDossier(nominationId);
  const remove = useDeleteDossierFile(nominationId);
  const attach = useAttachAchievementReport(nominationId);
  const { data: session } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState<{ component: DossierComponent; nomineeId?: string } | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);

  if (dossier.isError) {
    if ((dossier.error as { status?: number }).status === 403) return null;
    return <Alert type="error" showIcon title={describeError(dossier.error)} style={{ marginTop: 16 }} />;
  }
  const data = dossier.data;
  if (!data) return null;

  const download = (file: DossierFile) =>
    downloadFile(`/api/nominations/${nominationId}/files/${file.id}/content`, {}, file.fileName).catch(
      showError,
    );
  const choose = (component: DossierComponent, nomineeId?: string) => {
    setTarget(nomineeId ? { component, nomineeId } : { component });
    input.current?.click();
  };
  const send = async (file: File | undefined) => {
    if (!file || !target) return;
    const key = `${target.nomineeId ?? ''}:${target.component}`;
    setUploading(key);
    try {
      await uploadDossierFile(nominationId, target, file, session?.csrfToken ?? null, newIdempotencyKey());
      showSuccess(`Đã tải lên ${file.name}.`);
    } catch (error) {
      showError(error);
    } finally {
      setUploading(null);
      if (input.current) input.current.value = '';
      await refresh();
    }
  };

  // The whole tờ trình's components once, then each nominee's own.
  const shared = new Map<DossierComponent, ChecklistItem>();
  for (const nominee of data.nominees)
    for (const item of nominee.items)
      if (dossierComponentScope[item.code] !== 'nominee' && !shared.has(item.code))
        shared.set(item.code, item);
  const rows: Row[] = [
    ...[...shared.values()].map((item) => ({
      key: `all:${item.code}`,
      nomineeId: null,
      subject: 'Chung cho cả tờ trình',
      code: item.code,
      label: item.label,
      present: data.nominationFiles.some((file) => file.component === item.code),
      files: data.nominationFiles.filter((file) => file.component === item.code),
    })),
    ...data.nominees.flatMap((nominee) =>
      nominee.items
        .filter((item) => dossierComponentScope[item.code] === 'nominee')
        .map((item) => ({
          key: `${nominee.nomineeId}:${item.code}`,
          nomineeId: nominee.nomineeId,
          subject: `${nominee.name} — ${nominee.awardName}`,
          code: item.code,
          label: item.label,
          present: item.present,
          files: item.files,
        })),
    ),
  ];

  return (
    <Card
      title="Hồ sơ đề nghị khen thưởng"
      style={{ marginTop: 16 }}
      extra={
        data.missing ? (
          <Tag color="orange">Còn thiếu {data.missing} thành phần</Tag>
        ) : (
          <Tag color="green">Đủ thành phần hồ sơ</Tag>
        )
      }
    >
      {data.ruleSet && (
        <Typography.Paragraph type="secondary">
          Thành phần hồ sơ theo {data.ruleSet.name} (áp dụng ngày {formatDate(data.ruleSet.date)}). Tệp nhận:
          PDF, Word (.docx), Excel (.xlsx), ảnh JPEG, PNG; tối đa 20 MB mỗi tệp.
        </Typography.Paragraph>
      )}
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        aria-label="Chọn tệp hồ sơ"
        onChange={(event) => send(event.target.files?.[0])}
      />
      <Table<Row>
        rowKey="key"
        dataSource={rows}
        pagination={false}
        size="middle"
        columns={[
          { title: 'Đối tượng', dataIndex: 'subject', width: '24%' },
          {
            title: 'Thành phần',
            render: (_, row) => <span title={dossierComponentLabels[row.code]}>{row.label}</span>,
          },
          {
            title: 'Tình trạng',
            width: 110,
            render: (_, row) =>
              row.present ? <Tag color="green">Đã có</Tag> : <Tag color="red">Còn thiếu</Tag>,
          },
          {
            title: 'Tệp',
            render: (_, row) => (
              <Space direction="vertical" size={4}>
                {row.files.map((file) => (
                  <Space key={file.id} size={4} wrap>
                    <Button
                      type="link"
                      icon={<DownloadOutlined />}
                      onClick={() => download(file)}
                      aria-label={`Tải xuống ${file.fileName}`}
                    >
                      {file.fileName}
                    </Button>
                    {data.canEdit && (
                      <Popconfirm
                        title={`Xóa tệp ${file.fileName}?`}
                        okText="Xóa"
                        cancelText="Hủy"
                        okButtonProps={{ danger: true }}
                        onConfirm={() =>
                          remove.mutateAsync(file).then(() => showSuccess('Đã xóa tệp.'), showError)
                        }
                      >
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`Xóa ${file.fileName}`}
                        />
                      </Popconfirm>
                    )}
                  </Space>
                ))}
              </Space>
            ),
          },
          {
            title: 'Thao tác',
            width: 230,
            render: (_, row) =>
              data.canEdit && (
                <Space direction="vertical" size={4}>
                  <Button
                    icon={<UploadOutlined />}
                    loading={uploading === `${row.nomineeId ?? ''}:${row.code}`}
                    onClick={() => choose(row.code, row.nomineeId ?? undefined)}
                  >
                    Tải lên
                  </Button>
                  {row.code === 'bao_cao_thanh_tich' && row.nomineeId && (
                    <Button
                      icon={<FileWordOutlined />}
                      loading={attach.isPending && attach.variables?.nomineeId === row.nomineeId}
                      onClick={() =>
                        attach
                          .mutateAsync({
                            nomineeId: row.nomineeId ?? '',
                            idempotencyKey: newIdempotencyKey(),
                          })
                          .then(() => showSuccess('Đã lập dự thảo báo cáo thành tích vào hồ sơ.'), showError)
                      }
                    >
                      Lập dự thảo từ dữ liệu
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
