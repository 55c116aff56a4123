import { DeleteOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import {
  type InspectionItem,
  type InspectionView,
  InspectionView as InspectionViewSchema,
  type TargetListItem,
  type TeamMember,
} from '../../../../contracts/inspections.ts';
import { api } from '../../lib/api-client.ts';
import { formatDate } from '../../lib/format.ts';
import { showError, showSuccess } from '../../lib/notify.ts';

/**
 * Asks before removing a part of a draft plan, then removes it at the version loaded: a plan changed
 * meanwhile answers 409 and the refusal is shown in Vietnamese; the page is refreshed either way.
 */
function confirmRemoval(options: {
  title: string;
  content: string;
  done: string;
  work: () => Promise<unknown>;
  refresh: () => Promise<unknown>;
}) {
  Modal.confirm({
    title: options.title,
    content: options.content,
    okText: 'Bỏ',
    okButtonProps: { danger: true },
    cancelText: 'Hủy',
    onOk: async () => {
      try {
        await options.work();
        showSuccess(options.done);
      } catch (error) {
        showError(error);
      }
      await options.refresh();
    },
  });
}

/** The "Bỏ" buttons of a draft plan's content items, team members and targets. */
export function removalButtons(plan: InspectionView, refresh: () => Promise<unknown>) {
  const button = (label: string, onClick: () => void) => (
    <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={label} onClick={onClick}>
      Bỏ
    </Button>
  );
  return {
    item: (item: InspectionItem) =>
      button(`Bỏ nội dung: ${item.text}`, () =>
        confirmRemoval({
          title: 'Bỏ nội dung kiểm tra này?',
          content: `“${item.text}” sẽ không còn trong kế hoạch kiểm tra.`,
          done: 'Đã bỏ nội dung kiểm tra.',
          refresh,
          work: () =>
            api.patch(
              `/api/inspections/${plan.id}`,
              { items: plan.items.filter((kept) => kept.id !== item.id), version: plan.version },
              { schema: InspectionViewSchema },
            ),
        }),
      ),
    member: (member: TeamMember) =>
      button(`Bỏ thành viên: ${member.name}`, () =>
        confirmRemoval({
          title: 'Bỏ thành viên khỏi đoàn kiểm tra?',
          content: `${member.name} (${member.unitName}) sẽ không còn trong đoàn kiểm tra.`,
          done: 'Đã bỏ thành viên khỏi đoàn kiểm tra.',
          refresh,
          work: () =>
            api.delete(`/api/inspections/${plan.id}/team/${member.id}`, {
              query: { version: plan.version },
              schema: InspectionViewSchema,
            }),
        }),
      ),
    target: (target: TargetListItem) =>
      button(`Bỏ đơn vị: ${target.unitName}`, () =>
        confirmRemoval({
          title: 'Bỏ đơn vị khỏi kế hoạch kiểm tra?',
          content: `${target.unitName} (ngày kiểm tra ${formatDate(target.inspectOn)}) sẽ không được kiểm tra theo kế hoạch này.`,
          done: 'Đã bỏ đơn vị khỏi kế hoạch kiểm tra.',
          refresh,
          work: () =>
            api.delete(`/api/inspections/${plan.id}/targets/${target.id}`, {
              query: { version: plan.version },
              schema: InspectionViewSchema,
            }),
        }),
      ),
  };
}
