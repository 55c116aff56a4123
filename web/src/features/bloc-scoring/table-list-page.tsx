import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, InputNumber, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type ScoringTableStatus, scoringTableStatusLabels } from '../../../../contracts/bloc-scoring.ts';
import { CursorPager } from '../../components/cursor-pager.tsx';
import { PageHeader } from '../../components/index.ts';
import { hasRole, useSession } from '../auth/index.ts';
import { useCouncils } from '../organisation/councils/councils.api.ts';
import { type Position, useScoringTables } from './bloc-scoring.api.ts';
import { CreateTableModal } from './create-table-modal.tsx';

export const tableStatusColors: Record<ScoringTableStatus, string> = {
  draft: 'default',
  open: 'blue',
  published: 'green',
};

interface Row {
  id: string;
  year: number;
  name: string;
  councilName: string;
  status: ScoringTableStatus;
}

/** "Chấm điểm khối, cụm": the scoring tables the user manages, scores in or reads, newest year first. */
export function TableListPage() {
  const [params, setParams] = useSearchParams();
  const { data: session } = useSession();
  const position: Position = {
    after: params.get('after') ?? undefined,
    before: params.get('before') ?? undefined,
    limit: Number(params.get('limit')) || 20,
  };
  const year = Number(params.get('year')) || undefined;
  const councilId = params.get('council') ?? undefined;
  const [creating, setCreating] = useState(false);
  const page = useScoringTables(position, { year, councilId });
  const councils = useCouncils();
  const write = (next: Record<string, string | number | undefined>) =>
    setParams(
      Object.fromEntries(
        Object.entries({ limit: position.limit, year, council: councilId, ...next })
          .filter(([, value]) => value !== undefined && value !== '')
          .map(([k, v]) => [k, String(v)]),
      ),
    );
  return (
    <>
      <PageHeader
        title="Chấm điểm thi đua khối, cụm"
        description="Bảng tiêu chí hằng năm, đơn vị tự chấm điểm, khối trưởng chấm, xếp hạng và công bố đơn vị dẫn đầu."
        extra={
          hasRole(session?.user ?? null, 'tdkt_officer') && (
            <Button
              type="primary"
              size="large"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setCreating(true)}
            >
              Lập bảng tiêu chí
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <InputNumber
            aria-label="Lọc theo năm"
            placeholder="Năm"
            min={1990}
            max={2100}
            value={year ?? null}
            onChange={(value) => write({ year: value ?? undefined })}
          />
          <Select
            aria-label="Lọc theo Hội đồng"
            allowClear
            placeholder="Tất cả Hội đồng"
            style={{ minWidth: 260 }}
            value={councilId}
            onChange={(value?: string) => write({ council: value })}
            options={(councils.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          />
        </Flex>
        <Table<Row>
          rowKey="id"
          loading={page.isFetching}
          dataSource={page.data?.items ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: 'Chưa có bảng tiêu chí chấm điểm nào.' }}
          columns={[
            { title: 'Năm', dataIndex: 'year', width: 80 },
            {
              title: 'Bảng tiêu chí',
              dataIndex: 'name',
              render: (name: string, row) => <Link to={`/khoi-cum/bang/${row.id}`}>{name}</Link>,
            },
            { title: 'Hội đồng', dataIndex: 'councilName' },
            {
              title: 'Trạng thái',
              dataIndex: 'status',
              width: 180,
              render: (status: ScoringTableStatus) => (
                <Tag color={tableStatusColors[status]}>{scoringTableStatusLabels[status]}</Tag>
              ),
            },
          ]}
        />
        <CursorPager
          page={page.data}
          position={position}
          onChange={(next) => write({ after: next.after, before: next.before, limit: next.limit })}
          noun="bảng tiêu chí"
          isLoading={page.isFetching}
        />
      </Card>
      <CreateTableModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
