import { mkdtemp, rm } from 'node:fs/promises';
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

/** Starts `tdkt serve` with a fresh data folder (PGlite, demo accounts seeded with DEMO_PASSWORD). */
export async function startAppServer(): Promise<AppServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tdkt-e2e-data-'));
  try {
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
