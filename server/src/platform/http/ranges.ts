import { AppError } from './app-error.ts';

/**
 * The end-not-before-start rule of the contracts (`endNotBeforeStart`), applied to what a record
 * will hold after a partial change: a PATCH that sends only the end (or only the start) is checked
 * against the stored other side. Refused with 400 and a field error on the side that was sent.
 */
export function assertRangeAfterChange<K extends string>(
  stored: Partial<Record<K, unknown>>,
  change: Partial<Record<K, unknown>>,
  start: K,
  end: K,
  message: string,
): void {
  const from = change[start] !== undefined ? change[start] : stored[start];
  const to = change[end] !== undefined ? change[end] : stored[end];
  if (from === null || from === undefined || to === null || to === undefined) return;
  if (typeof from !== typeof to || !(typeof from === 'string' || typeof from === 'number')) return;
  if ((to as string | number) >= from) return;
  const path = change[end] !== undefined ? end : start;
  throw new AppError('VALIDATION_FAILED', `${message}.`, [{ path, message }]);
}
