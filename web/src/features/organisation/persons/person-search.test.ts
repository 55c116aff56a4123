import { describe, expect, it } from 'vitest';
import { PERSON_SEARCH_EXAMPLE } from '../../../../../contracts/organisation.ts';
import { hasPersonFilters, readPersonSearch, writePersonSearch } from './person-search.ts';

describe('people list filters in the URL', () => {
  it('reads filters and position, ignoring malformed values', () => {
    const search = readPersonSearch(
      new URLSearchParams(
        `q=${PERSON_SEARCH_EXAMPLE}&unitId=abc&category=civil_servant&isLeader=maybe&after=WyJhIl0&letter=đ&limit=50`,
      ),
    );
    expect(search).toEqual({
      after: 'WyJhIl0',
      limit: 50,
      letter: 'Đ',
      q: PERSON_SEARCH_EXAMPLE,
      category: 'civil_servant',
    });
    expect(readPersonSearch(new URLSearchParams('after=%25%25&letter=ß&limit=9999'))).toEqual({ limit: 20 });
  });

  it('writes only what differs from the defaults; a cursor wins over a letter', () => {
    expect(writePersonSearch({ limit: 20, q: ' ', isDirectWorker: 'true' }).toString()).toBe(
      'isDirectWorker=true',
    );
    expect(writePersonSearch({ limit: 50, letter: 'B', after: 'abc' }).toString()).toBe('after=abc&limit=50');
    expect(writePersonSearch({ limit: 20, letter: 'B' }).toString()).toBe('letter=B');
    expect(hasPersonFilters({ limit: 50, after: 'abc', letter: 'C' })).toBe(false);
    expect(hasPersonFilters({ limit: 20, unitId: 'x' })).toBe(true);
  });
});
