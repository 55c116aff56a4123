import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../../../../contracts/common.ts';
import { PersonCategory } from '../../../../../contracts/organisation.ts';

/** The people list's filters and page, exactly as kept in the URL query string. */
export interface PersonSearch {
  page: number;
  pageSize: number;
  q?: string;
  unitId?: string;
  category?: PersonCategory;
  isLeader?: 'true' | 'false';
  isDirectWorker?: 'true' | 'false';
}

/** The filter fields (everything but paging). */
export type PersonFilterValues = Omit<PersonSearch, 'page' | 'pageSize'>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const yesNo = (value: string | null) => (value === 'true' || value === 'false' ? value : undefined);

function readPositive(value: string | null, fallback: number, max: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, max) : fallback;
}

/** Reads the people filters from the URL; malformed values are dropped rather than sent to the server. */
export function readPersonSearch(params: URLSearchParams): PersonSearch {
  const search: PersonSearch = {
    page: readPositive(params.get('page'), 1, Number.MAX_SAFE_INTEGER),
    pageSize: readPositive(params.get('pageSize'), PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX),
  };
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

/** Writes the filters to a query string, leaving out defaults so links stay short. */
export function writePersonSearch(search: PersonSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'unitId', 'category', 'isLeader', 'isDirectWorker'] as const) {
    const value = search[key]?.trim();
    if (value) params.set(key, value);
  }
  if (search.page > 1) params.set('page', String(search.page));
  if (search.pageSize !== PAGE_SIZE_DEFAULT) params.set('pageSize', String(search.pageSize));
  return params;
}

/** The filters without paging, as the export endpoint takes them. */
export function personFilters(search: PersonSearch): PersonFilterValues {
  const { page: _page, pageSize: _pageSize, ...filters } = search;
  return filters;
}

/** True when at least one filter (not paging) is set. */
export function hasPersonFilters(search: PersonSearch): boolean {
  return Object.values(personFilters(search)).some(Boolean);
}
