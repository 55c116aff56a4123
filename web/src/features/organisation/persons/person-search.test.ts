import { describe, expect, it } from 'vitest';
import { hasPersonFilters, readPersonSearch, writePersonSearch } from './person-search.ts';

describe('people list filters in the URL', () => {
  it('reads filters and paging, ignoring malformed values', () => {
    const search = readPersonSearch(
      new URLSearchParams('q=nguyen thi hoa&unitId=abc&category=civil_servant&isLeader=maybe&page=2'),
    );
    expect(search).toEqual({ page: 2, pageSize: 20, q: 'nguyen thi hoa', category: 'civil_servant' });
  });

  it('writes only what differs from the defaults', () => {
    expect(writePersonSearch({ page: 1, pageSize: 20, q: ' ', isDirectWorker: 'true' }).toString()).toBe(
      'isDirectWorker=true',
    );
    expect(hasPersonFilters({ page: 3, pageSize: 50 })).toBe(false);
  });
});
