import {
  DUE_SOON_DAYS,
  type TodoItem,
  type TodoKind,
  type TodoKindCount,
  type TodoUrgency,
} from '#contracts/todo.ts';

/** An item as a provider gives it: the registry adds the urgency, the days left and the source. */
export interface TodoDraft {
  /** Unique within the provider (the record's id); the registry prefixes the source. */
  key: string;
  kind: TodoKind;
  title: string;
  detail: string | null;
  unit: { id: string; name: string } | null;
  dueOn: string | null;
  link: string;
  actionLabel: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `today` to `dueOn` (both YYYY-MM-DD): negative once the deadline has passed. */
export function daysBetween(today: string, dueOn: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** Overdue after the deadline, due soon within DUE_SOON_DAYS (the deadline day included), later beyond. */
export function urgencyOf(dueOn: string | null, today: string): TodoUrgency {
  if (!dueOn) return 'no_deadline';
  const days = daysBetween(today, dueOn);
  if (days < 0) return 'overdue';
  return days <= DUE_SOON_DAYS ? 'due_soon' : 'later';
}

/** The item the API shows for a provider's draft. */
export function finishItem(draft: TodoDraft, source: string, today: string): TodoItem {
  const { key, ...rest } = draft;
  return {
    ...rest,
    id: `${source}:${key}`,
    daysLeft: draft.dueOn ? daysBetween(today, draft.dueOn) : null,
    urgency: urgencyOf(draft.dueOn, today),
    source,
  };
}

/**
 * Overdue first, then by deadline (earliest first), items without a deadline last; equal deadlines
 * keep the order they came in (each provider's own order, providers in registration order).
 * Sorting by the deadline alone already puts overdue items first: their deadlines are the earliest.
 */
export function compareTodos(a: Pick<TodoItem, 'dueOn'>, b: Pick<TodoItem, 'dueOn'>): number {
  if (a.dueOn === b.dueOn) return 0;
  if (a.dueOn === null) return 1;
  if (b.dueOn === null) return -1;
  return a.dueOn < b.dueOn ? -1 : 1;
}

/** A count of a kind, as a provider reports it. */
export interface KindCount {
  count: number;
  isCapped: boolean;
}

/** Adds a provider's counts into the running totals per kind. */
export function addCounts(
  totals: Map<TodoKind, KindCount>,
  counts: Partial<Record<TodoKind, KindCount>>,
): void {
  for (const [kind, value] of Object.entries(counts) as [TodoKind, KindCount | undefined][]) {
    if (!value || value.count === 0) continue;
    const current = totals.get(kind) ?? { count: 0, isCapped: false };
    totals.set(kind, {
      count: current.count + value.count,
      isCapped: current.isCapped || value.isCapped,
    });
  }
}

/** Counts of the items themselves, for a provider that has no count of its own. */
export function countDrafts(drafts: TodoDraft[], isCapped: boolean): Partial<Record<TodoKind, KindCount>> {
  const counts: Partial<Record<TodoKind, KindCount>> = {};
  for (const draft of drafts) {
    const current = counts[draft.kind] ?? { count: 0, isCapped };
    counts[draft.kind] = { ...current, count: current.count + 1 };
  }
  return counts;
}

/** The counts per kind in the order of the kinds' labels map. */
export function orderedCounts(totals: Map<TodoKind, KindCount>, kinds: readonly TodoKind[]): TodoKindCount[] {
  return kinds.flatMap((kind) => {
    const value = totals.get(kind);
    return value ? [{ kind, ...value }] : [];
  });
}
