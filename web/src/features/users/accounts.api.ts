import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  Account,
  type AccountActiveBody,
  type AccountGrantBody,
  AccountPage,
  type AccountPersonBody,
  type CreateAccountBody,
  GrantableUnit,
  LinkablePerson,
  OneTimePasswordReply,
} from '../../../../contracts/accounts.ts';
import type { CursorPosition } from '../../components/cursor-pager.tsx';
import { api } from '../../lib/api-client.ts';

/** Cache keys of the account queries; every change refreshes the list. */
export const accountKeys = {
  all: ['accounts'] as const,
  list: (search: { q?: string | undefined } & CursorPosition) => ['accounts', 'list', search] as const,
  units: (q: string) => ['accounts', 'grantable-units', q] as const,
  persons: (q: string) => ['accounts', 'linkable-persons', q] as const,
};

/** One keyset page of the accounts the user manages or sees; the previous page stays while loading. */
export function useAccounts(search: { q?: string | undefined; exactTotal?: boolean } & CursorPosition) {
  const { exactTotal, ...position } = search;
  return useQuery({
    queryKey: [...accountKeys.list(position), exactTotal ?? false],
    queryFn: ({ signal }) =>
      api.get('/api/accounts', {
        query: { ...position, exactTotal: exactTotal ? 'true' : undefined },
        schema: AccountPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Units the user may grant roles on, matching a few typed words. */
export function useGrantableUnits(q: string) {
  return useQuery({
    queryKey: accountKeys.units(q),
    queryFn: ({ signal }) =>
      api.get('/api/accounts/grantable-units', { query: { q }, schema: z.array(GrantableUnit), signal }),
  });
}

/** People the user may link an account to, matching a few typed words. */
export function useLinkablePersons(q: string) {
  return useQuery({
    queryKey: accountKeys.persons(q),
    queryFn: ({ signal }) =>
      api.get('/api/accounts/linkable-persons', { query: { q }, schema: z.array(LinkablePerson), signal }),
  });
}

/** A mutation of the accounts that refreshes the list when it succeeds; errors are shown by the dialog. */
function useAccountMutation<Variables, Result>(send: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
    meta: { silentError: true },
  });
}

/** Creates an account (one idempotency key per opening of the dialog). */
export function useCreateAccount() {
  return useAccountMutation((input: { body: CreateAccountBody; idempotencyKey: string }) =>
    api.create('/api/accounts', input.body, { schema: Account, idempotencyKey: input.idempotencyKey }),
  );
}

/** Grants a role on a unit. */
export function useGrantRole() {
  return useAccountMutation((input: { id: string; body: AccountGrantBody }) =>
    api.post(`/api/accounts/${input.id}/grants`, input.body, { schema: Account }),
  );
}

/** Takes a role on a unit away. */
export function useRevokeRole() {
  return useAccountMutation((input: { id: string; body: AccountGrantBody }) =>
    api.post(`/api/accounts/${input.id}/grants/revoke`, input.body, { schema: Account }),
  );
}

/** Disables or enables an account. */
export function useSetAccountActive() {
  return useAccountMutation((input: { id: string; body: AccountActiveBody }) =>
    api.post(`/api/accounts/${input.id}/active`, input.body, { schema: Account }),
  );
}

/** Links an account to a person (or unlinks it). */
export function useLinkPerson() {
  return useAccountMutation((input: { id: string; body: AccountPersonBody }) =>
    api.post(`/api/accounts/${input.id}/person`, input.body, { schema: Account }),
  );
}

/** Issues a one-time password; the reply carries it, to be shown once. */
export function useIssueOneTimePassword() {
  return useAccountMutation((input: { id: string; version: number }) =>
    api.post(
      `/api/accounts/${input.id}/one-time-password`,
      { version: input.version },
      { schema: OneTimePasswordReply },
    ),
  );
}
