import { useRef, useState } from 'react';

/**
 * Runs a form's submit task once at a time: a second click (or Enter) while the request runs is
 * ignored, from the very first click on — before React has re-rendered the button as loading — and
 * `pending` is true until the task ends, for the button's `loading` / the dialog's `confirmLoading`.
 * The task handles its own errors (field errors, notifications); a rejection is not passed on.
 */
export function useSubmitLock<A extends unknown[]>(task: (...args: A) => Promise<unknown> | unknown) {
  const running = useRef(false);
  const [pending, setPending] = useState(false);
  const run = async (...args: A): Promise<void> => {
    if (running.current) return;
    running.current = true;
    setPending(true);
    try {
      await task(...args);
    } catch {
      // The task showed its error; nothing more to do here.
    } finally {
      running.current = false;
      setPending(false);
    }
  };
  return { run, pending };
}
