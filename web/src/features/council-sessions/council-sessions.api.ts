import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  AgendaCandidatePage,
  AgendaPage,
  SessionPage,
  SessionView,
} from '../../../../contracts/council-sessions.ts';
import { api } from '../../lib/api-client.ts';

/** A keyset position in a list. */
export interface Position {
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
}

/** Cache keys of the council sessions. */
export const sessionKeys = {
  all: ['council-sessions'] as const,
  one: (id: string) => ['council-sessions', 'one', id] as const,
};

/** One page of the sessions the user sees, newest meeting first. */
export function useSessions(position: Position) {
  return useQuery({
    queryKey: ['council-sessions', 'list', position],
    queryFn: ({ signal }) =>
      api.get('/api/council-sessions', { query: { ...position }, schema: SessionPage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One session with its members (who has voted, never how) and the user's actions; refreshed while open. */
export function useSession(id: string) {
  return useQuery({
    queryKey: sessionKeys.one(id),
    queryFn: ({ signal }) => api.get(`/api/council-sessions/${id}`, { schema: SessionView, signal }),
    refetchInterval: (query) => (query.state.data?.status === 'open' ? 10_000 : false),
  });
}

/** One page of the agenda (ballots cast per nominee; the tally once closed). */
export function useAgenda(id: string, position: Position, isOpen: boolean) {
  return useQuery({
    queryKey: ['council-sessions', 'agenda', id, position],
    queryFn: ({ signal }) =>
      api.get(`/api/council-sessions/${id}/agenda`, { query: { ...position }, schema: AgendaPage, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: isOpen ? 10_000 : false,
  });
}

/** Appraised nominees the session may take on its agenda. */
export function useCandidates(id: string, position: Position, enabled: boolean) {
  return useQuery({
    queryKey: ['council-sessions', 'candidates', id, position],
    queryFn: ({ signal }) =>
      api.get(`/api/council-sessions/${id}/candidates`, {
        query: { ...position },
        schema: AgendaCandidatePage,
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
