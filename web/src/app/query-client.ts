import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, ClientErrorCode } from '../lib/api-client.ts';
import { showError } from '../lib/notify.ts';

/** Per-query or per-mutation options read by the global error handler. */
interface AppMeta extends Record<string, unknown> {
  /** The screen shows this error itself (e.g. the login form), so no global message. */
  silentError?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: AppMeta;
    mutationMeta: AppMeta;
  }
}

/** Network failures and server errors are worth one more try; answers like 403 or 404 are not. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const isTransient = error.code === ClientErrorCode.NETWORK_ERROR || error.status >= 500;
  return isTransient && failureCount < 1;
}

/** The app's query client: every failed query or mutation is shown as a readable Vietnamese message. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (!query.meta?.silentError) showError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.silentError) showError(error);
      },
    }),
    defaultOptions: {
      // 'always': a browser that believes it is offline still tries, so the user sees "Không kết nối được
      // máy chủ" instead of a button that spins forever (intranets often confuse navigator.onLine).
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000, networkMode: 'always' },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
