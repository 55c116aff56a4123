import { Alert, Button, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { ScoringTableView } from '../../../../contracts/bloc-scoring.ts';
import { api, isApiError } from '../../lib/api-client.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import { useBloc } from '../organisation/blocs/blocs.api.ts';
import { useRefreshScoring, useTargets } from './bloc-scoring.api.ts';

/**
 * "Giao chỉ tiêu": the targets of one member unit, per quantitative criterion, filled with those in
 * force when the unit is chosen (an empty box removes the target). The unit's targets in force show on its score sheet once the scoring is open.
 */
export function TargetsPanel({ table }: { table: ScoringTableView }) {
  const refresh = useRefreshScoring();
  const [form] = Form.useForm<Record<string, number | null>>();
  const [blocId, setBlocId] = useState(table.blocs[0]?.blocId);
  const [unitId, setUnitId] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [version, setVersion] = useState(table.version);
  const bloc = useBloc(blocId ?? '');
  const current = useTargets(table.id, blocId);
  const quantitative = table.criteria.filter((row) => row.kind === 'quantitative');
  if (!quantitative.length)
    return (
      <Alert type="info" showIcon title="Bảng tiêu chí chưa có tiêu chí định lượng theo chỉ tiêu giao." />
    );
  const save = async () => {
    if (!unitId) return;
    const values = form.getFieldsValue(true);
    setSaving(true);
    try {
      const saved = await api.put(
        `/api/scoring-tables/${table.id}/targets`,
        {
          unitId,
          version: Math.max(version, table.version),
          targets: quantitative.map((row) => ({ criterionId: row.id, target: values[row.id] ?? null })),
        },
        { schema: ScoringTableView },
      );
      setVersion(saved.version);
      setConflict(null);
      showSuccess('Đã giao chỉ tiêu cho đơn vị.');
      await refresh();
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT') && error.conflict) {
        setConflict(error.message);
        setVersion(error.conflict.version);
      } else showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="Khối, cụm"
          style={{ minWidth: 260 }}
          value={blocId}
          onChange={(value: string) => {
            setBlocId(value);
            setUnitId(undefined);
          }}
          options={table.blocs.map((item) => ({ value: item.blocId, label: item.name }))}
        />
        <Select
          aria-label="Đơn vị được giao chỉ tiêu"
          placeholder="Chọn đơn vị"
          style={{ minWidth: 300 }}
          loading={bloc.isFetching}
          value={unitId}
          onChange={(value: string) => {
            setUnitId(value);
            form.resetFields();
            const member = current.data?.members.find((item) => item.unitId === value);
            form.setFieldsValue(
              Object.fromEntries((member?.targets ?? []).map((item) => [item.criterionId, item.target])),
            );
          }}
          options={(bloc.data?.members ?? []).map((member) => ({
            value: member.unitId,
            label: member.unitName,
          }))}
        />
      </Flex>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={conflict}
          description="Các chỉ tiêu bạn đã nhập vẫn còn; bấm “Giao chỉ tiêu” lần nữa để lưu lên bản mới."
        />
      )}
      {unitId && (
        <Form form={form} layout="vertical">
          {quantitative.map((row) => (
            <Form.Item key={row.id} name={row.id} label={`${row.code}. ${row.title}`}>
              <InputNumber min={0} style={{ width: 200 }} placeholder="Chỉ tiêu" />
            </Form.Item>
          ))}
          <Typography.Paragraph type="secondary">
            Ô để trống là bỏ chỉ tiêu của tiêu chí đó. Chỉ tiêu đang áp dụng hiện trên bảng điểm của đơn vị.
          </Typography.Paragraph>
          <Button type="primary" size="large" loading={saving} onClick={save}>
            Giao chỉ tiêu
          </Button>
        </Form>
      )}
    </>
  );
}
