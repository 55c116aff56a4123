import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.ts';
import { decodeCursor, encodeCursor, pageTotal, readWithTotal } from './keyset.ts';

const id = '0195f3a2-7c1e-7b4a-9d2e-3f4a5b6c7d8e';

describe('keyset cursors', () => {
  it('round-trips a sort key', () => {
    const cursor = encodeCursor(['nguyen van an', 42, id]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ['string', 'number', 'uuid'])).toEqual(['nguyen van an', 42, id]);
  });

  it.each([
    ['not base64 json', 'abc'],
    ['the wrong arity', encodeCursor(['x'])],
    ['a number where a string is due', encodeCursor([1, id])],
    ['a malformed id', encodeCursor(['x', 'not-a-uuid'])],
    ['a control character', encodeCursor(['a\u0000b', id])],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
  ])('refuses %s with a Vietnamese 400', (_, cursor) => {
    try {
      decodeCursor(cursor, ['string', 'uuid']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).message).toContain('Vị trí trang không hợp lệ');
    }
  });
});

describe('a page read with its total', () => {
  it('reads an empty page as an empty list, caps a large total, and says when no row carries it', () => {
    expect(pageTotal([], false)).toEqual({ value: 0, exact: true });
    expect(pageTotal([{ total: 12 }], false)).toEqual({ value: 12, exact: true });
    expect(pageTotal([{ total: null }, { total: 10_001 }], false)).toEqual({ value: 10_000, exact: false });
    expect(pageTotal([{ total: 10_001 }], true)).toEqual({ value: 10_001, exact: true });
    expect(pageTotal([{ total: null }], false)).toBeNull();
  });

  it('asks for the total until a read finds rows, then for null', async () => {
    const total = sql<number>`(select 1)`;
    const asked: boolean[] = [];
    const answers: { total: number | null }[][] = [[], [{ total: 3 }], [{ total: null }]];
    const read = readWithTotal(total, async (_slice, column) => {
      asked.push(column === total);
      return answers.shift() ?? [];
    });
    for (let i = 0; i < 3; i++) await read({ where: undefined, descending: false, limit: 5 });
    expect(asked).toEqual([true, true, false]);
  });
});
