import type { TableColumnsType } from 'antd';
import { Col, Descriptions, Row, Typography } from 'antd';
import { type AuditEvent, auditActionLabels } from '../../../../contracts/audit.ts';
import { formatDateTimeSeconds } from '../../lib/format.ts';
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
    render: (action: string) => {
      const label = auditActionLabels[action];
      return label ? <span title={action}>{label}</span> : <Typography.Text code>{action}</Typography.Text>;
    },
  },
  {
    title: 'Đối tượng',
    key: 'entity',
    width: 200,
    responsive: ['sm'],
    render: (_, event) => (
      <span className={styles.entity}>
        {event.entityType}
        {event.entityId && (
          <Typography.Text type="secondary" title={event.entityId}>
            {' '}
            #{shortId(event.entityId)}
          </Typography.Text>
        )}
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
  return event.entityId ? `${event.entityType} #${event.entityId}` : event.entityType;
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      {value === null || value === undefined ? (
        <div className={styles.jsonEmpty}>(không có)</div>
      ) : (
        <pre className={styles.json}>{JSON.stringify(value, null, 2)}</pre>
      )}
    </div>
  );
}

/** The expanded row: the record before and after the change, side by side (stacked on a phone). */
export function AuditEventDetail({ event }: { event: AuditEvent }) {
  return (
    <div className={styles.detail}>
      <Row gutter={[16, 12]}>
        <Col xs={24} md={12}>
          <JsonBlock title="Trước khi thay đổi" value={event.before} />
        </Col>
        <Col xs={24} md={12}>
          <JsonBlock title="Sau khi thay đổi" value={event.after} />
        </Col>
      </Row>
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
