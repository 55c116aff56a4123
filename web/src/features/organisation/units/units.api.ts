import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  type EndUnitBody,
  type MoveUnitBody,
  UnitDetail,
  UnitListItem,
  UnitPage,
  type UpdateUnitBody,
} from '../../../../../contracts/organisation.ts';
import { api } from '../../../lib/api-client.ts';

/** Cache keys of the unit queries, so a change can refresh every view of the tree. */
export const unitKeys = {
  all: ['units'] as const,
  roots: () => ['units', 'roots'] as const,
  children: (id: string, page = 1, pageSize = 200) => ['units', 'children', id, page, pageSize] as const,
  search: (q: string, page: number) => ['units', 'search', q, page] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
};

/** The top units of the user's tree (the units their grants name; the roots for an administrator). */
export function useUnitRoots() {
  return useQuery({
    queryKey: unitKeys.roots(),
    queryFn: ({ signal }) => api.get('/api/units/roots', { schema: UnitPage, signal }),
  });
}

/** Loads one level of the tree, ended units included (they are shown greyed), through the cache. */
export function fetchUnitChildren(queryClient: QueryClient, id: string) {
  return queryClient.fetchQuery({
    queryKey: unitKeys.children(id),
    queryFn: ({ signal }) =>
      api.get(`/api/units/${id}/children`, {
        query: { includeEnded: 'true', pageSize: 200 },
        schema: UnitPage,
        signal,
      }),
  });
}

/** One page of the units directly under a unit (for the unit page's table). */
export function useUnitChildren(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: unitKeys.children(id, page, pageSize),
    queryFn: ({ signal }) =>
      api.get(`/api/units/${id}/children`, {
        query: { includeEnded: 'true', page, pageSize },
        schema: UnitPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Units whose name or code matches the text, ignoring diacritics (server-side), ended ones included. */
export function useUnitSearch(q: string, page = 1, pageSize = 20) {
  return useQuery({
    queryKey: unitKeys.search(q, page),
    queryFn: ({ signal }) =>
      api.get('/api/units', { query: { q, page, pageSize, includeEnded: 'true' }, schema: UnitPage, signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/** One unit with its ancestors and succession links. */
export function useUnit(id: string | undefined) {
  return useQuery({
    queryKey: unitKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get(`/api/units/${id}`, { schema: UnitDetail, signal }),
    enabled: Boolean(id),
  });
}

/** Changes, moves and ends of a unit; each refreshes every unit view afterwards. */
export function useUnitMutations(id: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: unitKeys.all });
  return {
    update: useMutation({
      mutationFn: (body: UpdateUnitBody) => api.patch(`/api/units/${id}`, body, { schema: UnitListItem }),
      onSuccess,
      meta: { silentError: true },
    }),
    move: useMutation({
      mutationFn: (body: MoveUnitBody) => api.post(`/api/units/${id}/move`, body, { schema: UnitListItem }),
      onSuccess,
      meta: { silentError: true },
    }),
    end: useMutation({
      mutationFn: (body: EndUnitBody) =>
        api.post(`/api/units/${id}/successions`, body, { schema: UnitListItem }),
      onSuccess,
      meta: { silentError: true },
    }),
  };
}
