import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangePasswordBody, type LoginBody, SessionResponse } from '../../../../contracts/auth.ts';
import { OkResponse } from '../../../../contracts/common.ts';
import { ErrorCode } from '../../../../contracts/errors.ts';
import { api, setApiErrorListener, setCsrfToken } from '../../lib/api-client.ts';
import { showError } from '../../lib/notify.ts';

/** Cache key of the session; every screen reads the signed-in user from it. */
export const sessionQueryKey = ['session'] as const;

const signedOut: SessionResponse = { user: null, csrfToken: null };

/** Reads the current session and remembers its CSRF token for later writes. */
async function fetchSession(signal?: AbortSignal): Promise<SessionResponse> {
  const session = await api.get('/api/auth/session', { schema: SessionResponse, signal });
  setCsrfToken(session.csrfToken);
  return session;
}

/** Stores a new session and drops every cached answer that belonged to the previous one. */
function replaceSession(queryClient: QueryClient, session: SessionResponse): void {
  setCsrfToken(session.csrfToken);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, session);
}

/** The session (user and CSRF token); `user` is null when nobody is signed in. */
export function useSession() {
  const query = useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: true,
  });
  return { ...query, user: query.data?.user ?? null };
}

/** Signs in with a username and password; errors are shown by the login form itself. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post('/api/auth/login', body, { schema: SessionResponse }),
    onSuccess: (session) => replaceSession(queryClient, session),
    meta: { silentError: true },
  });
}

/** Changes the user's own password; the reply is the session without the one-time password's restriction. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) =>
      api.post('/api/auth/password', body, { schema: SessionResponse }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionQueryKey, session);
    },
    meta: { silentError: true },
  });
}

/** Signs out, then reloads on the login page so nothing of the previous user stays in memory. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout', undefined, { schema: OkResponse }),
    onSuccess: () => {
      replaceSession(queryClient, signedOut);
      window.location.replace('/dang-nhap');
    },
  });
}

/**
 * Keeps the cached session true to the server: an UNAUTHENTICATED reply signs the user out (the route
 * guard then sends them to the login page), a CSRF_INVALID reply fetches a fresh token, and a
 * PASSWORD_CHANGE_REQUIRED reply reads the session again (the guard then shows the password change).
 */
export function installSessionErrorHandling(queryClient: QueryClient): () => void {
  setApiErrorListener((error) => {
    if (error.code === ErrorCode.UNAUTHENTICATED) {
      const current = queryClient.getQueryData<SessionResponse>(sessionQueryKey);
      if (current?.user) {
        // The failed page's query is dropped with the session, so say here why the login page appears.
        showError(error);
        replaceSession(queryClient, signedOut);
      }
    } else if (error.code === ErrorCode.CSRF_INVALID || error.code === ErrorCode.PASSWORD_CHANGE_REQUIRED) {
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    }
  });
  return () => setApiErrorListener(null);
}
