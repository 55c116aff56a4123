import { InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../lib/api-client.ts';
import { formatNumber } from '../../lib/format.ts';
import { showError, showSuccess } from '../../lib/notify.ts';
import type { StatisticsChoice } from './statistics.api.ts';
import { useSaveManualCell } from './statistics.api.ts';

/** A typed cell being edited: the unit's own entry (if any) and the subtree's sum. */
export interface EditedCell {
  row: string;
  column: string;
  title: string;
  reason: string;
  total: number;
  own: { value: number; version: number } | null;
}

/**
 * Types the unit's own figure of a cell the system cannot count; the level's figure is the sum of
 * its subtree's entries. A figure someone changed meanwhile is refused (409) and the form reloads.
 */
export function ManualCellModal({
  choice,
  cell,
  onClose,
}: {
  choice: StatisticsChoice;
  cell: EditedCell;
  onClose: () => void;
}) {
  const save = useSaveManualCell(choice.code);
  const [value, setValue] = useState<number | null>(cell.own?.value ?? 0);
  const [isSaving, setSaving] = useState(false);
  const submit = async () => {
    if (value === null || !choice.unitId) return;
    setSaving(true);
    try {
      await save({
        unitId: choice.unitId,
        year: choice.year,
        row: cell.row,
        column: cell.column,
        value,
        ...(cell.own ? { version: cell.own.version } : {}),
      });
      showSuccess('Đã lưu số liệu nhập tay.');
      onClose();
    } catch (error) {
      showError(error);
      if (isApiError(error, 'VERSION_CONFLICT')) onClose();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="Nhập tay số liệu"
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={isSaving}
      okButtonProps={{ disabled: value === null }}
    >
      <Typography.Paragraph strong>{cell.title}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{cell.reason}</Typography.Paragraph>
      <Typography.Paragraph>
        Tổng của đơn vị và các đơn vị cấp dưới hiện nay: <strong>{formatNumber(cell.total)}</strong>. Số bạn
        nhập là số của riêng đơn vị này.
      </Typography.Paragraph>
      <InputNumber
        aria-label="Số liệu của đơn vị"
        min={0}
        max={100_000_000}
        precision={0}
        value={value}
        onChange={(next) => setValue(next)}
        style={{ width: 200 }}
        autoFocus
      />
    </Modal>
  );
}
