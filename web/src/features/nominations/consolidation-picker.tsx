import { Button, Modal, Table } from 'antd';
import { useState } from 'react';
import { rewardTypeLabels } from '../../../../contracts/awards.ts';
import type { ConsolidationCandidate } from '../../../../contracts/nomination-consolidation.ts';
import type { Nomination } from '../../../../contracts/nominees.ts';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { newIdempotencyKey } from '../../lib/api-client.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { type CandidatePosition, useConsolidate, useConsolidationCandidates } from './consolidation.api.ts';
import { StatusTag } from './labels.tsx';

/** True when the tờ trình may take lower levels' nominees: its own unit drafts it, to a level above. */
export const canConsolidate = (nomination: Nomination) =>
  nomination.actions.includes('edit') && nomination.proposingUnit.id !== nomination.receivingUnit.id;

/**
 * "Tổng hợp từ cấp dưới": picks, page by page, nominees of the lower levels' tờ trình the unit
 * received and adds them to its own tờ trình, each keeping the link to where it came from.
 */
export function ConsolidationPicker({ nomination }: { nomination: Nomination }) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<CandidatePosition>({ limit: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const candidates = useConsolidationCandidates(nomination.id, position, open);
  const consolidate = useConsolidate(nomination.id);
  const submit = async () => {
    try {
      await consolidate.mutateAsync({ nomineeIds: selected, version: nomination.version, idempotencyKey });
      showSuccess(`Đã tổng hợp ${selected.length} đối tượng vào tờ trình.`);
      setSelected([]);
      setIdempotencyKey(newIdempotencyKey());
      setOpen(false);
    } catch (error) {
      showError(error);
      setIdempotencyKey(newIdempotencyKey());
    }
  };
  return (
    <>
      <Button size="large" onClick={() => setOpen(true)}>
        Tổng hợp từ cấp dưới
      </Button>
      <Modal
        open={open}
        title="Tổng hợp đối tượng từ tờ trình của cấp dưới"
        okText={`Tổng hợp ${selected.length} đối tượng`}
        okButtonProps={{ disabled: !selected.length }}
        cancelText="Hủy"
        onOk={submit}
        onCancel={() => setOpen(false)}
        confirmLoading={consolidate.isPending}
        width={960}
      >
        <Table<ConsolidationCandidate>
          rowKey="id"
          size="small"
          loading={candidates.isFetching}
          dataSource={candidates.data?.items ?? []}
          pagination={false}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String)),
            preserveSelectedRowKeys: true,
          }}
          locale={{
            emptyText:
              'Không có đối tượng nào của cấp dưới đã tiếp nhận, cùng thẩm quyền quyết định, đang chờ tổng hợp.',
          }}
          columns={[
            { title: 'Đối tượng', dataIndex: 'name' },
            { title: 'Hình thức đề nghị', dataIndex: 'awardName' },
            { title: 'Loại hình', render: (_, row) => rewardTypeLabels[row.rewardType] },
            { title: 'Đơn vị trình', render: (_, row) => row.proposingUnit.name },
            { title: 'Tờ trình', dataIndex: 'nominationTitle' },
            { title: 'Trạng thái', render: (_, row) => <StatusTag status={row.status} /> },
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
    </>
  );
}
