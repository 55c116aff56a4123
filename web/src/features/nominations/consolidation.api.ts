import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ConsolidationCandidatePage } from '../../../../contracts/nomination-consolidation.ts';
import { Nomination } from '../../../../contracts/nominees.ts';
import { api } from '../../lib/api-client.ts';

export interface CandidatePosition {
  after?: string;
  before?: string;
  limit: number;
}

/** A page of the lower levels' received nominees the tờ trình's unit may consolidate into it. */
export function useConsolidationCandidates(id: string, position: CandidatePosition, enabled: boolean) {
  return useQuery({
    queryKey: ['nominations', 'consolidation-candidates', id, position],
    queryFn: ({ signal }) =>
      api.get(`/api/nominations/${id}/consolidation-candidates`, {
        query: { ...position },
        schema: ConsolidationCandidatePage,
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Consolidates the chosen nominees into the tờ trình at the version shown (one per idempotency key). */
export function useConsolidate(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { nomineeIds: string[]; version: number; idempotencyKey: string }) =>
      api.post(
        `/api/nominations/${id}/consolidate`,
        { nomineeIds: input.nomineeIds, version: input.version },
        { schema: Nomination, idempotencyKey: input.idempotencyKey },
      ),
    onSuccess: (nomination) => {
      client.setQueryData(['nominations', 'nomination', id], nomination);
      client.invalidateQueries({ queryKey: ['nominations', 'consolidation-candidates', id] });
      client.invalidateQueries({ queryKey: ['nominations', 'round-nominations'] });
    },
    meta: { silentError: true },
  });
}
