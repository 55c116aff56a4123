import { Grid, Table } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditEvent } from '../../../../contracts/audit.ts';
import { CursorPager, type CursorPosition, LoadFailedResult, PageHeader } from '../../components/index.ts';
import { describeError } from '../../lib/notify.ts';
import { useAuditEvents } from './audit.api.ts';
import { AuditEventDetail, auditColumns } from './audit-columns.tsx';
import { AuditFilters } from './audit-filters.tsx';
import {
  type AuditFilterValues,
  hasAuditFilters,
  readAuditSearch,
  writeAuditSearch,
} from './audit-search.ts';

/** Administrators' view of the audit log: who did what and when, filterable, with before/after detail. */
export function AuditLogPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const search = readAuditSearch(searchParams);
  const [exactTotal, setExactTotal] = useState(false);
  const events = useAuditEvents(search, exactTotal);
  const screens = Grid.useBreakpoint();
  // Columns hide by breakpoint (see auditColumns), so the table only scrolls sideways when it must.
  const tableWidth = screens.lg ? 1000 : screens.md ? 860 : screens.sm ? 560 : undefined;

  const applyFilters = (filters: AuditFilterValues) => {
    setExactTotal(false);
    setSearchParams(writeAuditSearch({ ...filters, limit: search.limit }));
  };
  const clearFilters = () => {
    setExactTotal(false);
    setSearchParams(writeAuditSearch({ limit: search.limit }));
  };
  const filters: AuditFilterValues = {
    action: search.action,
    entityType: search.entityType,
    actor: search.actor,
    from: search.from,
    to: search.to,
  };
  const changePosition = (position: CursorPosition) =>
    setSearchParams(
      writeAuditSearch({
        ...filters,
        limit: position.limit,
        ...(position.after ? { after: position.after } : {}),
        ...(position.before ? { before: position.before } : {}),
      }),
    );

  return (
    <>
      <PageHeader
        title="Nhật ký hệ thống"
        description="Mọi thao tác thay đổi dữ liệu đều được ghi lại: ai làm, lúc nào, trên đối tượng nào."
      />
      <AuditFilters value={search} onApply={applyFilters} onClear={clearFilters} />
      {events.isError && !events.data ? (
        <LoadFailedResult message={describeError(events.error)} onRetry={() => void events.refetch()} />
      ) : (
        <Table<AuditEvent>
          rowKey="id"
          size="middle"
          bordered
          columns={auditColumns}
          dataSource={events.data?.items}
          loading={events.isFetching}
          scroll={tableWidth ? { x: tableWidth } : undefined}
          expandable={{
            expandedRowRender: (event) => <AuditEventDetail event={event} />,
            columnTitle: <span className="sr-only">Chi tiết</span>,
          }}
          locale={{
            emptyText: hasAuditFilters(search)
              ? 'Không có sự kiện nào khớp với bộ lọc.'
              : 'Chưa có sự kiện nào được ghi lại.',
          }}
          pagination={false}
        />
      )}
      <CursorPager
        page={events.data}
        position={{ after: search.after, before: search.before, limit: search.limit }}
        onChange={changePosition}
        noun="sự kiện"
        onExactTotal={() => setExactTotal(true)}
        isLoading={events.isFetching}
      />
    </>
  );
}
