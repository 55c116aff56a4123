import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Input } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type CursorPosition,
  PageHeader,
  readCursorPosition,
  writeCursorPosition,
} from '../../../components/index.ts';
import { useSession } from '../../auth/index.ts';
import { canManageOrganisation } from '../shared/permissions.ts';
import { UnitSearchResults } from './unit-search-results.tsx';
import { UnitTree } from './unit-tree.tsx';

/** "Cơ cấu tổ chức": the unit tree opened level by level, and a search that ignores diacritics. */
export function UnitTreePage() {
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q')?.trim() ?? '';
  const position = {
    ...readCursorPosition(searchParams, 20),
    ...(searchParams.get('exactTotal') === 'true' ? { exactTotal: 'true' as const } : {}),
  };
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const search = (value: string) => {
    const next = new URLSearchParams();
    if (value.trim()) next.set('q', value.trim());
    setSearchParams(next);
  };
  const changePosition = (next: CursorPosition & { exactTotal?: 'true' }) => {
    const params = writeCursorPosition(searchParams, next);
    if (next.exactTotal) params.set('exactTotal', 'true');
    else params.delete('exactTotal');
    setSearchParams(params);
  };

  return (
    <>
      <PageHeader
        title="Cơ cấu tổ chức"
        description="Bấm vào mũi tên để mở các đơn vị trực thuộc; bấm vào tên đơn vị để xem chi tiết."
        extra={
          canManageOrganisation(user) && (
            <Link to="/to-chuc/don-vi/nhap-tu-excel">
              <Button icon={<UploadOutlined aria-hidden />}>Nhập đơn vị từ Excel</Button>
            </Link>
          )
        }
      />
      <Card>
        <Input.Search
          aria-label="Tìm đơn vị"
          placeholder="Tên, tên viết tắt hoặc mã đơn vị, có dấu hoặc không dấu; VD: noi vu lai chau"
          enterButton="Tìm"
          size="large"
          allowClear
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (!event.target.value) search('');
          }}
          onSearch={search}
          style={{ marginBottom: 16 }}
        />
        {q ? <UnitSearchResults q={q} position={position} onPositionChange={changePosition} /> : <UnitTree />}
      </Card>
    </>
  );
}
