import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../../../contracts/common.ts';

/** The audit log's filters and position (keyset cursors), exactly as kept in the URL query string. */
export interface AuditSearch {
  /** The page after this cursor (or before `before`); neither = the newest events. */
  after?: string;
  before?: string;
  limit: number;
  action?: string;
  entityType?: string;
  actor?: string;
  /** yyyy-mm-dd, inclusive. */
  from?: string;
  /** yyyy-mm-dd, inclusive. */
  to?: string;
}

/** The filter fields (everything but paging). */
export type AuditFilterValues = Omit<AuditSearch, 'after' | 'before' | 'limit'>;

const filterKeys = ['action', 'entityType', 'actor', 'from', 'to'] as const;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const cursor = /^[A-Za-z0-9_-]{1,2000}$/;

function readLimit(value: string | null): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, PAGE_SIZE_MAX) : PAGE_SIZE_DEFAULT;
}

/** Reads the audit filters from the URL; malformed values are ignored rather than sent to the server. */
export function readAuditSearch(params: URLSearchParams): AuditSearch {
  const search: AuditSearch = { limit: readLimit(params.get('limit')) };
  const after = params.get('after');
  const before = params.get('before');
  if (after && cursor.test(after)) search.after = after;
  else if (before && cursor.test(before)) search.before = before;
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
  if (search.after) params.set('after', search.after);
  else if (search.before) params.set('before', search.before);
  if (search.limit !== PAGE_SIZE_DEFAULT) params.set('limit', String(search.limit));
  return params;
}

/** True when at least one filter (not paging) is set. */
export function hasAuditFilters(search: AuditSearch): boolean {
  return filterKeys.some((key) => Boolean(search[key]));
}
