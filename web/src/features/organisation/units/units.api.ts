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
import type { CursorPosition } from '../../../components/index.ts';
import { api } from '../../../lib/api-client.ts';

/** Cache keys of the unit queries, so a change can refresh every view of the tree. */
export const unitKeys = {
  all: ['units'] as const,
  roots: () => ['units', 'roots'] as const,
  children: (id: string, position: CursorPosition & { exactTotal?: string } = { limit: 200 }) =>
    ['units', 'children', id, position] as const,
  search: (q: string, position: CursorPosition) => ['units', 'search', q, position] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
};

/** The top units of the user's tree (the units their grants name; the roots for an administrator). */
export function useUnitRoots() {
  return useQuery({
    queryKey: unitKeys.roots(),
    queryFn: ({ signal }) => api.get('/api/units/roots', { schema: UnitPage, signal }),
  });
}

/**
 * Loads one level of the tree (200 units at a time, from `after` when more are asked for), ended
 * units included (they are shown greyed), through the cache.
 */
export function fetchUnitChildren(queryClient: QueryClient, id: string, after?: string) {
  const position = { after, limit: 200 };
  return queryClient.fetchQuery({
    queryKey: unitKeys.children(id, position),
    queryFn: ({ signal }) =>
      api.get(`/api/units/${id}/children`, {
        query: { includeEnded: 'true', ...position },
        schema: UnitPage,
        signal,
      }),
  });
}

/** One keyset page of the units directly under a unit (for the unit page's table). */
export function useUnitChildren(id: string, position: CursorPosition & { exactTotal?: 'true' }) {
  return useQuery({
    queryKey: unitKeys.children(id, position),
    queryFn: ({ signal }) =>
      api.get(`/api/units/${id}/children`, {
        query: { includeEnded: 'true', ...position },
        schema: UnitPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Units whose name, short name or code has words starting with the text's words, ignoring
 * diacritics (server-side), ended ones included; one keyset page.
 */
export function useUnitSearch(q: string, position: CursorPosition & { exactTotal?: 'true' }) {
  return useQuery({
    queryKey: unitKeys.search(q, position),
    queryFn: ({ signal }) =>
      api.get('/api/units', { query: { q, ...position, includeEnded: 'true' }, schema: UnitPage, signal }),
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
