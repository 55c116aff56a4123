export { Breadcrumbs, type RouteHandle, useCrumbs } from './breadcrumbs.tsx';
export {
  CursorPager,
  type CursorPosition,
  describeTotal,
  readCursorPosition,
  writeCursorPosition,
} from './cursor-pager.tsx';
export { downloadChart, EChart, type EChartOption } from './echart.tsx';
export { CrashResult, ForbiddenResult, LoadFailedResult, NotFoundResult } from './error-results.tsx';
export { PageHeader } from './page-header.tsx';
export { PortalPublication } from './portal-publication.tsx';
export { VersionConflictNotice } from './version-conflict-notice.tsx';
