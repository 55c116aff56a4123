import type { Command } from 'commander';
import { seedDemo } from '#server/modules/demo/index.ts';
import { purgeExpiredSessions } from '#server/platform/auth/session-store.ts';
import { loadConfig } from '#server/platform/config.ts';
import { buildApp } from '#server/platform/http/app.ts';
import { openRuntime } from '#server/platform/runtime.ts';

/** Starts the web server: opens and migrates the database, seeds the demo in embedded mode, listens. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const runtime = await openRuntime(config, { purpose: 'requests' });
  const { handle } = runtime;
  for (const warning of runtime.warnings) console.warn(warning);
  if (runtime.dataDir) {
    const lines = await seedDemo(handle.db, {
      dataDir: runtime.dataDir,
      fixedPassword: config.TDKT_DEMO_PASSWORD,
    });
    if (lines) console.log(`\n${lines.join('\n')}\n(đã lưu vào ${runtime.dataDir}/demo-accounts.txt)\n`);
    else console.log(`Tài khoản demo: xem ${runtime.dataDir}/demo-accounts.txt`);
    // PGlite runs no autovacuum: without this the planner would never learn the demo data's (or a
    // grown database's) statistics. ANALYZE samples, so it stays cheap on a large data folder.
    await handle.query('analyze');
  }
  await purgeExpiredSessions(handle.db);
  const app = await buildApp(
    { db: handle.db, dbKind: handle.kind, config },
    {
      logger: { level: config.LOG_LEVEL },
      serveWeb: true,
      sessionSecret: runtime.sessionSecret,
      ...(config.TDKT_JOBS === 'true' ? { jobWorker: { pollMs: 1000 } } : {}),
    },
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await runtime.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await app.listen({ port: config.PORT, host: config.HOST });
  const shown = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  console.log(`TĐKT đang chạy tại http://${shown}:${config.PORT} (CSDL: ${handle.kind})`);
}

/** `tdkt serve`. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Chạy máy chủ web TĐKT / run the TĐKT web server (PORT, HOST, DATABASE_URL, TDKT_DATA_DIR)')
    .action(serve);
}
