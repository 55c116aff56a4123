import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { registerErrorHandler } from '../http/error-handler.ts';
import { registerResponseHeaders } from '../http/response-headers.ts';
import { listRoutes, registerAccessControl } from './access.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

/** A bare app with the access layer, to which a test adds routes. */
async function bareApp(): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(cookie);
  registerErrorHandler(app, { webIndex: null });
  registerResponseHeaders(app);
  registerAccessControl(app, t.handle.db);
  return app;
}

const ok = async () => ({ ok: true });

describe('registering a route', () => {
  it('refuses at start-up an /api route that does not declare its access, in any letter case', async () => {
    const app = await bareApp();
    expect(() => app.get('/api/forgotten', ok)).toThrow('every route under /api must declare config.access');
    expect(() => app.post('/API/Forgotten', ok)).toThrow('must declare config.access');
    expect(() => app.get('/api', ok)).toThrow('must declare config.access');
  });

  it('refuses a route added under an /api prefix by a plugin when the app starts', async () => {
    const app = await bareApp();
    app.register(async (child) => child.get('/hidden', ok), { prefix: '/api' });
    await expect(app.ready()).rejects.toThrow(
      'GET /api/hidden: every route under /api must declare config.access',
    );
  });

  it('refuses a declared access that is not public, signed-in or a list of known roles', async () => {
    const app = await bareApp();
    for (const access of [[], ['root'], 'everyone', 42]) {
      expect(() =>
        app.get(`/api/x${JSON.stringify(access)}`, { config: { access: access as never } }, ok),
      ).toThrow("config.access must be 'public', 'signed-in' or a list of roles");
    }
  });

  it('refuses csrf: false on a route that needs a signed-in user', async () => {
    const app = await bareApp();
    expect(() => app.post('/api/risky', { config: { access: 'signed-in', csrf: false } }, ok)).toThrow(
      'only a public route may declare csrf: false',
    );
  });

  it('makes routes outside /api public, lists every route with its access, HEAD included', async () => {
    const app = await bareApp();
    app.get('/assets/app.js', ok);
    app.get('/api/things', { config: { access: ['tdkt_officer'] } }, ok);
    await app.ready();
    expect(listRoutes(app)).toEqual([
      { method: 'GET', url: '/assets/app.js', access: 'public', csrf: true },
      { method: 'HEAD', url: '/assets/app.js', access: 'public', csrf: true },
      { method: 'GET', url: '/api/things', access: ['tdkt_officer'], csrf: true },
      { method: 'HEAD', url: '/api/things', access: ['tdkt_officer'], csrf: true },
    ]);
    expect((await app.inject({ method: 'HEAD', url: '/api/things' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
  });

  it('gives the API documentation routes an explicit public access, through their plugin context', () => {
    const docs = listRoutes(t.app).filter((route) => route.url.startsWith('/api/docs'));
    expect(docs.map((route) => route.url)).toContain('/api/docs/json');
    expect(docs.every((route) => route.access === 'public')).toBe(true);
  });
});

describe('Cache-Control', () => {
  it('is no-store on API routes unless the route opts out; the web app’s files keep their own', async () => {
    const app = await bareApp();
    app.get('/api/plain', { config: { access: 'public' } }, ok);
    app.get('/api/cacheable', { config: { access: 'public', cacheControl: 'public, max-age=60' } }, ok);
    app.get('/assets/app.js', async (_request, reply) =>
      reply.header('cache-control', 'max-age=3600').send('x'),
    );
    await app.ready();
    const header = async (url: string) => (await app.inject({ method: 'GET', url })).headers['cache-control'];
    expect(await header('/api/plain')).toBe('no-store');
    expect(await header('/%61pi/plain')).toBe('no-store');
    expect(await header('/api/cacheable')).toBe('public, max-age=60');
    expect(await header('/assets/app.js')).toBe('max-age=3600');
  });
});
