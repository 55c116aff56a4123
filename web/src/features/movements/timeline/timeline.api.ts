import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { AssignmentItem, MilestoneItem } from '../../../../../contracts/movements.ts';
import { api, isApiError } from '../../../lib/api-client.ts';

const milestonesKey = (id: string) => ['movements', 'milestones', id] as const;
const assignmentsKey = (id: string) => ['movements', 'assignments', id] as const;

/** The movement's stored milestones, in date order, with the overdue flag. */
export function useMilestones(movementId: string) {
  return useQuery({
    queryKey: milestonesKey(movementId),
    queryFn: ({ signal }) =>
      api.get(`/api/movements/${movementId}/milestones`, {
        schema: z.object({ items: z.array(MilestoneItem) }),
        signal,
      }),
  });
}

/** The assignments of the movement with each assignee's status. */
export function useAssignments(movementId: string) {
  return useQuery({
    queryKey: assignmentsKey(movementId),
    queryFn: ({ signal }) =>
      api.get(`/api/movements/${movementId}/assignments`, {
        schema: z.object({ items: z.array(AssignmentItem) }),
        signal,
      }),
  });
}

/**
 * Adds milestones (one or several, e.g. those written in the plan). Each carries the action's key
 * with its position, so clicking again after a failure halfway adds only the ones still missing.
 */
export function useAddMilestones(movementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      items,
      idempotencyKey,
    }: {
      items: { kind: MilestoneItem['kind']; title: string; dueOn: string }[];
      idempotencyKey: string;
    }) => {
      for (const [index, item] of items.entries()) {
        await api.create(`/api/movements/${movementId}/milestones`, item, {
          schema: MilestoneItem,
          idempotencyKey: `${idempotencyKey}.${index}`,
        });
      }
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: milestonesKey(movementId) }),
  });
}

/**
 * Marks a milestone done or not done, at the version shown; when someone changed it first the
 * server refuses (its message is shown) and the list reloads.
 */
export function useMarkMilestone(movementId: string) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: milestonesKey(movementId) });
  return useMutation({
    mutationFn: ({ id, done, version }: { id: string; done: boolean; version: number }) =>
      api.patch(`/api/milestones/${id}`, { done, version }, { schema: MilestoneItem }),
    onSuccess: refresh,
    onError: (error) => {
      if (isApiError(error, 'VERSION_CONFLICT')) refresh();
    },
  });
}

/** Marks an assignment done or open again, at the version shown (a stale click reloads the list). */
export function useMarkAssignment(movementId: string) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: assignmentsKey(movementId) });
  return useMutation({
    mutationFn: ({ id, status, version }: { id: string; status: 'open' | 'done'; version: number }) =>
      api.patch(`/api/assignments/${id}`, { status, version }, { schema: AssignmentItem }),
    onSuccess: refresh,
    onError: (error) => {
      if (isApiError(error, 'VERSION_CONFLICT')) refresh();
    },
  });
}
