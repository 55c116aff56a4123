import { Alert, Checkbox, DatePicker, Form, Modal, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import type { MovementDetail } from '../../../../../contracts/movements.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { toIsoDate } from '../../../lib/format.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { useLaunchCheck, useLaunchWithWarnings } from '../plan/plan-issue.api.ts';

/**
 * Confirms the launch: what an implementing plan still lacks (number, date, signer: nothing can be
 * issued until they are filled), what does not fit (another unit's plan, an ended period, a movement
 * with the same number or name) with an explicit "vẫn phát động" tick, the deadline for subordinate
 * units' implementing plans, then one launch only (a second click while the first is on its way does
 * nothing; the server refuses a second launch too).
 */
export function LaunchModal({ movement, onClose }: { movement: MovementDetail; onClose: () => void }) {
  const check = useLaunchCheck(movement.id);
  const launch = useLaunchWithWarnings(movement.id);
  const [deadline, setDeadline] = useState<dayjs.Dayjs | null>(() => dayjs().add(30, 'day'));
  const [isConfirmed, setConfirmed] = useState(false);
  const isLaunching = useRef(false);
  const issues = movement.parentMovement !== null;
  const action = issues ? 'Ban hành, phát động' : 'Phát động';
  const warnings = check.data?.warnings ?? [];
  const missing = check.data?.missing ?? [];
  const canLaunch = check.isSuccess && missing.length === 0 && (warnings.length === 0 || isConfirmed);

  const confirm = async () => {
    if (isLaunching.current || !canLaunch) return;
    isLaunching.current = true;
    try {
      await launch.mutateAsync({
        planDeadline: toIsoDate(deadline),
        confirmedWarnings: warnings.map((warning) => warning.code),
      });
      showSuccess(
        issues
          ? 'Đã ban hành kế hoạch và phát động phong trào. Các đơn vị cấp dưới đã được thông báo.'
          : 'Đã phát động phong trào. Các đơn vị cấp dưới đã được thông báo.',
      );
      onClose();
    } catch (error) {
      // The global handler shows the server's message; something new to confirm is shown here.
      if (isApiError(error, 'LAUNCH_WARNINGS')) {
        setConfirmed(false);
        void check.refetch();
      }
    } finally {
      isLaunching.current = false;
    }
  };

  return (
    <Modal
      open
      title={issues ? 'Ban hành kế hoạch và phát động phong trào' : 'Phát động phong trào'}
      okText={warnings.length > 0 ? `Vẫn ${action.toLowerCase()}` : action}
      cancelText="Hủy"
      onOk={() => void confirm()}
      onCancel={onClose}
      confirmLoading={launch.isPending}
      okButtonProps={{ size: 'large', disabled: !canLaunch || launch.isPending }}
      cancelButtonProps={{ size: 'large' }}
      width={640}
    >
      <Typography.Paragraph style={{ fontSize: 16 }}>
        {action} phong trào “{movement.name}” của {movement.launchingUnit.name}?
      </Typography.Paragraph>
      <Typography.Paragraph>
        Sau khi phát động, các đơn vị trực thuộc nhận thông báo và phải ban hành kế hoạch triển khai. Việc
        phát động chỉ thực hiện một lần.
      </Typography.Paragraph>
      {check.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {check.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="Chưa kiểm tra được kế hoạch. Vui lòng thử lại."
        />
      )}
      {missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={`Chưa ban hành được: kế hoạch còn thiếu ${missing.join(', ')}.`}
          description="Đóng hộp thoại này, bấm “Sửa thông tin văn bản” ở thẻ Kế hoạch để điền, rồi ban hành lại."
        />
      )}
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={`Có ${warnings.length} điểm chưa khớp, cần xem lại trước khi ${action.toLowerCase()}:`}
          description={
            <>
              <ul style={{ margin: '4px 0 8px', paddingLeft: 20 }}>
                {warnings.map((warning) => (
                  <li key={warning.code}>{warning.message}</li>
                ))}
              </ul>
              <Checkbox checked={isConfirmed} onChange={(event) => setConfirmed(event.target.checked)}>
                Tôi đã xem các điểm trên và vẫn muốn {action.toLowerCase()}.
              </Checkbox>
            </>
          }
        />
      )}
      <Form layout="vertical">
        <Form.Item label="Hạn ban hành kế hoạch triển khai của đơn vị cấp dưới" htmlFor="plan-deadline">
          <DatePicker
            id="plan-deadline"
            size="large"
            format="DD/MM/YYYY"
            value={deadline}
            onChange={setDeadline}
            allowClear={false}
            disabledDate={(date) => date.isBefore(dayjs(), 'day')}
          />
        </Form.Item>
      </Form>
      {movement.unclassified.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`Kế hoạch còn ${movement.unclassified.length} dòng chưa xếp được; nên xem lại trước khi phát động.`}
        />
      )}
    </Modal>
  );
}
