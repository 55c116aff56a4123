import { Card, Descriptions, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { scoringTableStatusLabels } from '../../../../contracts/bloc-scoring.ts';
import { LoadFailedResult, PageHeader } from '../../components/index.ts';
import { describeError } from '../../lib/notify.ts';
import { useScoringTable } from './bloc-scoring.api.ts';
import { CriteriaEditor } from './criteria-editor.tsx';
import { CriteriaView } from './criteria-view.tsx';
import { IndicatorLinksPanel } from './indicator-links-panel.tsx';
import { tieBreakLabel } from './labels.ts';
import { SheetsPanel } from './sheets-panel.tsx';
import { TableActions } from './table-actions.tsx';
import { tableStatusColors } from './table-list-page.tsx';
import { TargetsPanel } from './targets-panel.tsx';
import { TargetsTable } from './targets-table.tsx';

/** One scoring table: its criteria (edited while draft), targets, the units' sheets and the rankings. */
export function TablePage() {
  const { id = '' } = useParams();
  const table = useScoringTable(id);
  const [imports, setImports] = useState(0);
  if (table.isError)
    return <LoadFailedResult message={describeError(table.error)} onRetry={() => table.refetch()} />;
  const data = table.data;
  if (!data) return <Card loading />;
  const tabs = [
    {
      key: 'tieu-chi',
      label: 'Tiêu chí',
      children: data.actions.includes('edit') ? (
        <CriteriaEditor key={`${data.id}-${imports}`} table={data} />
      ) : (
        <CriteriaView criteria={data.criteria} />
      ),
    },
    ...(data.criteria.some((row) => row.kind === 'quantitative') && data.blocs.length
      ? [{ key: 'chi-tieu-don-vi', label: 'Chỉ tiêu các đơn vị', children: <TargetsTable table={data} /> }]
      : []),
    ...(data.criteria.some((row) => row.kind === 'quantitative')
      ? [
          {
            key: 'nguon-so-lieu',
            label: 'Nguồn số liệu',
            children: <IndicatorLinksPanel tableId={data.id} />,
          },
        ]
      : []),
    ...(data.actions.includes('set_targets')
      ? [{ key: 'chi-tieu', label: 'Giao chỉ tiêu', children: <TargetsPanel table={data} /> }]
      : []),
    ...(data.status !== 'draft'
      ? [{ key: 'bang-diem', label: 'Bảng điểm các đơn vị', children: <SheetsPanel table={data} /> }]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={data.name}
        description={
          <Tag color={tableStatusColors[data.status]}>{scoringTableStatusLabels[data.status]}</Tag>
        }
        extra={<TableActions table={data} onImported={() => setImports((count) => count + 1)} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'council', label: 'Hội đồng', children: data.councilName },
            { key: 'year', label: 'Năm', children: data.year },
            {
              key: 'blocs',
              label: 'Khối, cụm',
              children: data.blocs.map((bloc) => bloc.name).join('; ') || 'Chưa có khối, cụm của năm',
            },
            { key: 'leading', label: 'Số đơn vị dẫn đầu', children: data.leadingCount },
            {
              key: 'tie',
              label: 'Khi bằng điểm, xét lần lượt',
              children: data.tieBreak.map((step, index) => `${index + 1}. ${tieBreakLabel(step)}`).join('; '),
            },
          ]}
        />
      </Card>
      <Card>
        <Tabs defaultActiveKey={data.status === 'draft' ? 'tieu-chi' : 'bang-diem'} items={tabs} />
      </Card>
    </>
  );
}
