import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BlocDetail,
  BlocPage,
  BlocYears,
  CopyBlocYearResult,
} from '../../../../../contracts/organisation.ts';
import { api } from '../../../lib/api-client.ts';

/** Cache keys of the bloc queries. */
export const blocKeys = {
  all: ['blocs'] as const,
  list: (councilId: string | undefined, year: number) => ['blocs', 'list', councilId ?? '', year] as const,
  years: (councilId: string | undefined) => ['blocs', 'years', councilId ?? ''] as const,
  detail: (id: string) => ['blocs', 'detail', id] as const,
};

/** The years that have blocs in the user's scope (optionally of one council), latest first. */
export function useBlocYears(councilId?: string) {
  return useQuery({
    queryKey: blocKeys.years(councilId),
    queryFn: ({ signal }) => api.get('/api/blocs/years', { query: { councilId }, schema: BlocYears, signal }),
  });
}

/** The blocs of a year in the user's scope (optionally of one council); `enabled` waits for the year. */
export function useBlocs(year: number, councilId?: string, enabled = true) {
  return useQuery({
    queryKey: blocKeys.list(councilId, year),
    enabled,
    queryFn: ({ signal }) =>
      api.get('/api/blocs', { query: { year, councilId, pageSize: 200 }, schema: BlocPage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One bloc with its member units (head, deputy, members in their stable order). */
export function useBloc(id: string) {
  return useQuery({
    queryKey: blocKeys.detail(id),
    queryFn: ({ signal }) => api.get(`/api/blocs/${id}`, { schema: BlocDetail, signal }),
  });
}

/** The blocs of a year that a unit belongs to (as head, deputy or member). */
export function useBlocsOfUnit(unitId: string, year: number) {
  return useQuery({
    queryKey: [...blocKeys.all, 'of-unit', unitId, year],
    queryFn: ({ signal }) =>
      api.get('/api/blocs', { query: { year, unitId, pageSize: 200 }, schema: BlocPage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Copies a council's blocs of a year to the next year, the head passing to the next member. */
export function useCopyBlocYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      body,
      idempotencyKey,
    }: {
      body: { councilId: string; fromYear: number };
      idempotencyKey: string;
    }) => api.create('/api/blocs/copy-year', body, { schema: CopyBlocYearResult, idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: blocKeys.all }),
  });
}
