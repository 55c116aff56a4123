import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PersonListItem } from '../../../../../contracts/organisation.ts';
import { formatNumber } from '../../../lib/format.ts';
import { AddPersonButton } from '../persons/person-actions.tsx';
import { personColumns } from '../persons/person-columns.tsx';
import { usePersons } from '../persons/persons.api.ts';

/** The people of the unit (and of the units under it and it succeeded), paged by the server. */
export function UnitPeopleTab({ unitId, canImport }: { unitId: string; canImport: boolean }) {
  const [page, setPage] = useState({ current: 1, size: 20 });
  const persons = usePersons({ page: page.current, pageSize: page.size, unitId });
  const items = persons.data?.items ?? [];
  return (
    <>
      <Flex gap={8} wrap justify="flex-end" style={{ marginBottom: 12 }}>
        <Link to={`/to-chuc/can-bo?unitId=${unitId}`}>
          <Button>Mở trong danh sách cán bộ</Button>
        </Link>
        {canImport && <AddPersonButton unitId={unitId} />}
        {canImport && (
          <Link to="/to-chuc/can-bo/nhap-tu-excel">
            <Button icon={<UploadOutlined aria-hidden />}>Nhập từ Excel</Button>
          </Link>
        )}
      </Flex>
      <Table<PersonListItem>
        rowKey="id"
        bordered
        columns={personColumns(items)}
        dataSource={items}
        loading={persons.isFetching}
        locale={{ emptyText: 'Đơn vị chưa có cán bộ nào trong hệ thống.' }}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: persons.data?.total ?? 0,
          hideOnSinglePage: true,
          showTotal: (total) => `Tổng số ${formatNumber(total)} cán bộ`,
          onChange: (current, size) => setPage({ current, size }),
        }}
      />
    </>
  );
}
