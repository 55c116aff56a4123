import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type EditPlanDocumentBody,
  LaunchCheck,
  type LaunchWarningCode,
  MovementDetail,
} from '../../../../../contracts/movements.ts';
import { api } from '../../../lib/api-client.ts';
import { movementKeys, useStoreMovement } from '../movements.api.ts';

/**
 * Before a launch: what an implementing plan still lacks to be issued (number, date, signer) and the
 * warnings the user must confirm; read when the launch dialog opens, always fresh.
 */
export function useLaunchCheck(id: string) {
  return useQuery({
    queryKey: movementKeys.of(id, 'launch-check'),
    queryFn: ({ signal }) => api.get(`/api/movements/${id}/launch-check`, { schema: LaunchCheck, signal }),
    staleTime: 0,
    gcTime: 0,
  });
}

/** Corrects the plan's number, date, place, signature or section texts (the form shows errors and conflicts). */
export function useEditPlanDocument(id: string) {
  const store = useStoreMovement();
  return useMutation({
    mutationFn: (body: EditPlanDocumentBody) =>
      api.patch(`/api/movements/${id}/plan/document`, body, { schema: MovementDetail }),
    onSuccess: store,
    meta: { silentError: true },
  });
}

/** Launches (issues) a draft with the warnings the user confirmed; the server refuses a second launch. */
export function useLaunchWithWarnings(id: string) {
  const store = useStoreMovement();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { planDeadline: string | undefined; confirmedWarnings: LaunchWarningCode[] }) =>
      api.post(`/api/movements/${id}/launch`, body, { schema: MovementDetail }),
    onSuccess: (movement) => {
      store(movement);
      void queryClient.invalidateQueries({ queryKey: ['movements', 'cascade'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}
