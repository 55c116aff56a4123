import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import {
  type CriterionInput,
  type CriterionKind,
  type CriterionView,
  criterionKindLabels,
  ScoringTableView,
} from '../../../../contracts/bloc-scoring.ts';
import { api, isApiError } from '../../lib/api-client.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { useRefreshScoring } from './bloc-scoring.api.ts';

/** One row being edited, with a stable key for React. */
export type CriterionDraft = CriterionInput & { key: string };

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

/** The stored tree as editable rows (parents by code, in the table's order). */
export function toDrafts(criteria: CriterionView[]): CriterionDraft[] {
  const codeOf = new Map(criteria.map((row) => [row.id, row.code]));
  return criteria.map((row) => ({
    key: row.id,
    code: row.code,
    parentCode: row.parentId ? (codeOf.get(row.parentId) ?? null) : null,
    title: row.title,
    kind: row.kind,
    maxPoints: row.maxPoints,
    pointsPerItem: row.pointsPerItem,
    penaltyPerItem: row.penaltyPerItem,
    minPoints: row.minPoints,
    evidenceRequired: row.evidenceRequired,
  }));
}

const kindOptions = (Object.keys(criterionKindLabels) as CriterionKind[]).map((kind) => ({
  value: kind,
  label: criterionKindLabels[kind],
}));

/** Points per item (fixed, bonus), penalty per item and the lowest points (bonus/penalty), by kind. */
function RuleInputs({
  row,
  change,
}: {
  row: CriterionDraft;
  change: (key: string, patch: Partial<CriterionInput>) => void;
}) {
  if (row.kind !== 'fixed' && row.kind !== 'bonus_penalty') return null;
  return (
    <Space.Compact>
      <InputNumber
        aria-label="Điểm mỗi trường hợp"
        placeholder="+/trường hợp"
        value={row.pointsPerItem}
        onChange={(value) => change(row.key, { pointsPerItem: value })}
      />
      {row.kind === 'bonus_penalty' && (
        <>
          <InputNumber
            aria-label="Điểm trừ mỗi trường hợp"
            placeholder="−/vi phạm"
            value={row.penaltyPerItem}
            onChange={(value) => change(row.key, { penaltyPerItem: value })}
          />
          <InputNumber
            aria-label="Điểm thấp nhất"
            placeholder="Thấp nhất"
            value={row.minPoints}
            onChange={(value) => change(row.key, { minPoints: value })}
          />
        </>
      )}
    </Space.Compact>
  );
}

/**
 * The criteria of a draft table, edited whole: add, remove, move up or down, each leaf's kind,
 * maximum, rule and evidence flag; saved with the table's version. When someone else saved first
 * the rows typed here stay; "Lưu lên bản mới" saves them onto the fresh version.
 */
export function CriteriaEditor({ table }: { table: ScoringTableView }) {
  const refresh = useRefreshScoring();
  const [rows, setRows] = useState<CriterionDraft[]>(() => toDrafts(table.criteria));
  const [version, setVersion] = useState(table.version);
  const [conflict, setConflict] = useState<{ message: string; version: number } | null>(null);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const change = (key: string, patch: Partial<CriterionInput>) => {
    setDirty(true);
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  };
  const move = (index: number, by: number) => {
    setDirty(true);
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });
  };
  const add = (kind: CriterionKind) => {
    setDirty(true);
    const lastGroup = [...rows].reverse().find((row) => row.kind === 'group');
    setRows((current) => [
      ...current,
      {
        key: newKey(),
        code: '',
        parentCode: kind === 'group' ? null : (lastGroup?.code ?? null),
        title: '',
        kind,
        maxPoints: 10,
        pointsPerItem: kind === 'fixed' || kind === 'bonus_penalty' ? 1 : null,
        penaltyPerItem: null,
        minPoints: null,
        evidenceRequired: false,
      },
    ]);
  };
  const groups = rows.filter((row) => row.kind === 'group' && row.code);
  const save = async (at = version) => {
    setSaving(true);
    try {
      const saved = await api.patch(
        `/api/scoring-tables/${table.id}`,
        { version: at, criteria: rows.map(({ key: _key, ...row }) => row) },
        { schema: ScoringTableView },
      );
      setVersion(saved.version);
      setRows(toDrafts(saved.criteria));
      setConflict(null);
      setDirty(false);
      showSuccess('Đã lưu bảng tiêu chí.');
      await refresh();
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT') && error.conflict)
        setConflict({ message: error.message, version: error.conflict.version });
      else showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Table<CriterionDraft>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 1000 }}
        locale={{ emptyText: 'Chưa có tiêu chí. Thêm nhóm tiêu chí và tiêu chí, hoặc nhập từ tệp Excel.' }}
        columns={[
          {
            title: 'Mã',
            width: 80,
            render: (_, row) => (
              <Input
                aria-label="Mã tiêu chí"
                value={row.code}
                maxLength={20}
                onChange={(event) => change(row.key, { code: event.target.value })}
              />
            ),
          },
          {
            title: 'Thuộc nhóm',
            width: 100,
            render: (_, row) => (
              <Select
                aria-label="Thuộc nhóm"
                allowClear
                style={{ width: '100%' }}
                value={row.parentCode ?? undefined}
                placeholder="—"
                onChange={(value?: string) => change(row.key, { parentCode: value ?? null })}
                options={groups
                  .filter((group) => group.key !== row.key)
                  .map((group) => ({ value: group.code, label: group.code }))}
              />
            ),
          },
          {
            title: 'Nội dung tiêu chí',
            render: (_, row) => (
              <Input.TextArea
                aria-label="Nội dung tiêu chí"
                autoSize={{ minRows: 1, maxRows: 4 }}
                value={row.title}
                maxLength={1000}
                onChange={(event) => change(row.key, { title: event.target.value })}
              />
            ),
          },
          {
            title: 'Loại; điểm mỗi trường hợp / trừ / thấp nhất',
            width: 240,
            render: (_, row) => (
              <Flex vertical gap={4}>
                <Select
                  aria-label="Loại tiêu chí"
                  style={{ width: '100%' }}
                  value={row.kind}
                  onChange={(kind: CriterionKind) => change(row.key, { kind })}
                  options={kindOptions}
                />
                <RuleInputs row={row} change={change} />
              </Flex>
            ),
          },
          {
            title: 'Điểm tối đa',
            width: 90,
            render: (_, row) => (
              <InputNumber
                aria-label="Điểm tối đa"
                value={row.maxPoints}
                onChange={(value) => change(row.key, { maxPoints: value ?? 0 })}
              />
            ),
          },
          {
            title: 'Minh chứng',
            width: 90,
            align: 'center',
            render: (_, row) =>
              row.kind === 'group' ? (
                '—'
              ) : (
                <Checkbox
                  aria-label="Cần minh chứng"
                  checked={row.evidenceRequired}
                  onChange={(event) => change(row.key, { evidenceRequired: event.target.checked })}
                />
              ),
          },
          {
            title: '',
            width: 130,
            render: (_, row, index) => (
              <Space size={4}>
                <Button
                  aria-label="Chuyển lên"
                  icon={<ArrowUpOutlined aria-hidden />}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                />
                <Button
                  aria-label="Chuyển xuống"
                  icon={<ArrowDownOutlined aria-hidden />}
                  disabled={index === rows.length - 1}
                  onClick={() => move(index, 1)}
                />
                <Button
                  danger
                  aria-label="Xóa tiêu chí"
                  icon={<DeleteOutlined aria-hidden />}
                  onClick={() => {
                    setDirty(true);
                    setRows((current) => current.filter((item) => item.key !== row.key));
                  }}
                />
              </Space>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 16 }} />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={conflict.message}
          description={
            <>
              <div style={{ marginBottom: 8 }}>
                Các tiêu chí bạn đã nhập vẫn còn ở trên. Bấm “Lưu lên bản mới” để thay bảng tiêu chí bằng nội
                dung của bạn, hoặc tải lại trang để xem bản của người kia.
              </div>
              <Button type="primary" loading={saving} onClick={() => save(conflict.version)}>
                Lưu lên bản mới
              </Button>
            </>
          }
        />
      )}
      <Flex gap={8} wrap justify="space-between">
        <Space wrap>
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => add('group')}>
            Thêm nhóm tiêu chí
          </Button>
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => add('quantitative')}>
            Thêm tiêu chí
          </Button>
        </Space>
        <Button
          type="primary"
          size="large"
          loading={saving}
          disabled={!dirty && !conflict}
          onClick={() => save()}
        >
          Lưu bảng tiêu chí
        </Button>
      </Flex>
    </>
  );
}
