import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  ExemplarKind,
  type ExemplarListItem,
  ExemplarStage,
  ExemplarStatus,
  exemplarKindLabels,
  exemplarStageLabels,
  exemplarStatusLabels,
  exemplarSubjectLabels,
} from '../../../../contracts/exemplars.ts';
import { CursorPager, type CursorPosition } from '../../components/cursor-pager.tsx';
import { PageHeader } from '../../components/index.ts';
import { formatDate } from '../../lib/format.ts';
import { hasRole, useSession } from '../auth/index.ts';
import { UnitSelect } from '../organisation/shared/unit-select.tsx';
import { CreateExemplarModal } from './create-exemplar-modal.tsx';
import { MovementSelect, StageTag, StatusTag } from './exemplar-fields.tsx';
import { type ExemplarFilters, useExemplars } from './exemplars.api.ts';

const FILTER_KEYS = ['q', 'movementId', 'unitId', 'stage', 'kind', 'status', 'published'] as const;

/** "Điển hình tiên tiến": exemplars per movement and per unit, with filters and a search without diacritics. */
export function ExemplarListPage() {
  const [params, setParams] = useSearchParams();
  const { data: session } = useSession();
  const [creating, setCreating] = useState(false);
  const [text, setText] = useState(params.get('q') ?? '');
  const position: CursorPosition = {
    after: params.get('after') ?? undefined,
    before: params.get('before') ?? undefined,
    limit: Number(params.get('limit')) || 20,
  };
  const filters = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, params.get(key) || undefined]),
  ) as ExemplarFilters;
  const page = useExemplars(filters, position);
  const canCreate = hasRole(session?.user ?? null, 'tdkt_officer');
  /** Keeps the filters and position in the URL; a new filter starts from the first page. */
  const update = (changes: Record<string, string | number | undefined>, keepPosition = false) => {
    const next = { ...filters, ...(keepPosition ? position : { limit: position.limit }), ...changes };
    setParams(
      Object.fromEntries(
        Object.entries(next)
          .filter(([, value]) => value !== undefined && value !== '')
          .map(([key, value]) => [key, String(value)]),
      ),
    );
  };
  const enumSelect = <T extends string>(
    key: (typeof FILTER_KEYS)[number],
    placeholder: string,
    values: readonly T[],
    labels: Record<T, string>,
  ) => (
    <Select
      aria-label={placeholder}
      placeholder={placeholder}
      allowClear
      style={{ minWidth: 170 }}
      value={params.get(key) ?? undefined}
      onChange={(value) => update({ [key]: value })}
      options={values.map((value) => ({ value, label: labels[value] }))}
    />
  );
  return (
    <>
      <PageHeader
        title="Điển hình tiên tiến"
        description="Điển hình tiên tiến, gương người tốt việc tốt, mô hình hay, cách làm mới: phát hiện, bồi dưỡng, tổng kết và nhân rộng."
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              Đề xuất điển hình
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label="Tìm điển hình"
            placeholder="Tìm theo tên điển hình, cá nhân, tập thể (gõ không dấu cũng được)"
            allowClear
            value={text}
            onChange={(event) => setText(event.target.value)}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            style={{ width: 420 }}
          />
          <div style={{ width: 260 }}>
            <MovementSelect
              placeholder="Mọi phong trào"
              value={params.get('movementId')}
              onChange={(value) => update({ movementId: value })}
            />
          </div>
          <div style={{ width: 260 }}>
            <UnitSelect
              placeholder="Mọi đơn vị"
              value={params.get('unitId')}
              onChange={(value) => update({ unitId: typeof value === 'string' ? value : undefined })}
            />
          </div>
          {enumSelect('stage', 'Mọi giai đoạn', ExemplarStage.options, exemplarStageLabels)}
          {enumSelect('kind', 'Mọi loại', ExemplarKind.options, exemplarKindLabels)}
          {enumSelect('status', 'Mọi trạng thái', ExemplarStatus.options, exemplarStatusLabels)}
          {enumSelect('published', 'Công bố hay chưa', ['true', 'false'] as const, {
            true: 'Đã công bố',
            false: 'Chưa công bố',
          })}
        </Flex>
        <Table<ExemplarListItem>
          rowKey="id"
          loading={page.isFetching}
          dataSource={page.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: 'Chưa có điển hình nào phù hợp' }}
          columns={[
            {
              title: 'Điển hình',
              dataIndex: 'title',
              render: (title: string, row) => (
                <>
                  <Link to={`/dien-hinh/${row.id}`}>{title}</Link>
                  <div style={{ color: '#595959' }}>
                    {exemplarKindLabels[row.kind]} · {exemplarSubjectLabels[row.subject]}
                    {row.subjectName ? `: ${row.subjectName}` : ''}
                  </div>
                  {row.movementName && (
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      Phong trào: {row.movementName}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            { title: 'Đơn vị đề xuất', dataIndex: 'unitName', width: 200 },
            {
              title: 'Phát hiện',
              dataIndex: 'discoveredOn',
              width: 110,
              render: (value: string) => formatDate(value),
            },
            {
              title: 'Giai đoạn',
              dataIndex: 'stage',
              width: 110,
              render: (stage: ExemplarListItem['stage']) => <StageTag stage={stage} />,
            },
            {
              title: 'Trạng thái',
              width: 150,
              render: (_, row) => (
                <>
                  <StatusTag status={row.status} />
                  {row.isPublished && <Tag color="cyan">Đã công bố</Tag>}
                </>
              ),
            },
            { title: 'Nhân rộng', dataIndex: 'replicationCount', width: 120, align: 'right' },
          ]}
        />
        <CursorPager
          page={page.data}
          position={position}
          onChange={(next) => update({ ...next }, false)}
          noun="điển hình"
          isLoading={page.isFetching}
        />
      </Card>
      <CreateExemplarModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
