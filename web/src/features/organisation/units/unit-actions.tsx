import { DragOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import type { UnitDetail } from '../../../../../contracts/organisation.ts';
import { UnitCreateModal } from './unit-create-modal.tsx';
import { UnitEditModal } from './unit-edit-modal.tsx';
import { UnitEndModal } from './unit-end-modal.tsx';
import { UnitMoveModal } from './unit-move-modal.tsx';

type Dialog = 'edit' | 'move' | 'end' | 'create' | null;

/** The buttons the server allows on this unit (its `actions`), each opening its dialog. */
export function UnitActions({ unit }: { unit: UnitDetail }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const can = (action: UnitDetail['actions'][number]) => unit.actions.includes(action);
  if (!can('edit') && !can('move') && !can('end') && !can('create_child')) return null;
  return (
    <>
      <Space wrap>
        {can('create_child') && unit.isActive && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('create')}>
            Thêm đơn vị trực thuộc
          </Button>
        )}
        {can('edit') && (
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('edit')}>
            Sửa
          </Button>
        )}
        {can('move') && (
          <Button icon={<DragOutlined aria-hidden />} onClick={() => setDialog('move')}>
            Chuyển đơn vị cấp trên
          </Button>
        )}
        {can('end') && unit.isActive && (
          <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog('end')}>
            Kết thúc đơn vị
          </Button>
        )}
      </Space>
      {dialog === 'edit' && <UnitEditModal unit={unit} open onClose={close} />}
      {dialog === 'move' && <UnitMoveModal unit={unit} open onClose={close} />}
      {dialog === 'end' && <UnitEndModal unit={unit} open onClose={close} />}
      {dialog === 'create' && <UnitCreateModal parent={unit} onClose={close} />}
    </>
  );
}
