import { Button, Card, DatePicker, Form, Modal, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Round } from '../../../../contracts/nominations.ts';
import {
  type LowerUnitStatus,
  lowerUnitStatusLabels,
  type RoundUnit,
} from '../../../../contracts/round-deadlines.ts';
import { CursorPager, type CursorPosition } from '../../components/index.ts';
import { formatDate, formatDateTime, parseIsoDate, toIsoDate } from '../../lib/format.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { useRoundUnits, useSetUnitDeadline } from './round-units.api.ts';

const colours: Record<LowerUnitStatus, string> = {
  submitted: 'success',
  late: 'warning',
  pending: 'default',
  overdue: 'error',
};

/**
 * The round's lower units: each one's deadline (its own or the round's), whether it has sent its
 * tờ trình (on time, late, not yet, overdue); the receiving level sets a unit's own deadline.
 */
export function RoundUnitsCard({ round }: { round: Round }) {
  const [position, setPosition] = useState<CursorPosition>({ limit: 20 });
  const list = useRoundUnits(round.id, position);
  const setDeadline = useSetUnitDeadline(round.id);
  const [editing, setEditing] = useState<RoundUnit | null>(null);
  const [value, setValue] = useState<Dayjs | null>(null);
  const canEdit = round.actions.includes('edit');

  const save = async (deadline: string | null) => {
    if (!editing) return;
    try {
      await setDeadline.mutateAsync({
        unitId: editing.unit.id,
        body: { deadline, version: editing.version },
      });
      showSuccess(deadline ? 'Đã đặt hạn riêng cho đơn vị.' : 'Đơn vị theo hạn chung của đợt.');
      setEditing(null);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Card title="Đơn vị cấp dưới: hạn gửi và tình trạng" style={{ marginBottom: 16 }}>
      <Table<RoundUnit>
        rowKey={(row) => row.unit.id}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: 'Không có đơn vị cấp dưới' }}
        columns={[
          { title: 'Đơn vị', render: (_, row) => row.unit.name },
          {
            title: 'Hạn gửi tờ trình',
            render: (_, row) =>
              row.deadline ? (
                <>
                  {formatDate(row.deadline)} {row.ownDeadline ? <Tag>Hạn riêng</Tag> : null}
                </>
              ) : (
                'Không đặt'
              ),
          },
          {
            title: 'Tình trạng',
            render: (_, row) => <Tag color={colours[row.status]}>{lowerUnitStatusLabels[row.status]}</Tag>,
          },
          { title: 'Ngày gửi', render: (_, row) => formatDateTime(row.submittedAt) || '—' },
          ...(canEdit
            ? [
                {
                  title: '',
                  width: 150,
                  render: (_: unknown, row: RoundUnit) => (
                    <Button
                      size="small"
                      onClick={() => {
                        setEditing(row);
                        setValue(parseIsoDate(row.ownDeadline ?? row.deadline));
                      }}
                    >
                      Đặt hạn riêng
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <CursorPager page={list.data} position={position} onChange={setPosition} noun="đơn vị" />
      <Modal
        open={Boolean(editing)}
        title={`Hạn gửi tờ trình của ${editing?.unit.name ?? ''}`}
        onCancel={() => setEditing(null)}
        footer={
          <Space>
            {editing?.ownDeadline && (
              <Button onClick={() => save(null)} loading={setDeadline.isPending}>
                Theo hạn chung của đợt
              </Button>
            )}
            <Button onClick={() => setEditing(null)}>Hủy</Button>
            <Button
              type="primary"
              disabled={!value}
              loading={setDeadline.isPending}
              onClick={() => save(toIsoDate(value) ?? null)}
            >
              Lưu
            </Button>
          </Space>
        }
      >
        <Form layout="vertical">
          <Form.Item label="Hạn riêng (để trống thì theo hạn chung của đợt)">
            <DatePicker
              aria-label="Hạn riêng"
              format="DD/MM/YYYY"
              size="large"
              value={value}
              onChange={(date) => setValue(date)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
