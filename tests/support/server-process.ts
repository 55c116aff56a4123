import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
// A ceiling, not a speed check: a loaded 2-core machine needed ~115 s to start the demo server.
const START_TIMEOUT_MS = 300_000;

/** A `tdkt serve` process started by a test. */
export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Asks the OS for a free TCP port on loopback. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The environment of a child process: the test's own, minus any database choice, plus overrides. */
function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete base.DATABASE_URL;
  delete base.TDKT_DATA_DIR;
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return base;
}

function capture(child: ChildProcess) {
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { output: () => log, exited };
}

/** Runs `node bin/tdkt.js ARGS` to completion and returns its exit code and output. */
export async function runCli(args: string[], env: Record<string, string | undefined> = {}) {
  const child = spawn(process.execPath, ['bin/tdkt.js', ...args], {
    cwd: REPO_ROOT,
    env: childEnv(env),
    stdio: 'pipe',
  });
  const { output, exited } = capture(child);
  const code = await exited;
  return { code, output: output() };
}

/** Spawns `tdkt serve` without waiting for it (for tests of refusals at start-up). */
export function spawnServer(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['bin/tdkt.js', 'serve'], {
    cwd: REPO_ROOT,
    env: childEnv(env),
    stdio: 'pipe',
  });
  return { child, ...capture(child) };
}

/** Starts `tdkt serve` on a free loopback port and waits until GET /api/health answers 200. */
export async function startServer(env: Record<string, string | undefined>): Promise<ServerProcess> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { child, output, exited } = spawnServer({ ...env, PORT: String(port), HOST: '127.0.0.1' });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited before it was ready:\n${output()}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer /api/health in time:\n${output()}`);
    }
    const healthy = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.status === 200)
      .catch(() => false);
    if (healthy) return { baseUrl, pid: child.pid as number, output, exited, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A minimal cookie-keeping HTTP client for a real server: sign in, then call with cookie and CSRF token. */
export async function httpSignIn(baseUrl: string, username: string, password: string) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { csrfToken: string; user: { id: string } };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { status: response.status, cookie, csrfToken: body.csrfToken, user: body.user };
}
