import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Grid, Progress, Result, Space, Steps, Typography, Upload } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/index.ts';
import { downloadFile } from '../../../lib/download.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { describeError, showError } from '../../../lib/notify.ts';
import { useSession } from '../../auth/index.ts';
import { ImportErrors } from './import-errors.tsx';
import type { ImportTarget } from './import-targets.ts';
import { type ImportOutcome, uploadImport } from './upload.ts';

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/**
 * The import wizard: 1) download the template, 2) choose the file, 3) upload it with a progress bar,
 * 4) the result: the count imported, or every row error (then nothing was imported). `extra` goes in
 * the page header (an export button); `children` above the steps (a choice of what to import).
 */
export function ImportWizard({
  target,
  extra,
  children,
}: {
  target: ImportTarget;
  extra?: ReactNode;
  children?: ReactNode;
}) {
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [file, setFile] = useState<File | null>(null);
  // One key per chosen file: a second click or a retry of the same upload imports it once.
  const uploadKey = useIdempotencyKey();
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // A ref, not state: a double click arrives before React re-renders the disabled button.
  const isUploading = useRef(false);
  const resultRef = useRef<HTMLDivElement>(null);
  // The result is below the fold on most screens: bring it into view as soon as it arrives.
  useEffect(() => {
    if (outcome) resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [outcome]);

  const chooseFile = (chosen: File) => {
    setFile(chosen);
    uploadKey.renew();
    setOutcome(null);
    setFailure(null);
    setProgress(null);
    return false;
  };

  const upload = async () => {
    if (!file || isUploading.current) return;
    isUploading.current = true;
    setOutcome(null);
    setFailure(null);
    setProgress(0);
    try {
      const result = await uploadImport(
        target.uploadPath,
        file,
        session?.csrfToken ?? null,
        setProgress,
        uploadKey.key,
      );
      setOutcome(result);
      if (result.kind === 'imported') {
        setFile(null);
        for (const key of target.refreshKeys) void queryClient.invalidateQueries({ queryKey: [key] });
      }
    } catch (error) {
      setFailure(error);
    } finally {
      isUploading.current = false;
      setProgress(null);
    }
  };

  const downloadTemplate = (format: 'xlsx' | 'csv') =>
    downloadFile(target.templatePath, { format }, `${target.templateName}.${format}`).catch(showError);

  const isBusy = progress !== null;
  const current = outcome ? 3 : isBusy ? 2 : file ? 1 : 0;

  return (
    <>
      <PageHeader title={target.title} description={target.description} extra={extra} />
      {children}
      <Steps
        current={current}
        orientation={screens.md ? 'horizontal' : 'vertical'}
        size="small"
        style={{ marginBottom: 16 }}
        items={[{ title: 'Tải tệp mẫu' }, { title: 'Chọn tệp' }, { title: 'Tải lên' }, { title: 'Kết quả' }]}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title="Bước 1. Tải tệp mẫu">
          <Typography.Paragraph>
            Ghi mỗi {target.noun} trên một dòng, giữ nguyên dòng tiêu đề. Các cột: {target.columns.join('; ')}
            .
          </Typography.Paragraph>
          <Space wrap>
            <Button icon={<DownloadOutlined aria-hidden />} onClick={() => downloadTemplate('xlsx')}>
              Tải tệp mẫu Excel (.xlsx)
            </Button>
            <Button icon={<DownloadOutlined aria-hidden />} onClick={() => downloadTemplate('csv')}>
              Tải tệp mẫu CSV
            </Button>
          </Space>
        </Card>
        <Card title="Bước 2. Chọn tệp đã điền">
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            maxCount={1}
            beforeUpload={chooseFile}
            disabled={isBusy}
            fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
            onRemove={() => {
              setFile(null);
              return true;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">Bấm để chọn tệp, hoặc kéo tệp thả vào đây</p>
            <p className="ant-upload-hint">Tệp .xlsx hoặc .csv theo tệp mẫu</p>
          </Upload.Dragger>
        </Card>
        <Card title="Bước 3. Tải lên và nhập">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Button
              type="primary"
              size="large"
              icon={<UploadOutlined aria-hidden />}
              disabled={!file || isBusy}
              loading={isBusy}
              onClick={upload}
            >
              Tải lên và nhập
            </Button>
            {isBusy && <Progress percent={progress} status="active" aria-label="Tiến độ tải lên" />}
            {progress === 100 && <ServerWorking />}
            {!file && !isBusy && !outcome && (
              <Typography.Text type="secondary">Chọn tệp ở bước 2 trước.</Typography.Text>
            )}
            {failure !== null && <Alert type="error" showIcon title={describeError(failure)} />}
          </Space>
        </Card>
        {outcome && (
          <Card title="Bước 4. Kết quả" ref={resultRef}>
            {outcome.kind === 'imported' ? (
              <Result
                status="success"
                title={`Đã nhập ${formatNumber(outcome.imported)} ${target.noun}`}
                extra={
                  <Button type="primary" size="large" onClick={() => navigate(target.listPath)}>
                    {target.listLabel}
                  </Button>
                }
              />
            ) : (
              <ImportErrors errors={outcome.errors} />
            )}
          </Card>
        )}
      </Space>
    </>
  );
}

/** Shown once the file is sent: the server checks every row, then imports; a large file takes up to a minute. */
function ServerWorking() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((value) => value + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Alert
      type="info"
      showIcon
      title={`Đã tải lên xong. Hệ thống đang kiểm tra từng dòng rồi mới nhập (đã ${seconds} giây).`}
      description="Tệp lớn (hàng chục nghìn dòng) có thể mất khoảng một phút. Vui lòng không đóng trang; nếu có lỗi, không dòng nào được nhập."
    />
  );
}
