import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { MovementDetail, Registration, RegistrationStatus } from '../../../../../contracts/movements.ts';
import { CursorPager, type CursorPosition, LoadFailedResult } from '../../../components/index.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { describeError, showSuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/index.ts';
import { officerUnits } from '../shared/officer-units.ts';
import { RegistrationStatusTag, registrationLabels } from '../shared/status-tags.tsx';
import { ConsolidateModal } from './consolidate-modal.tsx';
import { ReasonModal } from './reason-modal.tsx';
import { RegistrationFormModal } from './registration-form-modal.tsx';
import { useMoveRegistration, useRegistrations } from './registrations.api.ts';

const kindLabels = { unit: 'Đơn vị', person: 'Cá nhân', consolidated: 'Tổng hợp' } as const;

/** The pledge with its numeric targets under it. */
function PledgeCell({ registration }: { registration: Registration }) {
  return (
    <>
      <Typography.Paragraph
        style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}
        ellipsis={{ rows: 3, expandable: true, symbol: 'Xem thêm' }}
      >
        {registration.pledge}
      </Typography.Paragraph>
      {registration.targets.map((target) => (
        <Tag key={target.label} color="blue" style={{ marginBottom: 4 }}>
          {target.label}: {formatNumber(target.value)}
          {target.unit ? ` ${target.unit}` : ''}
        </Tag>
      ))}
    </>
  );
}

/**
 * The "Đăng ký thi đua" tab: registrations by state, a form to register (a unit, or oneself), submit
 * (a double click sends once), approve or return with a reason, and consolidate a unit's registrations.
 */
export function RegistrationsTab({ movement }: { movement: MovementDetail }) {
  const { user } = useSession();
  const [status, setStatus] = useState<RegistrationStatus | undefined>();
  const [position, setPosition] = useState<CursorPosition>({ limit: 20 });
  const [exactTotal, setExactTotal] = useState(false);
  const registrations = useRegistrations(movement.id, status, position, exactTotal);
  const move = useMoveRegistration(movement.id);
  const [isFormOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Registration | null>(null);
  const [returning, setReturning] = useState<Registration | null>(null);
  const [isConsolidating, setConsolidating] = useState(false);
  // Ids being moved: a second click before the reply arrives is ignored.
  const moving = useRef(new Set<string>());
  const canRegister = movement.actions.includes('register');
  const units = officerUnits(user);

  const act = async (
    registration: Registration,
    action: 'submit' | 'approve' | 'return',
    reason?: string,
  ) => {
    if (moving.current.has(registration.id)) return;
    moving.current.add(registration.id);
    try {
      await move.mutateAsync({ id: registration.id, move: action, reason });
      showSuccess(
        action === 'submit'
          ? 'Đã gửi bản đăng ký.'
          : action === 'approve'
            ? 'Đã duyệt bản đăng ký.'
            : 'Đã trả lại bản đăng ký.',
      );
      setReturning(null);
    } catch {
      // The global handler shows the server's message.
    } finally {
      moving.current.delete(registration.id);
    }
  };

  if (registrations.isError)
    return (
      <LoadFailedResult
        message={describeError(registrations.error)}
        onRetry={() => void registrations.refetch()}
      />
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {movement.status === 'draft' && (
        <Alert type="info" showIcon title="Phong trào chưa phát động nên chưa nhận đăng ký thi đua." />
      )}
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Select
          aria-label="Lọc theo trạng thái"
          allowClear
          placeholder="Tất cả trạng thái"
          size="large"
          style={{ minWidth: 200 }}
          value={status}
          onChange={(next) => {
            setStatus(next);
            setPosition({ limit: position.limit });
            setExactTotal(false);
          }}
          options={(Object.keys(registrationLabels) as RegistrationStatus[]).map((value) => ({
            value,
            label: registrationLabels[value],
          }))}
        />
        <Space wrap>
          {canRegister && units.length > 0 && (
            <Button size="large" onClick={() => setConsolidating(true)}>
              Tổng hợp đăng ký
            </Button>
          )}
          {canRegister && (
            <Button
              type="primary"
              size="large"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setFormOpen(true)}
            >
              Đăng ký thi đua
            </Button>
          )}
        </Space>
      </Space>
      <Table<Registration>
        rowKey="id"
        loading={registrations.isFetching}
        dataSource={registrations.data?.items ?? []}
        scroll={{ x: 980 }}
        locale={{ emptyText: 'Chưa có bản đăng ký nào.' }}
        pagination={false}
        columns={[
          {
            title: 'Đối tượng',
            width: 240,
            render: (_, row) => (
              <Space orientation="vertical" size={0}>
                <strong>{row.person?.fullName ?? row.unit.name}</strong>
                <Typography.Text type="secondary">
                  {kindLabels[row.kind]}
                  {row.person ? ` · ${row.unit.name}` : ''}
                </Typography.Text>
              </Space>
            ),
          },
          { title: 'Nội dung đăng ký', render: (_, row) => <PledgeCell registration={row} /> },
          {
            title: 'Trạng thái',
            width: 200,
            render: (_, row) => (
              <Space orientation="vertical" size={2}>
                <RegistrationStatusTag status={row.status} />
                {row.status === 'returned' && row.returnReason && (
                  <Typography.Text type="danger">Lý do: {row.returnReason}</Typography.Text>
                )}
              </Space>
            ),
          },
          { title: 'Ngày gửi', width: 110, render: (_, row) => formatDate(row.submittedAt) },
          {
            title: 'Thao tác',
            width: 190,
            // Always in view: a reviewer on a narrow screen must not have to scroll to find Duyệt.
            fixed: 'right',
            render: (_, row) => (
              <Space wrap size={4}>
                {row.actions.includes('edit') && <Button onClick={() => setEditing(row)}>Sửa</Button>}
                {row.actions.includes('submit') && (
                  <Button type="primary" disabled={move.isPending} onClick={() => void act(row, 'submit')}>
                    Gửi
                  </Button>
                )}
                {row.actions.includes('approve') && (
                  <Button type="primary" disabled={move.isPending} onClick={() => void act(row, 'approve')}>
                    Duyệt
                  </Button>
                )}
                {row.actions.includes('return') && (
                  <Button danger onClick={() => setReturning(row)}>
                    Trả lại
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CursorPager
        page={registrations.data}
        position={position}
        onChange={setPosition}
        noun="bản đăng ký"
        onExactTotal={() => setExactTotal(true)}
        isLoading={registrations.isFetching}
      />
      {(isFormOpen || editing) && (
        <RegistrationFormModal
          movementId={movement.id}
          editing={editing}
          onClose={() => {
            setFormOpen(false);
            setEditing(null);
          }}
        />
      )}
      {returning && (
        <ReasonModal
          title={`Trả lại bản đăng ký của ${returning.person?.fullName ?? returning.unit.name}`}
          isSaving={move.isPending}
          onSave={(reason) => void act(returning, 'return', reason)}
          onClose={() => setReturning(null)}
        />
      )}
      {isConsolidating && (
        <ConsolidateModal movementId={movement.id} units={units} onClose={() => setConsolidating(false)} />
      )}
    </Space>
  );
}
