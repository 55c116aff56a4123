import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  httpSignIn,
  runCli,
  type ServerProcess,
  spawnServer,
  startServer,
} from '../support/server-process.ts';

const DEMO_PASSWORD = 'demo-password-123';
const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-embedded-'));
let server: ServerProcess;

beforeAll(async () => {
  server = await startServer({ TDKT_DATA_DIR: dataDir, TDKT_DEMO_PASSWORD: DEMO_PASSWORD });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('tdkt serve with the embedded database', () => {
  it('creates the demo accounts on first start, prints them and writes data/demo-accounts.txt', async () => {
    expect(server.output()).toContain('demo.admin');
    const file = readFileSync(path.join(dataDir, 'demo-accounts.txt'), 'utf8');
    for (const name of ['demo.admin', 'demo.officer', 'demo.head', 'demo.council', 'demo.staff']) {
      expect(file).toContain(name);
    }
    const health = await (await fetch(`${server.baseUrl}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', db: 'pglite' });
    expect((await httpSignIn(server.baseUrl, 'demo.officer', DEMO_PASSWORD)).status).toBe(200);
  });

  it('serves the web app for any page path', async () => {
    const response = await fetch(`${server.baseUrl}/dang-nhap`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<html/i);
  });

  it('refuses a second server on the same data folder at once, in Vietnamese and English', async () => {
    const second = spawnServer({ TDKT_DATA_DIR: dataDir, PORT: '0' });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('đang được một tiến trình TĐKT khác sử dụng');
    expect(second.output()).toContain('is in use by another TĐKT process');
    expect(second.output()).not.toMatch(/\n\s+at /);
  });

  it('refuses maintenance commands while the server holds the folder', async () => {
    const result = await runCli(['db', 'backup', path.join(dataDir, 'x.backup')], { TDKT_DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.output).toContain('đang được một tiến trình TĐKT khác sử dụng');
    expect(existsSync(path.join(dataDir, 'x.backup'))).toBe(false);
  });

  it('keeps the data across a restart and does not create the demo accounts again', async () => {
    const signedIn = await httpSignIn(server.baseUrl, 'demo.admin', DEMO_PASSWORD);
    const created = await fetch(`${server.baseUrl}/api/users`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: signedIn.cookie,
        'x-csrf-token': signedIn.csrfToken,
      },
      body: JSON.stringify({
        username: 'luu.tru',
        fullName: 'Lưu Trữ',
        password: 'mat-khau-123456',
        role: 'staff',
      }),
    });
    expect(created.status).toBe(201);
    await server.stop();
    server = await startServer({ TDKT_DATA_DIR: dataDir });
    expect(server.output()).not.toContain('demo.admin  ');
    expect((await httpSignIn(server.baseUrl, 'luu.tru', 'mat-khau-123456')).status).toBe(200);
  });
});

describe('tdkt configuration', () => {
  it('lists every bad key and exits without a stack trace', async () => {
    const result = await runCli(['serve'], {
      PORT: 'abc',
      DATABASE_URL: 'postgres://127.0.0.1:1/x',
      LOG_LEVEL: 'loud',
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('PORT');
    expect(result.output).toContain('LOG_LEVEL');
    expect(result.output).toContain('TDKT_SESSION_SECRET');
    expect(result.output).not.toMatch(/\n\s+at /);
  });
});
