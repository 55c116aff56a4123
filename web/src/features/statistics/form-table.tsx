import { EditOutlined } from '@ant-design/icons';
import { Button, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { StatisticsCell, StatisticsReport, StatisticsRow } from '../../../../contracts/statistics.ts';
import { formatNumber } from '../../lib/format.ts';
import type { OpenCell } from './cell-records-drawer.tsx';
import type { EditedCell } from './manual-cell-modal.tsx';

interface FormTableProps {
  report: StatisticsReport;
  onOpen: (cell: OpenCell) => void;
  onEdit: (cell: EditedCell) => void;
}

/** Why a typed cell is typed: the row's or column's reason, or the form's first note. */
function reasonOf(report: StatisticsReport, row: StatisticsRow, columnCode: string): string {
  const column = report.form.columns.find((item) => item.code === columnCode);
  return row.manual ?? column?.manual ?? report.form.notes[0] ?? '';
}

/**
 * A filled form as the circular lays it out: row label, code (Mã số), unit, then the numbered
 * columns under their group heads. A counted figure opens its records; a typed one shows a pencil.
 */
export function FormTable({ report, onOpen, onEdit }: FormTableProps) {
  const { form } = report;
  const cells = new Map(report.cells.map((cell) => [`${cell.row}|${cell.column}`, cell]));
  const hasUnit = form.rows.some((row) => row.unit);
  const figure = (code: string, label: string) => ({
    title: (
      <>
        {label}
        <div style={{ fontWeight: 400, color: '#595959' }}>({code})</div>
      </>
    ),
    key: `c-${code}`,
    align: 'center' as const,
    width: 100,
    render: (_: unknown, row: StatisticsRow) => {
      const cell = cells.get(`${row.code}|${code}`);
      if (row.heading || !cell) return null;
      const title = `${form.code} – dòng ${row.code} "${row.label}", cột ${code} "${label}"`;
      return cell.manual ? (
        <TypedFigure
          cell={cell}
          canEnter={report.canEnter}
          onEdit={() => onEdit(editedOf(report, row, cell, title))}
        />
      ) : cell.value === 0 ? (
        <span style={{ color: '#8c8c8c' }}>0</span>
      ) : (
        <Button
          type="link"
          aria-label={`Xem bản ghi: dòng ${row.code}, cột ${code}`}
          onClick={() => onOpen({ row: row.code, column: code, title })}
          style={{ fontWeight: 600, paddingInline: 4 }}
        >
          {formatNumber(cell.value)}
        </Button>
      );
    },
  });
  const groups: ColumnsType<StatisticsRow> = [];
  for (const column of form.columns) {
    if (!column.group) {
      groups.push(figure(column.code, column.label));
      continue;
    }
    const last = groups[groups.length - 1] as
      | { title?: unknown; children?: ColumnsType<StatisticsRow> }
      | undefined;
    if (last?.children && last.title === column.group) last.children.push(figure(column.code, column.label));
    else
      groups.push({
        title: column.group,
        key: `g-${column.code}`,
        children: [figure(column.code, column.label)],
      });
  }
  const columns: ColumnsType<StatisticsRow> = [
    {
      title: 'Chỉ tiêu',
      key: 'label',
      fixed: 'left',
      width: 280,
      render: (_, row) => (
        <span
          style={{
            paddingLeft: (row.indent ?? 0) * 20,
            fontWeight: row.heading || row.code === '01' ? 600 : 400,
          }}
        >
          {row.label}
        </span>
      ),
    },
    {
      title: 'Mã số',
      key: 'code',
      width: 70,
      align: 'center',
      render: (_, row) => (row.heading ? '' : row.code),
    },
    ...(hasUnit
      ? [
          {
            title: 'Đơn vị tính',
            key: 'unit',
            width: 90,
            render: (_: unknown, row: StatisticsRow) => row.unit,
          },
        ]
      : []),
    ...groups,
  ];
  return (
    <Table<StatisticsRow>
      rowKey="code"
      size="small"
      bordered
      pagination={false}
      dataSource={form.rows}
      columns={columns}
      scroll={{ x: 'max-content' }}
    />
  );
}

function editedOf(
  report: StatisticsReport,
  row: StatisticsRow,
  cell: StatisticsCell,
  title: string,
): EditedCell {
  return {
    row: row.code,
    column: cell.column,
    title,
    reason: reasonOf(report, row, cell.column),
    total: cell.value,
    own: cell.own,
  };
}

function TypedFigure({
  cell,
  canEnter,
  onEdit,
}: {
  cell: StatisticsCell;
  canEnter: boolean;
  onEdit: () => void;
}) {
  return (
    <Tooltip title="Số liệu nhập tay (hệ thống không tự đếm được)">
      <span style={{ fontStyle: 'italic', color: '#614700' }}>{formatNumber(cell.value)}</span>
      {canEnter && (
        <Button
          type="text"
          size="small"
          icon={<EditOutlined />}
          aria-label={`Nhập tay dòng ${cell.row}, cột ${cell.column}`}
          onClick={onEdit}
        />
      )}
    </Tooltip>
  );
}
