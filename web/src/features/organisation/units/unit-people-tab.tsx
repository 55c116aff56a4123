import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PersonListItem } from '../../../../../contracts/organisation.ts';
import { CursorPager, type CursorPosition } from '../../../components/index.ts';
import { AddPersonButton } from '../persons/person-actions.tsx';
import { personColumns } from '../persons/person-columns.tsx';
import { usePersons } from '../persons/persons.api.ts';

/** The people of the unit (and of the units under it and it succeeded), paged by the server. */
export function UnitPeopleTab({ unitId, canImport }: { unitId: string; canImport: boolean }) {
  const [position, setPosition] = useState<CursorPosition & { exactTotal?: 'true' }>({ limit: 20 });
  const persons = usePersons({ ...position, unitId });
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
        pagination={false}
      />
      <CursorPager
        page={persons.data}
        position={position}
        onChange={(next) => setPosition({ ...next, exactTotal: position.exactTotal })}
        onExactTotal={() => setPosition({ ...position, exactTotal: 'true' })}
        noun="cán bộ"
        isLoading={persons.isFetching}
      />
    </>
  );
}
