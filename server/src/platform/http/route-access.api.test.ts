import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccessCallers,
  type Caller,
  mayUse,
  type SubtreeRecords,
} from '../../../../tests/support/access-callers.ts';
import { countAllRows } from '../../../../tests/support/row-counts.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { listRoutes, type RouteAccess } from '../auth/access.ts';

let t: TestApp;
let callers: Caller[];
let records: SubtreeRecords;
const figures = { requests: 0, statuses: {} as Record<number, number> };

beforeAll(async () => {
  t = await getTestApp();
  ({ callers, records } = await buildAccessCallers(t));
});

afterAll(() => {
  console.log(`access walk: ${listRoutes(t.app).length} routes, ${JSON.stringify(figures)}`);
});

const isSafe = (method: string) => ['GET', 'HEAD', 'OPTIONS'].includes(method);
const isSuccess = (status: number) => status >= 200 && status < 300;

/** A concrete path for a route: ids of subtree A where the entity is known, random uuids elsewhere. */
function fillPath(url: string): string {
  const known: Record<string, string> = {
    units: records.unitId,
    persons: records.personId,
    councils: records.councilId,
    movements: records.movementId,
  };
  const segments = url.split('/');
  return segments
    .map((segment, index) => {
      if (segment === '*') return 'index.html';
      if (!segment.startsWith(':')) return segment;
      if (segment === ':version' || segment === ':line') return '1';
      return (index === 3 && known[segments[2] as string]) || randomUUID();
    })
    .join('/');
}

/** The path as written, and spelt the ways a router or proxy might read as the same route. */
function variants(path: string): [string, string][] {
  const tail = path.slice('/api/'.length);
  const rest = tail.split('/');
  const encodeLetter = (segment: string) =>
    segment.replace(/[a-z]/i, (letter) => `%${letter.charCodeAt(0).toString(16)}`);
  return [
    ['plain', path],
    ['encoded /api', `/%61pi/${tail}`],
    ['fully encoded /api', `/%61%70%69/${tail}`],
    ['encoded letters in later segments', `/api/${rest.map(encodeLetter).join('/')}`],
    ['doubled slashes', `//api//${rest.join('//')}`],
    ['dot segment', `/api/./${tail}`],
    ['trailing slash', `${path}/`],
    ['upper-case /API', `/API/${tail}`],
    ['upper-case later segment', `/api/${rest[0]?.toUpperCase()}/${rest.slice(1).join('/')}`],
  ];
}

async function send(method: string, url: string, caller: Caller, csrf: boolean) {
  const headers: Record<string, string> = {};
  if (caller.client) {
    headers.cookie = caller.client.cookie;
    if (csrf) headers['x-csrf-token'] = caller.client.csrfToken;
  }
  const response = await t.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(isSafe(method) ? {} : { payload: {} }),
  });
  figures.requests++;
  figures.statuses[response.statusCode] = (figures.statuses[response.statusCode] ?? 0) + 1;
  return response;
}

/** Sends every spelling of the route and returns what went wrong, in words. */
async function walkRoute(route: RouteAccess, caller: Caller): Promise<string[]> {
  const problems: string[] = [];
  const path = fillPath(route.url);
  const allowed = mayUse(route.access, caller);
  const refusal = caller.role ? 403 : 401;
  // Signed-in callers also send state changes without the CSRF token: refused on every route that needs it.
  const passes: boolean[] = [true];
  if (caller.client && !isSafe(route.method) && route.csrf) passes.push(false);
  for (const csrf of passes) {
    // Signing out would end the walking session; it is sent without the token only.
    if (csrf && allowed && route.url === '/api/auth/logout') continue;
    for (const [variant, url] of variants(path)) {
      const { statusCode: status, body } = await send(route.method, url, caller, csrf);
      const label = `${caller.name} ${route.method} ${url} [${variant}${csrf ? '' : ', no CSRF token'}] → ${status}`;
      if (status >= 500) problems.push(`${label}: server error ${body.slice(0, 120)}`);
      if (!csrf && caller.client && !isSafe(route.method) && route.csrf) {
        if (variant === 'plain' && (status !== 403 || !body.includes('CSRF_INVALID')))
          problems.push(`${label}: expected 403 CSRF_INVALID`);
      } else if (!allowed) {
        // A spelling the router reads as this route gets the same refusal; any other finds no route.
        if (variant === 'plain' ? status !== refusal : status !== refusal && status !== 404)
          problems.push(`${label}: expected ${refusal}${variant === 'plain' ? '' : ' or 404'}`);
        if (isSuccess(status)) problems.push(`${label}: succeeded for a caller the route refuses`);
      } else if ((!isSafe(route.method) || route.url.includes(':')) && isSuccess(status)) {
        problems.push(`${label}: succeeded on another subtree's record or an empty body`);
      }
    }
  }
  return problems;
}

describe('every registered route × caller × spelling of its path', () => {
  it('lists the API routes with their declared access, HEAD included', () => {
    const routes = listRoutes(t.app);
    expect(routes.length).toBeGreaterThan(100);
    expect(routes).toContainEqual({ method: 'HEAD', url: '/api/users', access: ['admin'], csrf: true });
    expect(routes).toContainEqual({ method: 'POST', url: '/api/auth/login', access: 'public', csrf: false });
    expect(
      routes.filter((route) => route.url.startsWith('/api/docs')).every((r) => r.access === 'public'),
    ).toBe(true);
  });

  for (const name of ['anonymous', 'staff', 'officer of another subtree'] as const) {
    it(`refuses the ${name} every route it may not use, however the path is spelt, and stores nothing`, async () => {
      const caller = callers.find((candidate) => candidate.name === name) as Caller;
      const before = await countAllRows(t.handle);
      const problems: string[] = [];
      for (const route of listRoutes(t.app)) problems.push(...(await walkRoute(route, caller)));
      for (const url of new Set(listRoutes(t.app).map((route) => route.url))) {
        const { statusCode } = await send('OPTIONS', fillPath(url), caller, true);
        if (statusCode !== 404) problems.push(`${name} OPTIONS ${url} → ${statusCode}: expected 404`);
      }
      expect(problems).toEqual([]);
      expect(await countAllRows(t.handle)).toEqual(before);
    }, 120_000);
  }

  it('answers unknown paths with a bare 404 that reveals nothing, signed in or not', async () => {
    for (const caller of callers) {
      for (const url of ['/api/nothing-here', '/%61pi/users/extra', '/API/AUDIT-EVENTS', '/api//users']) {
        const response = await send('GET', url, caller, true);
        expect(response.statusCode, `${caller.name} ${url}`).toBe(404);
        expect(Object.keys(response.json()).sort()).toEqual(['code', 'message', 'requestId']);
        expect(response.json().code).toBe('NOT_FOUND');
      }
      const malformed = await send('GET', '/api/%ZZ', caller, true);
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toEqual({
        code: 'VALIDATION_FAILED',
        message: 'Đường dẫn không hợp lệ.',
        requestId: malformed.headers['x-request-id'],
      });
      expect(malformed.headers['cache-control']).toBe('no-store');
    }
  });
});
