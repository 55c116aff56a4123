import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { OkResponse } from '../../../../../contracts/common.ts';
import { PlanDiff } from '../../../../../contracts/documents.ts';
import { CascadeResponse } from '../../../../../contracts/movements.ts';
import type { CursorPosition } from '../../../components/index.ts';
import { api } from '../../../lib/api-client.ts';

/** Reply of GET /api/movements/:id/diff: both movements, the comparison and its Vietnamese summary. */
export const DiffResponse = z.object({
  parent: z.object({ id: z.string(), name: z.string() }),
  child: z.object({ id: z.string(), name: z.string() }),
  diff: PlanDiff,
  summary: z.string(),
});
export type DiffResponse = z.infer<typeof DiffResponse>;

/**
 * The cascade dashboard below a unit (the launching unit when none is given), with one page of its
 * direct subordinates.
 */
export function useCascade(movementId: string, unitId: string | undefined, position: CursorPosition) {
  return useQuery({
    queryKey: ['movements', 'cascade', movementId, unitId ?? '', position],
    queryFn: ({ signal }) =>
      api.get(`/api/movements/${movementId}/cascade`, {
        query: { unitId, ...position },
        schema: CascadeResponse,
        signal,
      }),
    placeholderData: keepPreviousData,
    meta: { silentError: true },
  });
}

/** A lower unit's implementing plan compared with its parent plan. */
export function usePlanDiff(movementId: string) {
  return useQuery({
    queryKey: ['movements', 'diff', movementId],
    queryFn: ({ signal }) => api.get(`/api/movements/${movementId}/diff`, { schema: DiffResponse, signal }),
    meta: { silentError: true },
  });
}

/** Marks a unit's pending obligation as not applicable, with the reason. */
export function useMarkNotApplicable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ obligationId, reason }: { obligationId: string; reason: string }) =>
      api.post(`/api/obligations/${obligationId}/not-applicable`, { reason }, { schema: OkResponse }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['movements', 'cascade'] }),
  });
}
