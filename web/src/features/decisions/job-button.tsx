import { Button } from 'antd';
import { useState } from 'react';
import type { DecisionView } from '../../../../contracts/decisions.ts';
import type { Job } from '../../../../contracts/jobs.ts';
import { newIdempotencyKey } from '../../lib/api-client.ts';
import { runJobAndDownload } from '../../lib/jobs.ts';
import { showError, showSuccess } from '../../lib/notify.ts';

/** A background job (PDF, certificates) with its progress on the button. */
export function JobButton({
  decision,
  kind,
  label,
}: {
  decision: DecisionView;
  kind: 'pdf' | 'certificates';
  label: string;
}) {
  const [job, setJob] = useState<Job | null>(null);
  const [running, setRunning] = useState(false);
  const start = async () => {
    setRunning(true);
    try {
      await runJobAndDownload(
        `/api/decisions/${decision.id}/document-jobs`,
        { kind },
        { idempotencyKey: newIdempotencyKey(), fallbackName: `${kind}.pdf`, onProgress: setJob },
      );
      showSuccess('Đã tải tệp PDF về máy.');
    } catch (error) {
      showError(error);
    } finally {
      setRunning(false);
      setJob(null);
    }
  };
  return (
    <Button onClick={start} loading={running}>
      {running && job ? `${job.message ?? 'Đang xử lý…'} ${job.progress} %` : label}
    </Button>
  );
}
