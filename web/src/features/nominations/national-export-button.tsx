import { useQueryClient } from '@tanstack/react-query';
import { Button, Space, Switch, Tooltip } from 'antd';
import { useState } from 'react';
import { NominationSecretReply } from '../../../../contracts/decision-nominees.ts';
import type { Job } from '../../../../contracts/jobs.ts';
import type { Nomination } from '../../../../contracts/nominees.ts';
import { api, newIdempotencyKey } from '../../lib/api-client.ts';
import { runJobAndDownload } from '../../lib/jobs.ts';
import { showError, showSuccess } from '../../lib/notify.ts';

/**
 * "Tải hồ sơ điện tử (ZIP)" of a tờ trình to the Prime Minister or the President: the package for the
 * national electronic dossier system, made in the background; a secret dossier is refused.
 */
export function NationalExportButton({ nomination }: { nomination: Nomination }) {
  const [job, setJob] = useState<Job | null>(null);
  const [running, setRunning] = useState(false);
  const queryClient = useQueryClient();
  if (nomination.deciderTier === 'receiving_level') return null;
  const markSecret = async (secret: boolean) => {
    try {
      await api.put(
        `/api/nominations/${nomination.id}/secret`,
        { secret, version: nomination.version },
        { schema: NominationSecretReply },
      );
      showSuccess(secret ? 'Đã đánh dấu hồ sơ mật.' : 'Đã bỏ đánh dấu hồ sơ mật.');
    } catch (error) {
      showError(error);
    } finally {
      await queryClient.invalidateQueries({ queryKey: ['nominations', 'nomination', nomination.id] });
    }
  };
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
    <Space>
      <Switch
        aria-label="Hồ sơ mật"
        checked={nomination.secret}
        onChange={markSecret}
        checkedChildren="Hồ sơ mật"
        unCheckedChildren="Không mật"
      />
      <Tooltip
        title={
          nomination.secret
            ? 'Hồ sơ mật không được xuất hồ sơ điện tử; gửi bản giấy theo quy định.'
            : 'Gói ZIP gửi Hệ thống quản lý hồ sơ khen thưởng điện tử: tờ trình, danh sách, tóm tắt thành tích (Word và PDF) và tệp mô tả.'
        }
      >
        <Button size="large" onClick={start} loading={running} disabled={nomination.secret}>
          {running && job ? `${job.message ?? 'Đang xử lý…'} ${job.progress} %` : 'Tải hồ sơ điện tử (ZIP)'}
        </Button>
      </Tooltip>
    </Space>
  );
}
