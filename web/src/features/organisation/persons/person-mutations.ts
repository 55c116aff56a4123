import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type CreatePersonBody,
  PersonListItem,
  type TransferPersonBody,
  type UpdatePersonBody,
} from '../../../../../contracts/organisation.ts';
import { api } from '../../../lib/api-client.ts';
import { personKeys } from './persons.api.ts';

/** Adding, changing and transferring a person; each refreshes every people view afterwards. */
export function usePersonMutations(id?: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: personKeys.all });
  return {
    create: useMutation({
      mutationFn: ({ body, idempotencyKey }: { body: CreatePersonBody; idempotencyKey: string }) =>
        api.create('/api/persons', body, { schema: PersonListItem, idempotencyKey }),
      onSuccess,
      meta: { silentError: true },
    }),
    update: useMutation({
      mutationFn: (body: UpdatePersonBody) =>
        api.patch(`/api/persons/${id}`, body, { schema: PersonListItem }),
      onSuccess,
      meta: { silentError: true },
    }),
    transfer: useMutation({
      mutationFn: ({ body, idempotencyKey }: { body: TransferPersonBody; idempotencyKey: string }) =>
        api.post(`/api/persons/${id}/transfer`, body, { schema: PersonListItem, idempotencyKey }),
      onSuccess,
      meta: { silentError: true },
    }),
  };
}
