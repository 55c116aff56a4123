import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateRegistrationBody,
  Registration,
  RegistrationPage,
  type RegistrationStatus,
} from '../../../../../contracts/movements.ts';
import type { CursorPosition } from '../../../components/index.ts';
import { api } from '../../../lib/api-client.ts';

const key = (movementId: string) => ['movements', 'registrations', movementId] as const;

/** One keyset page of a movement's registrations the user may see, optionally of one state. */
export function useRegistrations(
  movementId: string,
  status: RegistrationStatus | undefined,
  position: CursorPosition,
  exactTotal = false,
) {
  return useQuery({
    queryKey: [...key(movementId), status ?? '', position, exactTotal],
    queryFn: ({ signal }) =>
      api.get(`/api/movements/${movementId}/registrations`, {
        query: { status, ...position, exactTotal: exactTotal ? 'true' : undefined },
        schema: RegistrationPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Every mutation of a registration refreshes the movement's list. */
function useRefresh(movementId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: key(movementId) });
}

/** Registers a unit (unitId) or the user themselves (no unitId), as a draft, once per idempotency key. */
export function useCreateRegistration(movementId: string) {
  const refresh = useRefresh(movementId);
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateRegistrationBody; idempotencyKey: string }) =>
      api.create(`/api/movements/${movementId}/registrations`, body, {
        schema: Registration,
        idempotencyKey,
      }),
    onSuccess: refresh,
    meta: { silentError: true },
  });
}

/** Changes the pledge of a draft or returned registration, at the version the form loaded. */
export function useUpdateRegistration(movementId: string) {
  const refresh = useRefresh(movementId);
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id: string;
      body: Pick<CreateRegistrationBody, 'pledge' | 'targets'> & { version: number };
    }) => api.patch(`/api/registrations/${id}`, body, { schema: Registration }),
    onSuccess: refresh,
    meta: { silentError: true },
  });
}

/** Submits, approves or returns (with a reason) a registration. */
export function useMoveRegistration(movementId: string) {
  const refresh = useRefresh(movementId);
  return useMutation({
    mutationFn: ({
      id,
      move,
      reason,
    }: {
      id: string;
      move: 'submit' | 'approve' | 'return';
      reason?: string;
    }) =>
      api.post(`/api/registrations/${id}/${move}`, move === 'return' ? { reason } : undefined, {
        schema: Registration,
      }),
    onSuccess: refresh,
  });
}

/** Gathers a unit's approved registrations into one, sent to the level above, once per idempotency key. */
export function useConsolidate(movementId: string) {
  const refresh = useRefresh(movementId);
  return useMutation({
    mutationFn: ({
      body,
      idempotencyKey,
    }: {
      body: { unitId: string; pledge: string };
      idempotencyKey: string;
    }) =>
      api.create(`/api/movements/${movementId}/registrations/consolidate`, body, {
        schema: Registration,
        idempotencyKey,
      }),
    onSuccess: refresh,
  });
}
