import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RoundUnit, RoundUnitPage, type SetUnitDeadlineBody } from '../../../../contracts/round-deadlines.ts';
import { api } from '../../lib/api-client.ts';

/** A page of a round's lower units with their deadlines and whether they have sent. */
export function useRoundUnits(roundId: string, position: { after?: string; before?: string; limit: number }) {
  return useQuery({
    queryKey: ['nominations', 'round-units', roundId, position],
    queryFn: ({ signal }) =>
      api.get(`/api/award-rounds/${roundId}/units`, {
        query: { ...position },
        schema: RoundUnitPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Sets, changes or removes (null) a lower unit's own deadline at the version shown. */
export function useSetUnitDeadline(roundId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, body }: { unitId: string; body: SetUnitDeadlineBody }) =>
      api.put(`/api/award-rounds/${roundId}/units/${unitId}/deadline`, body, { schema: RoundUnit }),
    onSettled: () => client.invalidateQueries({ queryKey: ['nominations', 'round-units', roundId] }),
    meta: { silentError: true },
  });
}
