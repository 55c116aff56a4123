import type { TableColumnsType } from 'antd';
import { Descriptions, Table, Typography } from 'antd';
import { type AuditEvent, auditActionLabel, auditEntityLabel } from '../../../../contracts/audit.ts';
import { formatDateTimeSeconds } from '../../lib/format.ts';
import { type AuditDetailRow, auditDetails } from './audit-details.ts';
import styles from './audit-log-page.module.css';

const none = <Typography.Text type="secondary">—</Typography.Text>;

/** Long ids (UUIDs) are cut to their first 8 characters in the table; the full id is in the row's detail. */
function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/** Columns of the audit table; wide text wraps so nothing hides behind a horizontal scroll on desktop. */
export const auditColumns: TableColumnsType<AuditEvent> = [
  {
    title: 'Thời gian',
    dataIndex: 'occurredAt',
    width: 170,
    render: (value: string) => <span className={styles.nowrap}>{formatDateTimeSeconds(value)}</span>,
  },
  {
    title: 'Người thực hiện',
    dataIndex: 'actorUsername',
    width: 150,
    responsive: ['sm'],
    render: (value: string | null) => value ?? <Typography.Text type="secondary">Hệ thống</Typography.Text>,
  },
  {
    title: 'Thao tác',
    dataIndex: 'action',
    width: 170,
    render: (action: string) => auditActionLabel(action),
  },
  {
    title: 'Đối tượng',
    key: 'entity',
    width: 260,
    responsive: ['sm'],
    render: (_, event) => (
      <span className={styles.entity}>
        <Typography.Text type="secondary">{auditEntityLabel(event.entityType)}</Typography.Text>
        {event.entityName ? (
          <span className={styles.entityName} title={event.entityName}>
            {event.entityName}
          </span>
        ) : null}
      </span>
    ),
  },
  {
    title: 'Lý do',
    dataIndex: 'reason',
    responsive: ['md'],
    render: (value: string | null) => value || none,
  },
  {
    title: 'Mã yêu cầu',
    dataIndex: 'requestId',
    width: 140,
    responsive: ['lg'],
    render: (value: string | null) =>
      value ? (
        <Typography.Text
          className={styles.requestId}
          title={value}
          copyable={{ text: value, tooltips: ['Sao chép mã đầy đủ', 'Đã chép'] }}
        >
          {shortId(value)}
        </Typography.Text>
      ) : (
        none
      ),
  },
];

function entityText(event: AuditEvent): string {
  const kind = auditEntityLabel(event.entityType);
  return event.entityName ? `${kind}: ${event.entityName}` : kind;
}

const detailColumns: TableColumnsType<AuditDetailRow> = [
  { title: 'Trường', dataIndex: 'label', width: '28%' },
  { title: 'Trước khi thay đổi', dataIndex: 'before', className: styles.value },
  { title: 'Sau khi thay đổi', dataIndex: 'after', className: styles.value },
];

/** The expanded row: the fields that changed, before and after, by their Vietnamese names. */
export function AuditEventDetail({ event }: { event: AuditEvent }) {
  const { rows, unchanged } = auditDetails(event);
  return (
    <div className={styles.detail}>
      {rows.length > 0 ? (
        <Table<AuditDetailRow>
          className={styles.changes}
          rowKey="key"
          size="small"
          bordered
          pagination={false}
          columns={detailColumns}
          dataSource={rows}
          rowClassName={(row) => (row.changed && event.before !== null ? (styles.changed ?? '') : '')}
          scroll={{ x: 520 }}
        />
      ) : (
        <Typography.Text type="secondary">Sự kiện này không ghi chi tiết thay đổi.</Typography.Text>
      )}
      {unchanged > 0 && (
        <Typography.Paragraph type="secondary" className={styles.unchanged}>
          Còn {unchanged} trường không thay đổi.
        </Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        style={{ marginTop: 12 }}
        items={[
          { key: 'actor', label: 'Người thực hiện', children: event.actorUsername ?? 'Hệ thống' },
          { key: 'entity', label: 'Đối tượng', children: entityText(event) },
          { key: 'reason', label: 'Lý do', children: event.reason || '—' },
          { key: 'request', label: 'Mã yêu cầu', children: event.requestId ?? '—' },
          { key: 'ip', label: 'Địa chỉ IP', children: event.ip ?? '—' },
        ]}
      />
    </div>
  );
}
