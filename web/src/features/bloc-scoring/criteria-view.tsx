import { Table, Tag } from 'antd';
import { type CriterionView, criterionKindLabels } from '../../../../contracts/bloc-scoring.ts';
import { formatNumber } from '../../lib/format.ts';

/** The rule of a leaf in words: points per item, penalty and bounds. */
export function ruleText(row: CriterionView): string {
  if (row.kind === 'fixed') return `${formatNumber(row.pointsPerItem ?? 0)} điểm/trường hợp`;
  if (row.kind === 'bonus_penalty') {
    const parts = [];
    if (row.pointsPerItem) parts.push(`+${formatNumber(row.pointsPerItem)}/trường hợp`);
    if (row.penaltyPerItem) parts.push(`−${formatNumber(row.penaltyPerItem)}/vi phạm`);
    if (row.minPoints !== null) parts.push(`thấp nhất ${formatNumber(row.minPoints)}`);
    return parts.join('; ');
  }
  return '';
}

/** The locked criteria tree: groups in bold, leaves indented, with kind, maximum and evidence flag. */
export function CriteriaView({ criteria }: { criteria: CriterionView[] }) {
  return (
    <Table<CriterionView>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={criteria}
      scroll={{ x: 800 }}
      columns={[
        { title: 'Mã', dataIndex: 'code', width: 70 },
        {
          title: 'Nội dung tiêu chí',
          render: (_, row) => (
            <span style={{ paddingLeft: row.depth * 16, fontWeight: row.kind === 'group' ? 600 : 400 }}>
              {row.title}
            </span>
          ),
        },
        {
          title: 'Loại',
          width: 240,
          render: (_, row) => (
            <>
              {criterionKindLabels[row.kind]}
              {ruleText(row) && <div style={{ color: '#595959' }}>{ruleText(row)}</div>}
            </>
          ),
        },
        { title: 'Điểm tối đa', dataIndex: 'maxPoints', width: 100, align: 'right', render: formatNumber },
        {
          title: 'Minh chứng',
          width: 120,
          render: (_, row) => (row.evidenceRequired ? <Tag color="orange">Bắt buộc</Tag> : null),
        },
      ]}
    />
  );
}
