import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PersonListItem } from '../../../../../contracts/organisation.ts';
import { LoadFailedResult, PageHeader } from '../../../components/index.ts';
import { downloadFile } from '../../../lib/download.ts';
import { formatNumber } from '../../../lib/format.ts';
import { describeError, showError } from '../../../lib/notify.ts';
import { useSession } from '../../auth/index.ts';
import { canManageOrganisation } from '../shared/permissions.ts';
import { AddPersonButton } from './person-actions.tsx';
import { personColumns } from './person-columns.tsx';
import { PersonFilters } from './person-filters.tsx';
import {
  hasPersonFilters,
  type PersonFilterValues,
  personFilters,
  readPersonSearch,
  writePersonSearch,
} from './person-search.ts';
import { usePersons } from './persons.api.ts';

/** "Cán bộ, công chức": the people of the user's scope, filtered in the URL, exported to Excel. */
export function PersonListPage() {
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = readPersonSearch(searchParams);
  const persons = usePersons(search);
  const [isExporting, setExporting] = useState(false);
  const items = persons.data?.items ?? [];

  const applyFilters = (filters: PersonFilterValues) =>
    setSearchParams(writePersonSearch({ ...filters, page: 1, pageSize: search.pageSize }));
  const clearFilters = () => setSearchParams(writePersonSearch({ page: 1, pageSize: search.pageSize }));
  const changePage = (page: number, pageSize: number) =>
    setSearchParams(
      writePersonSearch({ ...search, page: pageSize === search.pageSize ? page : 1, pageSize }),
    );

  const exportList = async () => {
    setExporting(true);
    try {
      await downloadFile('/api/persons/export', { ...personFilters(search) }, 'danh-sach-can-bo.xlsx');
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Cán bộ, công chức"
        description="Tìm theo họ tên (có dấu hoặc không dấu), đơn vị, đối tượng; bấm vào tên để xem quá trình công tác."
        extra={
          <Space wrap>
            <Button icon={<FileExcelOutlined aria-hidden />} onClick={exportList} loading={isExporting}>
              Xuất Excel
            </Button>
            {canManageOrganisation(user) && (
              <Link to="/to-chuc/can-bo/nhap-tu-excel">
                <Button icon={<UploadOutlined aria-hidden />}>Nhập từ Excel</Button>
              </Link>
            )}
            {canManageOrganisation(user) && <AddPersonButton type="primary" />}
          </Space>
        }
      />
      <PersonFilters value={search} onApply={applyFilters} onClear={clearFilters} />
      {persons.isError && !persons.data ? (
        <LoadFailedResult message={describeError(persons.error)} onRetry={() => void persons.refetch()} />
      ) : (
        <Table<PersonListItem>
          rowKey="id"
          size="middle"
          bordered
          columns={personColumns(items)}
          dataSource={items}
          loading={persons.isFetching}
          locale={{
            emptyText: hasPersonFilters(search)
              ? 'Không có cán bộ nào khớp với bộ lọc.'
              : 'Chưa có cán bộ nào. Bấm "Thêm cán bộ" hoặc "Nhập từ Excel".',
          }}
          pagination={{
            current: search.page,
            pageSize: search.pageSize,
            total: persons.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => `Tổng số ${formatNumber(total)} cán bộ`,
            onChange: changePage,
          }}
        />
      )}
    </>
  );
}
