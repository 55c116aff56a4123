import { Breadcrumb } from 'antd';
import { Link, type UIMatch, useMatches } from 'react-router';

/** What a route may declare in its `handle`: its breadcrumb label, and whether that crumb is a link. */
export interface RouteHandle {
  crumb?: string;
  /** False for grouping routes that have no page of their own (e.g. "Quản trị"). */
  isLinked?: boolean;
}

interface Crumb {
  label: string;
  path: string;
  isLinked: boolean;
}

/** The breadcrumbs of the current location, from the `handle.crumb` of every matched route. */
export function useCrumbs(): Crumb[] {
  const matches = useMatches() as UIMatch<unknown, RouteHandle | undefined>[];
  const crumbs: Crumb[] = [];
  for (const match of matches) {
    const label = match.handle?.crumb;
    if (!label || crumbs.at(-1)?.label === label) continue;
    crumbs.push({ label, path: match.pathname, isLinked: match.handle?.isLinked ?? true });
  }
  return crumbs;
}

/** Breadcrumb trail under the header; hidden on the home page where it would only repeat the title. */
export function Breadcrumbs() {
  const crumbs = useCrumbs();
  if (crumbs.length < 2) return null;
  return (
    <Breadcrumb
      items={crumbs.map((crumb, index) => ({
        key: crumb.path,
        title:
          crumb.isLinked && index < crumbs.length - 1 ? (
            <Link to={crumb.path}>{crumb.label}</Link>
          ) : (
            crumb.label
          ),
      }))}
    />
  );
}
