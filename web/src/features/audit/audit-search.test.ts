import { describe, expect, it } from 'vitest';
import { hasAuditFilters, readAuditSearch, writeAuditSearch } from './audit-search.ts';

describe('audit log filters in the URL', () => {
  it('reads filters and paging, ignoring malformed values', () => {
    const search = readAuditSearch(
      new URLSearchParams('page=3&pageSize=9999&actor=demo.admin&from=21/08/2019&to=2025-07-01'),
    );
    expect(search).toEqual({ page: 3, pageSize: 200, actor: 'demo.admin', to: '2025-07-01' });
  });

  it('falls back to the first page of the default size', () => {
    expect(readAuditSearch(new URLSearchParams('page=-1&pageSize=abc'))).toEqual({ page: 1, pageSize: 20 });
  });

  it('writes only what differs from the defaults', () => {
    expect(
      writeAuditSearch({ page: 1, pageSize: 20, action: 'auth.login', entityType: ' ' }).toString(),
    ).toBe('action=auth.login');
    expect(writeAuditSearch({ page: 2, pageSize: 50 }).toString()).toBe('page=2&pageSize=50');
  });

  it('tells whether any filter is set', () => {
    expect(hasAuditFilters({ page: 4, pageSize: 20 })).toBe(false);
    expect(hasAuditFilters({ page: 1, pageSize: 20, from: '2025-01-01' })).toBe(true);
  });
});
