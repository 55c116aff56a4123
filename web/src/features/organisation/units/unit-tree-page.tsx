import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Input } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/index.ts';
import { useSession } from '../../auth/index.ts';
import { canManageOrganisation } from '../shared/permissions.ts';
import { UnitSearchResults } from './unit-search-results.tsx';
import { UnitTree } from './unit-tree.tsx';

/** "Cơ cấu tổ chức": the unit tree opened level by level, and a search that ignores diacritics. */
export function UnitTreePage() {
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q')?.trim() ?? '';
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const search = (value: string) => {
    const next = new URLSearchParams();
    if (value.trim()) next.set('q', value.trim());
    setSearchParams(next);
  };
  const changePage = (nextPage: number) => {
    const next = new URLSearchParams(searchParams);
    next.set('page', String(nextPage));
    setSearchParams(next);
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
          placeholder="Tên hoặc mã đơn vị, có dấu hoặc không dấu"
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
        {q ? <UnitSearchResults q={q} page={page} onPageChange={changePage} /> : <UnitTree />}
      </Card>
    </>
  );
}
