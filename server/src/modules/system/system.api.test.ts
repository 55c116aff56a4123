import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

describe('GET /api/health', () => {
  it('answers without a session with the engine and the version', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      db: t.handle.kind,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
  });
});

describe('GET /api/docs', () => {
  it('describes every API route in OpenAPI generated from the contracts', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/auth/session',
        '/api/users',
        '/api/audit-events',
      ]),
    );
    expect(
      spec.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['username', 'password']);
  });

  it('serves the browsable page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('unknown API paths', () => {
  it('answer 404 with a Vietnamese message', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy dữ liệu yêu cầu.' });
  });
});
