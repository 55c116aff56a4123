import { TodoKind, type TodoList } from '#contracts/todo.ts';
import type { Principal } from '../auth/policy.ts';
import type { Database } from '../db/client.ts';
import {
  addCounts,
  compareTodos,
  countDrafts,
  finishItem,
  type KindCount,
  orderedCounts,
  type TodoDraft,
} from './todo-order.ts';

export type { KindCount, TodoDraft } from './todo-order.ts';

/** What a provider is asked: the day to judge deadlines by and how many items at most. */
export interface TodoQueryContext {
  /** YYYY-MM-DD. */
  today: string;
  limit: number;
}

/**
 * One module's contribution to the home page's "Việc cần làm". `list` answers with one indexed,
 * LIMITed query per kind: the user's items, earliest deadline first (items without a deadline last),
 * at most `limit` of them; it respects the user's role and scope. `count`, when given, says how many
 * items of each kind there are in all (a capped count is fine); without it the list is counted.
 */
export interface TodoProvider {
  /** Module and part, e.g. `movements.plan-obligations`; unique in the registry. */
  source: string;
  list(db: Database, principal: Principal, query: TodoQueryContext): Promise<TodoDraft[]>;
  count?(
    db: Database,
    principal: Principal,
    query: TodoQueryContext,
  ): Promise<Partial<Record<TodoKind, KindCount>>>;
}

/** The providers of one application and the merged list they make. */
export interface TodoRegistry {
  /** Adds a provider; a second provider with the same source is a programming error. */
  register(provider: TodoProvider): void;
  /** The sources registered so far, in order. */
  sources(): string[];
  /** The user's to-do list: every provider asked at once, merged, the most urgent first. */
  list(db: Database, principal: Principal, query: TodoQueryContext): Promise<TodoList>;
}

/** A new, empty registry; modules register their providers into it when their routes are registered. */
export function createTodoRegistry(): TodoRegistry {
  const providers: TodoProvider[] = [];
  return {
    register(provider) {
      if (providers.some((existing) => existing.source === provider.source)) {
        throw new Error(`to-do provider "${provider.source}" is registered twice`);
      }
      providers.push(provider);
    },
    sources: () => providers.map((provider) => provider.source),
    async list(db, principal, query) {
      // One after the other: on PGlite every query shares one connection anyway, and on PostgreSQL
      // the user's few indexed queries are cheaper than holding several pool connections.
      const totals = new Map<TodoKind, KindCount>();
      const items = [];
      for (const provider of providers) {
        const drafts = await provider.list(db, principal, query);
        if (drafts.length > query.limit) {
          throw new Error(`to-do provider "${provider.source}" returned more than ${query.limit} items`);
        }
        items.push(...drafts.map((draft) => finishItem(draft, provider.source, query.today)));
        addCounts(
          totals,
          provider.count
            ? await provider.count(db, principal, query)
            : countDrafts(drafts, drafts.length === query.limit),
        );
      }
      items.sort(compareTodos);
      const counts = orderedCounts(totals, TodoKind.options);
      const total = counts.reduce((sum, count) => sum + count.count, 0);
      const shown = items.slice(0, query.limit);
      return {
        today: query.today,
        items: shown,
        counts,
        total: Math.max(total, items.length),
        isTruncated: items.length > shown.length || total > shown.length,
      };
    },
  };
}
