import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PersonDetail, PersonPage } from '../../../../../contracts/organisation.ts';
import { api } from '../../../lib/api-client.ts';
import type { PersonSearch } from './person-search.ts';

/** Cache keys of the people queries (an import refreshes them all). */
export const personKeys = {
  all: ['persons'] as const,
  list: (search: PersonSearch) => ['persons', 'list', search] as const,
  detail: (id: string) => ['persons', 'detail', id] as const,
};

/** One keyset page of the people the user may see, matching the filters; the previous page stays while loading. */
export function usePersons(search: PersonSearch, enabled = true) {
  return useQuery({
    queryKey: personKeys.list(search),
    queryFn: ({ signal }) => api.get('/api/persons', { query: { ...search }, schema: PersonPage, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One person with their employment history. */
export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: personKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get(`/api/persons/${id}`, { schema: PersonDetail, signal }),
    enabled: Boolean(id),
  });
}
