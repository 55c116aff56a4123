import type { Executor } from '../db/client.ts';
import { resolveSession } from './session-store.ts';

/**
 * A few seconds of in-process memory of resolved sessions, so a page that fires several API calls
 * costs one session lookup, not one per call. Sessions stay in the database (any server process
 * accepts any session); the price is that a logout or a grant change made through another process
 * takes effect here within SESSION_CACHE_MS. A logout through this process takes effect at once.
 */
export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

type Resolved = Awaited<ReturnType<typeof resolveSession>>;
const cache = new Map<string, { value: Resolved; expiresAt: number }>();

/** Resolves a session token, answering from memory when it was resolved in the last few seconds. */
export async function resolveSessionCached(executor: Executor, token: string): Promise<Resolved> {
  const now = Date.now();
  const hit = cache.get(token);
  if (hit && hit.expiresAt > now) return hit.value;
  const value = await resolveSession(executor, token);
  if (value) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(token, { value, expiresAt: now + SESSION_CACHE_MS });
  } else {
    cache.delete(token);
  }
  return value;
}

/** Forgets a session at once (logout through this process). */
export function forgetSession(token: string): void {
  cache.delete(token);
}

/**
 * Forgets at once every remembered session of a user (disabled, password changed or reset), so this
 * process asks the database again; other processes follow within SESSION_CACHE_MS.
 */
export function forgetUserSessions(userId: string): void {
  for (const [token, entry] of cache) {
    if (entry.value?.principal.id === userId) cache.delete(token);
  }
}
