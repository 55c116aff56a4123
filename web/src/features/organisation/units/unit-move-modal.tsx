import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal } from 'antd';
import type { UnitDetail } from '../../../../../contracts/organisation.ts';
import { VersionConflictNotice } from '../../../components/index.ts';
import { showError, showSuccess } from '../../../lib/notify.ts';
import { useVersionedEdit } from '../../../lib/version-conflict.ts';
import { UnitSelect } from '../shared/unit-select.tsx';
import { unitKeys, useUnitMutations } from './units.api.ts';

/** Dialog to move a unit (with everything under it) to another parent, after a confirmation. */
export function UnitMoveModal({
  unit,
  open,
  onClose,
}: {
  unit: UnitDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ parentId: string }>();
  const { move } = useUnitMutations(unit.id);
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const edit = useVersionedEdit({
    version: unit.version,
    onReload: () => void queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });

  const submit = ({ parentId }: { parentId: string }) =>
    modal.confirm({
      title: 'Chuyển đơn vị?',
      content: `"${unit.name}" và toàn bộ đơn vị trực thuộc sẽ chuyển sang đơn vị cấp trên mới. Lịch sử được ghi lại trong nhật ký.`,
      okText: 'Chuyển',
      cancelText: 'Hủy',
      onOk: () =>
        move.mutateAsync({ parentId, version: edit.version }).then(
          () => {
            showSuccess('Đã chuyển đơn vị.');
            onClose();
          },
          (error: unknown) => {
            if (!edit.handleError(error)) showError(error);
          },
        ),
    });

  return (
    <Modal
      title="Chuyển sang đơn vị cấp trên khác"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Tiếp tục"
      cancelText="Hủy"
      destroyOnHidden
    >
      <VersionConflictNotice edit={edit} />
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item
          label="Đơn vị cấp trên mới"
          name="parentId"
          rules={[{ required: true, message: 'Vui lòng chọn đơn vị cấp trên' }]}
        >
          <UnitSelect excludeIds={[unit.id, ...(unit.parentId ? [unit.parentId] : [])]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
