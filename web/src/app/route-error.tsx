import { isRouteErrorResponse, useRouteError } from 'react-router';
import { CrashResult, NotFoundResult } from '../components/index.ts';

/** Error boundary of the routes: a page that throws while drawing shows a calm message and a reload button. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundResult />;
  if (import.meta.env.DEV) console.error(error);
  const detail = error instanceof Error ? error.message : undefined;
  return <CrashResult detail={detail} />;
}
