import { useCallback, useState } from 'react';
import { newIdempotencyKey } from './api-client.ts';

/**
 * The idempotency key of one user action: made when the form (or screen) opens, the same for every
 * retry and double click of that action, renewed once it succeeded so the next action is a new one.
 */
export function useIdempotencyKey(): { key: string; renew: () => void } {
  const [key, setKey] = useState(newIdempotencyKey);
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  return { key, renew };
}
