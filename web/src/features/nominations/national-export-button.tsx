import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import type { Job } from '../../../../contracts/jobs.ts';
import type { Nomination } from '../../../../contracts/nominees.ts';
import { newIdempotencyKey } from '../../lib/api-client.ts';
import { runJobAndDownload } from '../../lib/jobs.ts';
import { showError, showSuccess } from '../../lib/notify.ts';

/**
 * "Tải hồ sơ điện tử (ZIP)" of a tờ trình to the Prime Minister or the President: the package for the
 * national electronic dossier system, made in the background; a secret dossier is refused.
 */
export function NationalExportButton({ nomination }: { nomination: Nomination }) {
  const [job, setJob] = useState<Job | null>(null);
  const [running, setRunning] = useState(false);
  if (nomination.deciderTier === 'receiving_level') return null;
  const start = async () => {
    setRunning(true);
    try {
      await runJobAndDownload(
        `/api/nominations/${nomination.id}/national-export-jobs`,
        { withPdf: true },
        { idempotencyKey: newIdempotencyKey(), fallbackName: 'ho-so-khen-thuong.zip', onProgress: setJob },
      );
      showSuccess('Đã tải gói hồ sơ điện tử về máy.');
    } catch (error) {
      showError(error);
    } finally {
      setRunning(false);
      setJob(null);
    }
  };
  return (
    <Tooltip title="Gói ZIP gửi Hệ thống quản lý hồ sơ khen thưởng điện tử: tờ trình, danh sách, tóm tắt thành tích (Word và PDF) và tệp mô tả.">
      <Button size="large" onClick={start} loading={running}>
        {running && job ? `${job.message ?? 'Đang xử lý…'} ${job.progress} %` : 'Tải hồ sơ điện tử (ZIP)'}
      </Button>
    </Tooltip>
  );
}
