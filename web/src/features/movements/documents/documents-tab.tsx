import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Progress, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Job } from '../../../../../contracts/jobs.ts';
import type { MovementDetail } from '../../../../../contracts/movements.ts';
import { UnitPage } from '../../../../../contracts/organisation.ts';
import { api } from '../../../lib/api-client.ts';
import { downloadFile } from '../../../lib/download.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { runJobAndDownload } from '../../../lib/jobs.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';

/** A short file name from the movement's name, without diacritics. */
function fileSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** Runs one download at a time per button and shows failures as messages. */
function useDownload() {
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, path: string, query: Record<string, string>, fallback: string) => {
    if (busy) return;
    setBusy(key);
    try {
      await downloadFile(path, query, fallback);
      showSuccess('Đã tải tệp về máy.');
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

/**
 * The PDF of the plan: LibreOffice takes seconds, so the server converts it in a background job and
 * the button says what is happening until the file downloads.
 */
function usePdfJob(movementId: string, fallbackName: string) {
  const [job, setJob] = useState<Job | null>(null);
  const [running, setRunning] = useState(false);
  const { key, renew } = useIdempotencyKey();
  const start = async () => {
    if (running) return;
    setRunning(true);
    try {
      await runJobAndDownload(
        `/api/movements/${movementId}/pdf-jobs`,
        {},
        {
          idempotencyKey: key,
          fallbackName,
          onProgress: setJob,
        },
      );
      showSuccess('Đã tải tệp PDF về máy.');
    } catch (error) {
      showError(error);
    } finally {
      renew();
      setRunning(false);
      setJob(null);
    }
  };
  return { job, running, start };
}

/** The "Văn bản" tab: the plan as Word or PDF, and a draft implementing plan for a chosen lower unit. */
export function DocumentsTab({ movement }: { movement: MovementDetail }) {
  const { busy, run } = useDownload();
  const [childId, setChildId] = useState<string | undefined>();
  const children = useQuery({
    queryKey: ['units', 'children', movement.launchingUnit.id, 1, 200],
    queryFn: ({ signal }) =>
      api.get(`/api/units/${movement.launchingUnit.id}/children`, {
        query: { limit: 200 },
        schema: UnitPage,
        signal,
      }),
    meta: { silentError: true },
  });
  const slug = fileSlug(movement.name) || 'ke-hoach';
  const exportPath = `/api/movements/${movement.id}/export`;
  const pdf = usePdfJob(movement.id, `${slug}.pdf`);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title="Kế hoạch của phong trào">
          <Typography.Paragraph>
            Tải kế hoạch hiện hành để in, trình ký hoặc gửi đơn vị (khổ A4, phông Times New Roman).
          </Typography.Paragraph>
          <Space wrap>
            <Button
              type="primary"
              size="large"
              icon={<FileWordOutlined aria-hidden />}
              loading={busy === 'docx'}
              onClick={() => void run('docx', exportPath, { format: 'docx' }, `${slug}.docx`)}
            >
              Tải bản Word (.docx)
            </Button>
            <Button
              size="large"
              icon={<FilePdfOutlined aria-hidden />}
              loading={pdf.running}
              onClick={() => void pdf.start()}
            >
              Tải bản PDF
            </Button>
          </Space>
          {pdf.job && (
            <div role="status" aria-live="polite" style={{ marginTop: 12, maxWidth: 420 }}>
              <Typography.Text>{pdf.job.message ?? 'Đang xử lý…'}</Typography.Text>
              <Progress percent={pdf.job.progress} size="small" status="active" />
            </div>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title="Dự thảo kế hoạch cho đơn vị cấp dưới">
          <Typography.Paragraph>
            Tạo bản dự thảo kế hoạch triển khai đã thay sẵn tên đơn vị, để gửi đơn vị cấp dưới tham khảo.
          </Typography.Paragraph>
          <Space wrap style={{ width: '100%' }}>
            <Select
              aria-label="Đơn vị cấp dưới"
              placeholder="Chọn đơn vị cấp dưới"
              size="large"
              style={{ minWidth: 280 }}
              loading={children.isPending}
              value={childId}
              onChange={setChildId}
              showSearch={{ optionFilterProp: 'label' }}
              options={(children.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
              notFoundContent={children.isError ? 'Không tải được danh sách đơn vị' : 'Không có đơn vị'}
            />
            <Button
              size="large"
              icon={<FileWordOutlined aria-hidden />}
              disabled={!childId}
              loading={busy === 'draft'}
              onClick={() =>
                childId &&
                void run(
                  'draft',
                  `/api/movements/${movement.id}/draft-plan`,
                  { unitId: childId },
                  'du-thao-ke-hoach.docx',
                )
              }
            >
              Tải dự thảo (.docx)
            </Button>
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
