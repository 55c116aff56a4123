import { EditOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PersonDetail } from '../../../../../contracts/organisation.ts';
import { PersonCreateModal, PersonEditModal } from './person-form.tsx';
import { PersonTransferModal } from './person-transfer-modal.tsx';

/** "Sửa" and "Chuyển công tác" on a person's page, when the server allows editing them. */
export function PersonActions({ person }: { person: PersonDetail }) {
  const [dialog, setDialog] = useState<'edit' | 'transfer' | null>(null);
  if (!person.actions.includes('edit')) return null;
  const close = () => setDialog(null);
  return (
    <>
      <Space wrap>
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('edit')}>
          Sửa
        </Button>
        <Button icon={<SwapOutlined aria-hidden />} onClick={() => setDialog('transfer')}>
          Chuyển công tác
        </Button>
      </Space>
      {dialog === 'edit' && <PersonEditModal person={person} onClose={close} />}
      {dialog === 'transfer' && <PersonTransferModal person={person} onClose={close} />}
    </>
  );
}

/** "Thêm cán bộ": opens the dialog (the unit chosen in advance, if given), then the new person's page. */
export function AddPersonButton({
  unitId,
  type = 'default',
}: {
  unitId?: string;
  type?: 'primary' | 'default';
}) {
  const [isOpen, setOpen] = useState(false);
  const navigate = useNavigate();
  return (
    <>
      <Button type={type} icon={<UserAddOutlined aria-hidden />} onClick={() => setOpen(true)}>
        Thêm cán bộ
      </Button>
      {isOpen && (
        <PersonCreateModal
          unitId={unitId}
          onClose={() => setOpen(false)}
          onCreated={(person) => navigate(`/to-chuc/can-bo/${person.id}`)}
        />
      )}
    </>
  );
}
