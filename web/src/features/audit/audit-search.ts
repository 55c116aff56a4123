import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../../../contracts/common.ts';

/** The audit log's filters and page, exactly as kept in the URL query string. */
export interface AuditSearch {
  page: number;
  pageSize: number;
  action?: string;
  entityType?: string;
  actor?: string;
  /** yyyy-mm-dd, inclusive. */
  from?: string;
  /** yyyy-mm-dd, inclusive. */
  to?: string;
}

/** The filter fields (everything but paging). */
export type AuditFilterValues = Omit<AuditSearch, 'page' | 'pageSize'>;

const filterKeys = ['action', 'entityType', 'actor', 'from', 'to'] as const;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function readPositive(value: string | null, fallback: number, max: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, max) : fallback;
}

/** Reads the audit filters from the URL; malformed values are ignored rather than sent to the server. */
export function readAuditSearch(params: URLSearchParams): AuditSearch {
  const search: AuditSearch = {
    page: readPositive(params.get('page'), 1, Number.MAX_SAFE_INTEGER),
    pageSize: readPositive(params.get('pageSize'), PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX),
  };
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if ((key === 'from' || key === 'to') && !isoDate.test(value)) continue;
    search[key] = value.slice(0, 100);
  }
  return search;
}

/** Writes the audit filters to a query string, leaving out defaults so links stay short. */
export function writeAuditSearch(search: AuditSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = search[key]?.trim();
    if (value) params.set(key, value);
  }
  if (search.page > 1) params.set('page', String(search.page));
  if (search.pageSize !== PAGE_SIZE_DEFAULT) params.set('pageSize', String(search.pageSize));
  return params;
}

/** True when at least one filter (not paging) is set. */
export function hasAuditFilters(search: AuditSearch): boolean {
  return filterKeys.some((key) => Boolean(search[key]));
}
