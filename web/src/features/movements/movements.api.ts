import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateMovementBody,
  type CriteriaEdit,
  MovementDetail,
  MovementPage,
  MyObligationList,
  type PlaceLineBody,
  PlanVersion,
  PlanVersionList,
  type UpdateMovementBody,
} from '../../../../contracts/movements.ts';
import type { CursorPosition } from '../../components/cursor-pager.tsx';
import { api, isApiError } from '../../lib/api-client.ts';

/** Cache keys of the movement queries, so a change refreshes every view of a movement. */
export const movementKeys = {
  all: ['movements'] as const,
  list: (q: string, position: CursorPosition) => ['movements', 'list', q, position] as const,
  detail: (id: string) => ['movements', 'detail', id] as const,
  versions: (id: string) => ['movements', 'versions', id] as const,
  version: (id: string, version: number) => ['movements', 'version', id, version] as const,
  of: (id: string, part: string) => ['movements', part, id] as const,
};

/** One keyset page of the movements the user sees, searched without diacritics on the server. */
export function useMovements(q: string, position: CursorPosition, exactTotal = false) {
  return useQuery({
    queryKey: [...movementKeys.list(q, position), exactTotal],
    queryFn: ({ signal }) =>
      api.get('/api/movements', {
        query: { q, ...position, exactTotal: exactTotal ? 'true' : undefined },
        schema: MovementPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** One movement with its current plan and the actions the user may take. */
export function useMovement(id: string | undefined) {
  return useQuery({
    queryKey: movementKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get(`/api/movements/${id}`, { schema: MovementDetail, signal }),
    enabled: Boolean(id),
  });
}

/** The stored versions of a movement's plan. */
export function usePlanVersions(id: string) {
  return useQuery({
    queryKey: movementKeys.versions(id),
    queryFn: ({ signal }) => api.get(`/api/movements/${id}/versions`, { schema: PlanVersionList, signal }),
  });
}

/** One stored version of a plan (older versions are shown read-only). */
export function usePlanVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: movementKeys.version(id, version ?? 0),
    queryFn: ({ signal }) =>
      api.get(`/api/movements/${id}/versions/${version}`, { schema: PlanVersion, signal }),
    enabled: version !== null,
  });
}

/**
 * What the user's units owe a movement (an implementing plan by a deadline), with the plan once
 * issued or the draft under way; read only where the panel needs it.
 */
export function useMyObligations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: movementKeys.of(id, 'obligations'),
    queryFn: ({ signal }) =>
      api.get(`/api/movements/${id}/obligations/mine`, { schema: MyObligationList, signal }),
    enabled,
  });
}

/** Stores a changed movement in the cache and refreshes the lists and versions around it. */
export function useStoreMovement() {
  const queryClient = useQueryClient();
  return (movement: MovementDetail) => {
    queryClient.setQueryData(movementKeys.detail(movement.id), movement);
    void queryClient.invalidateQueries({ queryKey: ['movements', 'list'] });
    void queryClient.invalidateQueries({ queryKey: movementKeys.versions(movement.id) });
    void queryClient.invalidateQueries({ queryKey: ['movements', 'obligations'] });
  };
}

/**
 * After a refused edit that had nothing typed (a button, a choice): show the movement as it now
 * stands, from the conflict reply (or by reloading it); the global handler shows the message.
 */
function useReloadOnConflict(id: string) {
  const queryClient = useQueryClient();
  const store = useStoreMovement();
  return (error: unknown) => {
    if (!isApiError(error, 'VERSION_CONFLICT')) return;
    const current = MovementDetail.safeParse(error.conflict?.current);
    if (current.success) store(current.data);
    else void queryClient.invalidateQueries({ queryKey: movementKeys.detail(id) });
  };
}

/** Stores the movement a version conflict carries (the user chose "Tải lại bản mới"). */
export function useStoreConflictMovement() {
  const store = useStoreMovement();
  return (current: unknown) => {
    const parsed = MovementDetail.safeParse(current);
    if (parsed.success) store(parsed.data);
  };
}

/** Creates a movement by hand (name, period, launching unit), once per idempotency key. */
export function useCreateMovement() {
  const store = useStoreMovement();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateMovementBody; idempotencyKey: string }) =>
      api.create('/api/movements', body, { schema: MovementDetail, idempotencyKey }),
    onSuccess: store,
    meta: { silentError: true },
  });
}

/** Changes the name, theme, kind or period of a movement (the form shows errors and conflicts). */
export function useUpdateMovement(id: string) {
  const store = useStoreMovement();
  return useMutation({
    mutationFn: (body: UpdateMovementBody) =>
      api.patch(`/api/movements/${id}`, body, { schema: MovementDetail }),
    onSuccess: store,
    meta: { silentError: true },
  });
}

/** Launches a draft movement (once; the server refuses a second launch). */
export function useLaunchMovement(id: string) {
  const store = useStoreMovement();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (planDeadline: string | undefined) =>
      api.post(`/api/movements/${id}/launch`, { planDeadline }, { schema: MovementDetail }),
    onSuccess: (movement) => {
      store(movement);
      void queryClient.invalidateQueries({ queryKey: ['movements', 'cascade'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

/** Publishes a launched movement on the public portal, or withdraws it, at the version shown. */
export function usePublishMovement(id: string) {
  const store = useStoreMovement();
  const reload = useReloadOnConflict(id);
  return useMutation({
    mutationFn: ({ move, version }: { move: 'publish' | 'withdraw-publication'; version: number }) =>
      api.post(`/api/movements/${id}/${move}`, { version }, { schema: MovementDetail }),
    onSuccess: store,
    onError: reload,
  });
}

/** Answers a launched parent movement with a draft implementing movement of the user's unit. */
export function useImplementMovement(parentId: string) {
  const store = useStoreMovement();
  return useMutation({
    mutationFn: ({ launchingUnitId, idempotencyKey }: { launchingUnitId: string; idempotencyKey: string }) =>
      api.create(
        `/api/movements/${parentId}/implement`,
        { launchingUnitId },
        { schema: MovementDetail, idempotencyKey },
      ),
    onSuccess: store,
  });
}

/**
 * One edit of a criteria tree (add, reword, move, delete, points) at the movement's version. Edits
 * from a button reload the movement when refused as stale; a form (`isForm`) shows the conflict itself.
 */
export function useEditCriteria(id: string, options: { isForm?: boolean } = {}) {
  const store = useStoreMovement();
  const reloadOnConflict = useReloadOnConflict(id);
  return useMutation({
    mutationFn: (edit: CriteriaEdit) =>
      api.post(`/api/movements/${id}/plan/criteria`, edit, { schema: MovementDetail }),
    onSuccess: store,
    onError: options.isForm ? undefined : reloadOnConflict,
    meta: { silentError: options.isForm ?? false },
  });
}

/** Places an unclassified line of an imported plan into a field or section, or drops it. */
export function usePlaceLine(id: string) {
  const store = useStoreMovement();
  const reloadOnConflict = useReloadOnConflict(id);
  return useMutation({
    mutationFn: ({ line, body }: { line: number; body: PlaceLineBody }) =>
      api.post(`/api/movements/${id}/plan/unclassified/${line}`, body, { schema: MovementDetail }),
    onSuccess: store,
    onError: reloadOnConflict,
  });
}
