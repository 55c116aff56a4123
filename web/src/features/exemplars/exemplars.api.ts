import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ExemplarAwardOptions,
  type ExemplarFileKind,
  type ExemplarListQuery,
  ExemplarPage,
  ExemplarView,
} from '../../../../contracts/exemplars.ts';
import type { CursorPosition } from '../../components/cursor-pager.tsx';
import { api, buildUrl, newIdempotencyKey } from '../../lib/api-client.ts';
import { uploadError, uploadFile } from '../../lib/upload.ts';

/** The list's filters as the URL keeps them. */
export type ExemplarFilters = Pick<
  ExemplarListQuery,
  'q' | 'movementId' | 'unitId' | 'stage' | 'kind' | 'status' | 'published'
>;

/** Cache keys of the exemplars. */
export const exemplarKeys = {
  all: ['exemplars'] as const,
  one: (id: string) => ['exemplars', 'one', id] as const,
};

/** One page of the exemplars the user reads, newest discovery first. */
export function useExemplars(filters: ExemplarFilters, position: CursorPosition) {
  return useQuery({
    queryKey: ['exemplars', 'list', filters, position],
    queryFn: ({ signal }) =>
      api.get('/api/exemplars', { query: { ...filters, ...position }, schema: ExemplarPage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One exemplar with its history, files, replications, awards and the user's actions. */
export function useExemplar(id: string) {
  return useQuery({
    queryKey: exemplarKeys.one(id),
    queryFn: ({ signal }) => api.get(`/api/exemplars/${id}`, { schema: ExemplarView, signal }),
  });
}

/** The award records of the exemplar's subject the officer may link. */
export function useAwardOptions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['exemplars', 'award-options', id],
    queryFn: ({ signal }) =>
      api.get(`/api/exemplars/${id}/award-options`, { schema: ExemplarAwardOptions, signal }),
    enabled,
  });
}

/** Refreshes every exemplar query after a change (or a refused stale one). */
export function useRefreshExemplars() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: exemplarKeys.all });
}

/** Uploads a photo or document of an exemplar at its version and returns the exemplar. */
export async function uploadExemplarFile(
  id: string,
  kind: ExemplarFileKind,
  version: number,
  file: File,
  csrfToken: string | null,
) {
  const reply = await uploadFile(
    buildUrl(`/api/exemplars/${id}/files`, { kind, version }),
    file,
    csrfToken,
    () => undefined,
    newIdempotencyKey(),
  );
  if (reply.status === 201) {
    const parsed = ExemplarView.safeParse(reply.payload);
    if (parsed.success) return parsed.data;
  }
  throw uploadError(reply);
}
