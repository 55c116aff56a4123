import { useQueryClient } from '@tanstack/react-query';
import { Modal, Table } from 'antd';
import { useState } from 'react';
import { SessionView } from '../../../../contracts/council-sessions.ts';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { api } from '../../lib/api-client.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { type Position, sessionKeys, useCandidates } from './council-sessions.api.ts';

/** Picks appraised nominees of tờ trình received by the council's level and puts them on the agenda. */
export function AddAgendaModal({
  session,
  open,
  onClose,
}: {
  session: SessionView;
  open: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [position, setPosition] = useState<Position>({ limit: 50 });
  const [selected, setSelected] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const candidates = useCandidates(session.id, position, open);
  const submit = async () => {
    setSaving(true);
    try {
      const view = await api.post(
        `/api/council-sessions/${session.id}/agenda`,
        { version: session.version, nomineeIds: selected },
        { schema: SessionView },
      );
      queryClient.setQueryData(sessionKeys.one(session.id), view);
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
      showSuccess(`Đã đưa ${selected.length} đối tượng ra phiên họp.`);
      setSelected([]);
      onClose();
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title="Đưa đối tượng đã thẩm định ra phiên họp"
      okText={`Đưa ${selected.length} đối tượng ra phiên họp`}
      okButtonProps={{ disabled: !selected.length }}
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      width={900}
    >
      <Table
        rowKey="nomineeId"
        size="small"
        loading={candidates.isFetching}
        dataSource={candidates.data?.items ?? []}
        pagination={false}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          preserveSelectedRowKeys: true,
        }}
        locale={{ emptyText: 'Không có đối tượng nào đã thẩm định đang chờ Hội đồng xét.' }}
        columns={[
          { title: 'Họ và tên / Tên tập thể', dataIndex: 'name' },
          { title: 'Đơn vị', dataIndex: 'unitName' },
          { title: 'Danh hiệu, hình thức', dataIndex: 'awardName' },
          { title: 'Tờ trình', dataIndex: 'nominationTitle' },
        ]}
      />
      <CursorPager
        page={candidates.data}
        position={position}
        onChange={setPosition}
        noun="đối tượng"
        isLoading={candidates.isFetching}
      />
    </Modal>
  );
}
