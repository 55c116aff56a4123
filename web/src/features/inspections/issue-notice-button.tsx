import { Button, Modal } from 'antd';
import {
  NOTICE_SYMBOL,
  type TargetView,
  TargetView as TargetViewSchema,
} from '../../../../contracts/inspections.ts';
import { api } from '../../lib/api-client.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { useRefreshInspections } from './inspections.api.ts';

/**
 * Issues the conclusion notice of a target after confirmation: the server gives it the next number
 * of the council's register for the year, once; the conclusion and recommendations are then fixed.
 */
export function IssueNoticeButton({ target }: { target: TargetView }) {
  const refresh = useRefreshInspections();
  const confirm = () =>
    Modal.confirm({
      title: 'Ban hành thông báo kết luận kiểm tra?',
      content: `Thông báo được cấp số tiếp theo trong sổ thông báo của Hội đồng (…/${NOTICE_SYMBOL}) với ngày hôm nay. Sau khi ban hành, kết luận và kiến nghị không sửa được nữa; số đã cấp không dùng lại.`,
      okText: 'Ban hành',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          const issued = await api.post(
            `/api/inspection-targets/${target.id}/notice/issue`,
            { version: target.version },
            { schema: TargetViewSchema },
          );
          showSuccess(`Đã ban hành thông báo kết luận số ${issued.notice?.number ?? ''}.`);
        } catch (error) {
          showError(error);
        }
        await refresh();
      },
    });
  return (
    <Button type="primary" disabled={!target.conclusion.trim()} onClick={confirm}>
      Ban hành thông báo kết luận
    </Button>
  );
}
