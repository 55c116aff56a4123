import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/policy.ts';
import type { Database } from '../db/client.ts';
import { compareTodos, daysBetween, type TodoDraft, urgencyOf } from './todo-order.ts';
import { createTodoRegistry, type TodoProvider } from './todo-registry.ts';

const TODAY = '2026-11-30';
const db = {} as Database;
const principal = { id: 'u1', scopedGrants: [] } as unknown as Principal;

const draft = (key: string, dueOn: string | null, kind: TodoDraft['kind'] = 'assignment'): TodoDraft => ({
  key,
  kind,
  title: `Việc ${key}`,
  detail: null,
  unit: null,
  dueOn,
  link: `/viec/${key}`,
  actionLabel: 'Mở',
});

/** A provider answering from a fixed list, honouring the limit as a real one must. */
const fixed = (source: string, drafts: TodoDraft[], count?: TodoProvider['count']): TodoProvider => ({
  source,
  list: async (_db, _principal, { limit }) => drafts.slice(0, limit),
  ...(count ? { count } : {}),
});

describe('urgencyOf', () => {
  it('calls a passed deadline overdue, up to 7 days ahead due soon, beyond that later', () => {
    expect(urgencyOf('2026-11-29', TODAY)).toBe('overdue');
    expect(urgencyOf('2019-09-30', TODAY)).toBe('overdue');
    expect(urgencyOf(TODAY, TODAY)).toBe('due_soon');
    expect(urgencyOf('2026-12-07', TODAY)).toBe('due_soon');
    expect(urgencyOf('2026-12-08', TODAY)).toBe('later');
    expect(urgencyOf(null, TODAY)).toBe('no_deadline');
  });

  it('counts whole calendar days across months, years and leap days', () => {
    expect(daysBetween(TODAY, '2026-12-01')).toBe(1);
    expect(daysBetween(TODAY, '2026-11-20')).toBe(-10);
    expect(daysBetween('2027-12-31', '2028-03-01')).toBe(61);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});

describe('compareTodos', () => {
  it('puts the earliest deadline first and items without a deadline last', () => {
    const items = [
      { dueOn: null },
      { dueOn: '2026-12-20' },
      { dueOn: '2019-09-30' },
      { dueOn: '2026-12-01' },
    ];
    expect(items.sort(compareTodos).map((item) => item.dueOn)).toEqual([
      '2019-09-30',
      '2026-12-01',
      '2026-12-20',
      null,
    ]);
  });
});

describe('createTodoRegistry', () => {
  it('merges every provider, overdue first then by deadline, and labels each item', async () => {
    const registry = createTodoRegistry();
    registry.register(fixed('a.plans', [draft('p1', '2026-12-20', 'plan_obligation'), draft('p2', null)]));
    registry.register(fixed('b.tasks', [draft('t1', '2026-11-20'), draft('t2', '2026-12-02')]));
    const list = await registry.list(db, principal, { today: TODAY, limit: 50 });
    expect(list.items.map((item) => [item.id, item.urgency, item.daysLeft])).toEqual([
      ['b.tasks:t1', 'overdue', -10],
      ['b.tasks:t2', 'due_soon', 2],
      ['a.plans:p1', 'later', 20],
      ['a.plans:p2', 'no_deadline', null],
    ]);
    expect(list.items[0]).toMatchObject({ source: 'b.tasks', link: '/viec/t1', title: 'Việc t1' });
    expect(list.counts).toEqual([
      { kind: 'plan_obligation', count: 1, isCapped: false },
      { kind: 'assignment', count: 3, isCapped: false },
    ]);
    expect(list).toMatchObject({ today: TODAY, total: 4, isTruncated: false });
    expect(registry.sources()).toEqual(['a.plans', 'b.tasks']);
  });

  it('shows the first items within the limit and still counts them all', async () => {
    const registry = createTodoRegistry();
    const many = Array.from({ length: 30 }, (_, index) =>
      draft(`m${index}`, `2026-12-${String(index + 1).padStart(2, '0')}`),
    );
    registry.register(fixed('a.many', many, async () => ({ assignment: { count: 1000, isCapped: true } })));
    registry.register(fixed('b.one', [draft('late', '2020-01-01', 'milestone')]));
    const list = await registry.list(db, principal, { today: TODAY, limit: 5 });
    expect(list.items.map((item) => item.id)).toEqual([
      'b.one:late',
      'a.many:m0',
      'a.many:m1',
      'a.many:m2',
      'a.many:m3',
    ]);
    expect(list.counts).toEqual([
      { kind: 'assignment', count: 1000, isCapped: true },
      { kind: 'milestone', count: 1, isCapped: false },
    ]);
    expect(list).toMatchObject({ total: 1001, isTruncated: true });
  });

  it('marks a kind capped when a provider without a count fills its whole page', async () => {
    const registry = createTodoRegistry();
    registry.register(fixed('a.full', [draft('x', null), draft('y', null)]));
    const list = await registry.list(db, principal, { today: TODAY, limit: 2 });
    expect(list.counts).toEqual([{ kind: 'assignment', count: 2, isCapped: true }]);
  });

  it('is empty with no providers, or when no provider has anything for the user', async () => {
    const registry = createTodoRegistry();
    expect(await registry.list(db, principal, { today: TODAY, limit: 50 })).toEqual({
      today: TODAY,
      items: [],
      counts: [],
      total: 0,
      isTruncated: false,
    });
    registry.register(fixed('a.none', [], async () => ({ assignment: { count: 0, isCapped: false } })));
    expect((await registry.list(db, principal, { today: TODAY, limit: 50 })).counts).toEqual([]);
  });

  it('refuses a second provider with the same source, and a provider that ignores the limit', async () => {
    const registry = createTodoRegistry();
    registry.register(fixed('a.once', []));
    expect(() => registry.register(fixed('a.once', []))).toThrow(/registered twice/);
    registry.register({ source: 'b.greedy', list: async () => [draft('1', null), draft('2', null)] });
    await expect(registry.list(db, principal, { today: TODAY, limit: 1 })).rejects.toThrow(/more than 1/);
  });
});
