import { PAGE_SIZE_DEFAULT } from '../../../../../contracts/common.ts';
import { ALPHABET_LETTERS, PersonCategory } from '../../../../../contracts/organisation.ts';
import { readCursorPosition } from '../../../components/cursor-pager.tsx';

/** The people list's filters and position (cursor, letter, page size), exactly as kept in the URL. */
export interface PersonSearch {
  after?: string;
  before?: string;
  limit: number;
  /** Start at this letter of the given name (when no cursor is given). */
  letter?: string;
  /** Ask for the exact total of a list larger than 10,000. */
  exactTotal?: 'true';
  q?: string;
  unitId?: string;
  category?: PersonCategory;
  isLeader?: 'true' | 'false';
  isDirectWorker?: 'true' | 'false';
}

/** The filter fields (everything but the position). */
export type PersonFilterValues = Omit<PersonSearch, 'after' | 'before' | 'limit' | 'letter' | 'exactTotal'>;

const FILTER_KEYS = ['q', 'unitId', 'category', 'isLeader', 'isDirectWorker'] as const;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const cursor = /^[A-Za-z0-9_-]{1,2000}$/;
const yesNo = (value: string | null) => (value === 'true' || value === 'false' ? value : undefined);

/** Reads the people filters and position from the URL; malformed values are dropped rather than sent. */
export function readPersonSearch(params: URLSearchParams): PersonSearch {
  const position = readCursorPosition(params, PAGE_SIZE_DEFAULT);
  const search: PersonSearch = { limit: position.limit };
  if (position.after && cursor.test(position.after)) search.after = position.after;
  else if (position.before && cursor.test(position.before)) search.before = position.before;
  const letter = params.get('letter')?.toUpperCase();
  if (letter && (ALPHABET_LETTERS as readonly string[]).includes(letter)) search.letter = letter;
  if (params.get('exactTotal') === 'true') search.exactTotal = 'true';
  const q = params.get('q')?.trim();
  if (q) search.q = q.slice(0, 100);
  const unitId = params.get('unitId');
  if (unitId && uuid.test(unitId)) search.unitId = unitId;
  const category = PersonCategory.safeParse(params.get('category'));
  if (category.success) search.category = category.data;
  const isLeader = yesNo(params.get('isLeader'));
  if (isLeader) search.isLeader = isLeader;
  const isDirectWorker = yesNo(params.get('isDirectWorker'));
  if (isDirectWorker) search.isDirectWorker = isDirectWorker;
  return search;
}

/** Writes the filters and position to a query string, leaving out defaults so links stay short. */
export function writePersonSearch(search: PersonSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = search[key]?.trim();
    if (value) params.set(key, value);
  }
  if (search.after) params.set('after', search.after);
  else if (search.before) params.set('before', search.before);
  else if (search.letter) params.set('letter', search.letter);
  if (search.exactTotal) params.set('exactTotal', search.exactTotal);
  if (search.limit !== PAGE_SIZE_DEFAULT) params.set('limit', String(search.limit));
  return params;
}

/** The filters without the position, as the export endpoint takes them. */
export function personFilters(search: PersonSearch): PersonFilterValues {
  const filters: PersonFilterValues = {};
  for (const key of FILTER_KEYS) if (search[key]) Object.assign(filters, { [key]: search[key] });
  return filters;
}

/** True when at least one filter (not the position) is set. */
export function hasPersonFilters(search: PersonSearch): boolean {
  return Object.values(personFilters(search)).some(Boolean);
}
