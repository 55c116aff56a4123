import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CouncilDetail, type CouncilMemberBody, CouncilPage } from '../../../../../contracts/organisation.ts';
import { api } from '../../../lib/api-client.ts';

/** Cache keys of the council queries. */
export const councilKeys = {
  all: ['councils'] as const,
  list: (unitId: string | undefined, page: number) => ['councils', 'list', unitId ?? '', page] as const,
  detail: (id: string) => ['councils', 'detail', id] as const,
};

/** The councils in the user's scope (optionally of one unit). */
export function useCouncils(options: { unitId?: string; page?: number; pageSize?: number } = {}) {
  const { unitId, page = 1, pageSize = 100 } = options;
  return useQuery({
    queryKey: councilKeys.list(unitId, page),
    queryFn: ({ signal }) =>
      api.get('/api/councils', { query: { unitId, page, pageSize }, schema: CouncilPage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One council with its members, chair first. */
export function useCouncil(id: string | undefined) {
  return useQuery({
    queryKey: councilKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get(`/api/councils/${id}`, { schema: CouncilDetail, signal }),
    enabled: Boolean(id),
  });
}

/** Adding and removing council members; the reply is the council as it now stands. */
export function useCouncilMemberMutations(councilId: string) {
  const queryClient = useQueryClient();
  const onSuccess = (council: CouncilDetail) => {
    queryClient.setQueryData(councilKeys.detail(councilId), council);
    void queryClient.invalidateQueries({ queryKey: ['councils', 'list'] });
  };
  return {
    add: useMutation({
      mutationFn: ({ body, idempotencyKey }: { body: CouncilMemberBody; idempotencyKey: string }) =>
        api.create(`/api/councils/${councilId}/members`, body, { schema: CouncilDetail, idempotencyKey }),
      onSuccess,
      meta: { silentError: true },
    }),
    remove: useMutation({
      mutationFn: (memberId: string) =>
        api.delete(`/api/councils/${councilId}/members/${memberId}`, { schema: CouncilDetail }),
      onSuccess,
    }),
  };
}
