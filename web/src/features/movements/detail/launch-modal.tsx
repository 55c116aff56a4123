import { Alert, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import type { MovementDetail } from '../../../../../contracts/movements.ts';
import { toIsoDate } from '../../../lib/format.ts';
import { showSuccess } from '../../../lib/notify.ts';
import { useLaunchMovement } from '../movements.api.ts';

/**
 * Confirms the launch: the deadline for subordinate units' implementing plans, then one launch only
 * (a second click while the first is on its way does nothing; the server refuses a second launch too).
 */
export function LaunchModal({ movement, onClose }: { movement: MovementDetail; onClose: () => void }) {
  const launch = useLaunchMovement(movement.id);
  const [deadline, setDeadline] = useState<dayjs.Dayjs | null>(() => dayjs().add(30, 'day'));
  const isLaunching = useRef(false);

  const confirm = async () => {
    if (isLaunching.current) return;
    isLaunching.current = true;
    try {
      await launch.mutateAsync(toIsoDate(deadline));
      showSuccess('Đã phát động phong trào. Các đơn vị cấp dưới đã được thông báo.');
      onClose();
    } catch {
      // The global handler shows the server's message (e.g. already launched).
    } finally {
      isLaunching.current = false;
    }
  };

  return (
    <Modal
      open
      title="Phát động phong trào"
      okText="Phát động"
      cancelText="Hủy"
      onOk={() => void confirm()}
      onCancel={onClose}
      confirmLoading={launch.isPending}
      okButtonProps={{ size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
    >
      <Typography.Paragraph style={{ fontSize: 16 }}>
        Phát động phong trào “{movement.name}” của {movement.launchingUnit.name}?
      </Typography.Paragraph>
      <Typography.Paragraph>
        Sau khi phát động, các đơn vị trực thuộc nhận thông báo và phải ban hành kế hoạch triển khai. Việc
        phát động chỉ thực hiện một lần.
      </Typography.Paragraph>
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
