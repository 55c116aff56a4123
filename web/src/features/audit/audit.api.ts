import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AuditPage } from '../../../../contracts/audit.ts';
import { api } from '../../lib/api-client.ts';
import type { AuditSearch } from './audit-search.ts';

/** One page of audit events matching the filters; the previous page stays visible while the next loads. */
export function useAuditEvents(search: AuditSearch, exactTotal = false) {
  return useQuery({
    queryKey: ['audit-events', search, exactTotal],
    queryFn: ({ signal }) =>
      api.get('/api/audit-events', {
        query: { ...search, exactTotal: exactTotal ? 'true' : undefined },
        schema: AuditPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
