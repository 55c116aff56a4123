import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Input, Modal, Popconfirm, Upload } from 'antd';
import { useState } from 'react';
import type { Job } from '../../../../contracts/jobs.ts';
import { Report } from '../../../../contracts/reports.ts';
import { api, buildUrl, newIdempotencyKey } from '../../lib/api-client.ts';
import { downloadFile } from '../../lib/download.ts';
import { runJobAndDownload } from '../../lib/jobs.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { uploadError, uploadFile } from '../../lib/upload.ts';
import { useSession } from '../auth/index.ts';
import { reportKeys } from './reports.api.ts';

/** The buttons of a report: approve, submit, return, accept, consolidate, read a DOCX, attach, export. */
export function ReportActions({
  report,
  beforeMove,
  afterMove,
}: {
  report: Report;
  /** Saves what the editor holds and gives the version the move carries (a stale one is 409). */
  beforeMove: () => Promise<number>;
  afterMove: (next: Report) => void;
}) {
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [pdfJob, setPdfJob] = useState<Job | null>(null);
  // The PDF is made by LibreOffice in a server job; its progress shows on the button.
  const exportPdf = async () => {
    try {
      await beforeMove();
      await runJobAndDownload(
        `/api/reports/${report.id}/pdf-jobs`,
        {},
        { idempotencyKey: newIdempotencyKey(), fallbackName: 'bao-cao.pdf', onProgress: setPdfJob },
      );
    } catch (error) {
      showError(error);
    } finally {
      setPdfJob(null);
    }
  };
  const can = (action: Report['actions'][number]) => report.actions.includes(action);
  const run = async (path: string, body: Record<string, unknown>, done: string) => {
    setBusy(true);
    try {
      const version = await beforeMove();
      const next = await api.post(
        `/api/reports/${report.id}/${path}`,
        { ...body, version },
        { schema: Report },
      );
      queryClient.setQueryData(reportKeys.report(report.id), next);
      await queryClient.invalidateQueries({ queryKey: ['reports', 'requests'] });
      afterMove(next);
      showSuccess(done);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  const upload = (path: 'import' | 'files', done: string) => async (file: File) => {
    setBusy(true);
    try {
      const version = await beforeMove();
      const reply = await uploadFile(
        buildUrl(`/api/reports/${report.id}/${path}`, { version }),
        file,
        session?.csrfToken ?? null,
        () => undefined,
        newIdempotencyKey(),
      );
      const parsed = reply.status === 200 ? Report.safeParse(reply.payload) : null;
      if (!parsed?.success) throw uploadError(reply);
      queryClient.setQueryData(reportKeys.report(report.id), parsed.data);
      afterMove(parsed.data);
      showSuccess(done);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
    return false;
  };
  return (
    <Flex gap={8} wrap>
      {can('consolidate') && (
        <Popconfirm
          title="Tổng hợp từ báo cáo đã gửi của đơn vị cấp dưới? Nội dung hiện có sẽ được thay."
          okText="Tổng hợp"
          cancelText="Hủy"
          onConfirm={() => run('consolidate', {}, 'Đã tổng hợp từ báo cáo của đơn vị cấp dưới.')}
        >
          <Button loading={busy}>Tổng hợp từ cấp dưới</Button>
        </Popconfirm>
      )}
      {can('edit') && (
        <Upload
          accept=".docx,.txt,.md"
          showUploadList={false}
          beforeUpload={upload('import', 'Đã đọc tệp vào các mục.')}
        >
          <Button icon={<UploadOutlined aria-hidden />} loading={busy}>
            Đọc từ tệp Word
          </Button>
        </Upload>
      )}
      {can('edit') && (
        <Upload showUploadList={false} beforeUpload={upload('files', 'Đã đính kèm tệp.')}>
          <Button loading={busy}>Đính kèm tệp</Button>
        </Upload>
      )}
      {can('approve') && (
        <Button loading={busy} onClick={() => run('approve', {}, 'Thủ trưởng đã duyệt báo cáo.')}>
          Duyệt báo cáo
        </Button>
      )}
      {can('submit') && (
        <Button type="primary" loading={busy} onClick={() => run('submit', {}, 'Đã gửi báo cáo.')}>
          Gửi báo cáo
        </Button>
      )}
      {can('accept') && (
        <Button type="primary" loading={busy} onClick={() => run('accept', {}, 'Đã tiếp nhận báo cáo.')}>
          Tiếp nhận
        </Button>
      )}
      {can('return') && (
        <Button danger loading={busy} onClick={() => setReturning(true)}>
          Trả lại
        </Button>
      )}
      <Button
        onClick={() =>
          downloadFile(`/api/reports/${report.id}/document`, { format: 'docx' }, 'bao-cao.docx').catch(
            showError,
          )
        }
      >
        Xuất Word
      </Button>
      <Button onClick={exportPdf} loading={pdfJob !== null}>
        {pdfJob ? `${pdfJob.message ?? 'Đang xử lý…'} ${pdfJob.progress} %` : 'Xuất PDF'}
      </Button>
      <Modal
        open={returning}
        title="Trả lại báo cáo"
        okText="Trả lại"
        cancelText="Hủy"
        okButtonProps={{ disabled: !reason.trim(), danger: true }}
        onCancel={() => setReturning(false)}
        onOk={async () => {
          await run('return', { reason }, 'Đã trả lại báo cáo.');
          setReturning(false);
        }}
      >
        <Input.TextArea
          aria-label="Lý do trả lại"
          rows={4}
          value={reason}
          maxLength={2000}
          onChange={(event) => setReason(event.target.value)}
          placeholder="Nêu rõ nội dung cần bổ sung, sửa"
        />
      </Modal>
    </Flex>
  );
}
