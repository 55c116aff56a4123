import { Alert, Table, type TableColumnsType } from 'antd';
import type { ImportRowError } from '../../../../../contracts/organisation.ts';
import { formatNumber } from '../../../lib/format.ts';

const columns: TableColumnsType<ImportRowError> = [
  {
    title: 'Dòng',
    dataIndex: 'row',
    width: 80,
    align: 'right',
    render: (row: number) => (row > 0 ? row : '—'),
  },
  { title: 'Cột', dataIndex: 'column', width: 200, render: (column: string) => column || '—' },
  { title: 'Lỗi', dataIndex: 'message' },
];

/** The problems of a rejected file, row by row, under a plain summary of what to do next. */
export function ImportErrors({ errors }: { errors: ImportRowError[] }) {
  return (
    <>
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        title={`Không có dòng nào được nhập vì tệp có ${formatNumber(errors.length)} lỗi. Sửa tệp rồi tải lên lại.`}
        description="Số dòng tính như trong Excel (dòng 1 là dòng tiêu đề)."
      />
      <Table<ImportRowError>
        rowKey={(error) => `${error.row}-${error.column}-${error.message}`}
        bordered
        size="middle"
        columns={columns}
        dataSource={errors}
        pagination={errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      />
    </>
  );
}
