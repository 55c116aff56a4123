import { describe, expect, it } from 'vitest';
import { hasAuditFilters, readAuditSearch, writeAuditSearch } from './audit-search.ts';

describe('audit log filters in the URL', () => {
  it('reads filters and the position, ignoring malformed values', () => {
    const search = readAuditSearch(
      new URLSearchParams('after=WyJ4IiwxXQ&limit=9999&actor=demo.admin&from=21/08/2019&to=2025-07-01'),
    );
    expect(search).toEqual({ after: 'WyJ4IiwxXQ', limit: 200, actor: 'demo.admin', to: '2025-07-01' });
    expect(readAuditSearch(new URLSearchParams('before=có dấu'))).toEqual({ limit: 20 });
  });

  it('falls back to the newest events, in pages of the default size', () => {
    expect(readAuditSearch(new URLSearchParams('limit=abc'))).toEqual({ limit: 20 });
  });

  it('writes only what differs from the defaults', () => {
    expect(writeAuditSearch({ limit: 20, action: 'auth.login', entityType: ' ' }).toString()).toBe(
      'action=auth.login',
    );
    expect(writeAuditSearch({ before: 'WyJ4IiwxXQ', limit: 50 }).toString()).toBe(
      'before=WyJ4IiwxXQ&limit=50',
    );
  });

  it('tells whether any filter is set', () => {
    expect(hasAuditFilters({ after: 'WyJ4IiwxXQ', limit: 20 })).toBe(false);
    expect(hasAuditFilters({ limit: 20, from: '2025-01-01' })).toBe(true);
  });
});
