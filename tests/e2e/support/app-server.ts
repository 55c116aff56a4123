import { rmSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../../support/server-process.ts';

/** Password of every demo account in browser tests. */
export const DEMO_PASSWORD = 'demo-password-123';

/** A real `tdkt serve` on a free port with its own embedded database. */
export interface AppServer {
  baseUrl: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

// Kept in the environment, not a module variable, so every journey file of the run finds it.
const TEMPLATE_KEY = 'TDKT_E2E_DEMO_TEMPLATE';

/**
 * The data folder of a demo seeded once per test run: the first journey file starts a server on an
 * empty folder (migrations and the demo), stops it cleanly, and every file then starts on a copy.
 * Seeding the demo takes tens of seconds; copying the folder well under one.
 */
async function demoTemplate(): Promise<string> {
  const ready = process.env[TEMPLATE_KEY];
  if (ready) return ready;
  const dir = await mkdtemp(path.join(tmpdir(), 'tdkt-e2e-template-'));
  try {
    const server = await startServer({ TDKT_DATA_DIR: dir, TDKT_DEMO_PASSWORD: DEMO_PASSWORD });
    await server.stop();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  process.env[TEMPLATE_KEY] = dir;
  return dir;
}

/**
 * Starts `tdkt serve` on a copy of the seeded demo (PGlite, demo accounts with DEMO_PASSWORD). A journey
 * that needs its own data passes `prepare`, which writes it into the copy before the server opens it.
 */
export async function startAppServer(prepare?: (dataDir: string) => Promise<unknown>): Promise<AppServer> {
  const template = await demoTemplate();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tdkt-e2e-data-'));
  try {
    await cp(template, dataDir, { recursive: true });
    await prepare?.(dataDir);
    const server = await startServer({ TDKT_DATA_DIR: dataDir, TDKT_DEMO_PASSWORD: DEMO_PASSWORD });
    return {
      baseUrl: server.baseUrl,
      output: server.output,
      async stop() {
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
