import { Alert, Select, Table } from 'antd';
import { useState } from 'react';
import type { ScoringTableView, TargetsView } from '../../../../contracts/bloc-scoring.ts';
import { describeError } from '../../lib/notify.ts';
import { useTargets } from './bloc-scoring.api.ts';
import { formatPoints } from './labels.ts';

type Member = TargetsView['members'][number];

/**
 * "Chỉ tiêu các đơn vị": for each quantitative criterion, the target of each member unit of a bloc
 * (a member unit sees its own row until the ranking is published).
 */
export function TargetsTable({ table }: { table: ScoringTableView }) {
  const [blocId, setBlocId] = useState(table.blocs[0]?.blocId);
  const targets = useTargets(table.id, blocId);
  const quantitative = table.criteria.filter((row) => row.kind === 'quantitative');
  if (!quantitative.length)
    return (
      <Alert type="info" showIcon title="Bảng tiêu chí không có tiêu chí định lượng theo chỉ tiêu giao." />
    );
  return (
    <>
      {table.blocs.length > 1 && (
        <Select
          aria-label="Khối, cụm của chỉ tiêu"
          style={{ minWidth: 260, marginBottom: 12 }}
          value={blocId}
          onChange={setBlocId}
          options={table.blocs.map((item) => ({ value: item.blocId, label: item.name }))}
        />
      )}
      {targets.isError && <Alert type="error" showIcon title={describeError(targets.error)} />}
      <Table<Member>
        rowKey="unitId"
        size="small"
        pagination={false}
        loading={targets.isFetching}
        dataSource={targets.data?.members ?? []}
        scroll={{ x: 240 + quantitative.length * 160 }}
        locale={{ emptyText: 'Chưa có đơn vị thành viên.' }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'unitName', fixed: 'left', width: 240 },
          ...quantitative.map((criterion) => ({
            key: criterion.id,
            title: `${criterion.code}. ${criterion.title}`,
            width: 160,
            align: 'right' as const,
            render: (_: unknown, member: Member) => {
              const target = member.targets.find((item) => item.criterionId === criterion.id)?.target;
              return target === undefined ? 'Chưa giao' : formatPoints(target);
            },
          })),
        ]}
      />
    </>
  );
}
