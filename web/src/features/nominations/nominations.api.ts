import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CreateRoundBody, Round, RoundPage } from '../../../../contracts/nominations.ts';
import { Nomination, NominationPage } from '../../../../contracts/nominees.ts';
import { api } from '../../lib/api-client.ts';

export interface RoundSearch {
  year?: number | undefined;
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
}

/** A page of the rounds the user sees. */
export function useRounds(search: RoundSearch) {
  return useQuery({
    queryKey: ['nominations', 'rounds', search],
    queryFn: ({ signal }) =>
      api.get('/api/award-rounds', { query: { ...search }, schema: RoundPage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One round. */
export function useRound(id: string) {
  return useQuery({
    queryKey: ['nominations', 'round', id],
    queryFn: ({ signal }) => api.get(`/api/award-rounds/${id}`, { schema: Round, signal }),
  });
}

/** Opens a round (one per idempotency key). */
export function useCreateRound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateRoundBody; idempotencyKey: string }) =>
      api.create('/api/award-rounds', body, { schema: Round, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['nominations', 'rounds'] }),
    meta: { silentError: true },
  });
}

/** A page of a round's tờ trình. */
export function useRoundNominations(
  roundId: string,
  position: { after?: string; before?: string; limit: number },
) {
  return useQuery({
    queryKey: ['nominations', 'round-nominations', roundId, position],
    queryFn: ({ signal }) =>
      api.get(`/api/award-rounds/${roundId}/nominations`, {
        query: { ...position },
        schema: NominationPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** One tờ trình with its nominees. */
export function useNomination(id: string) {
  return useQuery({
    queryKey: ['nominations', 'nomination', id],
    queryFn: ({ signal }) => api.get(`/api/nominations/${id}`, { schema: Nomination, signal }),
  });
}

/** Submits, receives or returns a tờ trình at the version shown. */
export function useMoveNomination(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      move,
      body,
    }: {
      move: 'submit' | 'receive' | 'return';
      body: { version: number; reason?: string };
    }) => api.post(`/api/nominations/${id}/${move}`, body, { schema: Nomination }),
    onSuccess: (nomination) => {
      client.setQueryData(['nominations', 'nomination', id], nomination);
      client.invalidateQueries({ queryKey: ['nominations', 'round-nominations'] });
    },
    meta: { silentError: true },
  });
}
