import { Card, Col, Row, Statistic, Table, Tag } from 'antd';
import type { CascadeResponse, ObligationStatus, StatusCounts } from '../../../../../contracts/movements.ts';
import { formatNumber } from '../../../lib/format.ts';
import { obligationLabels } from '../shared/status-tags.tsx';

/** Order of the statuses in counts: what needs attention first. */
export const statusOrder: ObligationStatus[] = [
  'missing',
  'pending',
  'late',
  'on_time',
  'not_applicable',
  'none',
];

const countColors: Record<ObligationStatus, string> = {
  on_time: 'green',
  late: 'orange',
  pending: 'blue',
  missing: 'red',
  not_applicable: 'default',
  none: 'default',
};

/** Non-zero counts of a subtree as small coloured tags ("Quá hạn chưa ban hành: 2"). */
export function CountTags({ counts }: { counts: StatusCounts }) {
  const shown = statusOrder.filter((status) => (counts[status] ?? 0) > 0);
  if (shown.length === 0) return <span>—</span>;
  return (
    <>
      {shown.map((status) => (
        <Tag key={status} color={countColors[status]} style={{ marginBottom: 4 }}>
          {obligationLabels[status]}: {formatNumber(counts[status] ?? 0)}
        </Tag>
      ))}
    </>
  );
}

const levelName = (depth: number) => (depth === 1 ? 'Trực thuộc (cấp 1)' : `Cấp ${depth}`);

/** Totals per level below the unit, and for the whole subtree. */
export function LevelTotals({ cascade }: { cascade: CascadeResponse }) {
  const rows = [
    ...cascade.levels.map((level) => ({
      key: String(level.depth),
      name: levelName(level.depth),
      counts: level.counts,
    })),
    { key: 'all', name: 'Tổng cộng', counts: cascade.totals },
  ];
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      scroll={{ x: 720 }}
      columns={[
        { title: 'Cấp', dataIndex: 'name', width: 170, render: (name: string) => <strong>{name}</strong> },
        ...statusOrder
          .filter((status) => status !== 'none')
          .map((status) => ({
            title: obligationLabels[status],
            key: status,
            align: 'right' as const,
            render: (_: unknown, row: (typeof rows)[number]) => formatNumber(row.counts[status] ?? 0),
          })),
      ]}
    />
  );
}

/** Four headline figures over the whole subtree: issued, on time, not yet issued, overdue. */
export function CascadeSummary({ cascade }: { cascade: CascadeResponse }) {
  const count = (status: ObligationStatus) => cascade.totals[status] ?? 0;
  const obliged = statusOrder
    .filter((status) => status !== 'none' && status !== 'not_applicable')
    .reduce((sum, status) => sum + count(status), 0);
  const figures = [
    {
      key: 'issued',
      title: 'Đã ban hành',
      value: count('on_time') + count('late'),
      suffix: `/ ${obliged}`,
      color: '#389e0d',
    },
    { key: 'late', title: 'Ban hành trễ hạn', value: count('late'), color: '#d46b08' },
    { key: 'pending', title: 'Chưa ban hành (còn hạn)', value: count('pending'), color: '#0958d9' },
    { key: 'missing', title: 'Quá hạn chưa ban hành', value: count('missing'), color: '#cf1322' },
  ];
  return (
    <Row gutter={[12, 12]}>
      {figures.map((figure) => (
        <Col key={figure.key} xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={figure.title}
              value={figure.value}
              suffix={figure.suffix}
              styles={{ content: { color: figure.color } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
