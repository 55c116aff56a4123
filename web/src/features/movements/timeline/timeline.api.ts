import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { AssignmentItem, MilestoneItem } from '../../../../../contracts/movements.ts';
import { api } from '../../../lib/api-client.ts';

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

/** Adds milestones (one or several, e.g. those written in the plan). */
export function useAddMilestones(movementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (items: { kind: MilestoneItem['kind']; title: string; dueOn: string }[]) => {
      for (const item of items) {
        await api.post(`/api/movements/${movementId}/milestones`, item, { schema: MilestoneItem });
      }
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: milestonesKey(movementId) }),
  });
}

/** Marks a milestone done or not done. */
export function useMarkMilestone(movementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) =>
      api.patch(`/api/milestones/${id}`, { done }, { schema: MilestoneItem }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: milestonesKey(movementId) }),
  });
}

/** Marks an assignment done or open again. */
export function useMarkAssignment(movementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'open' | 'done' }) =>
      api.patch(`/api/assignments/${id}`, { status }, { schema: AssignmentItem }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: assignmentsKey(movementId) }),
  });
}
