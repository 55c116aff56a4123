import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { errorMessages } from '#contracts/errors.ts';
import { installVietnameseValidationMessages } from '#contracts/validation-messages.ts';
import { registerAuditRoutes } from '#server/modules/audit/index.ts';
import { registerAuthRoutes } from '#server/modules/auth/index.ts';
import { registerAwardRoutes } from '#server/modules/awards/index.ts';
import { registerBlocScoringModule } from '#server/modules/bloc-scoring/index.ts';
import { registerCouncilSessionModule } from '#server/modules/council-sessions/index.ts';
import { registerDashboardModule } from '#server/modules/dashboards/index.ts';
import { registerDecisionModule } from '#server/modules/decisions/index.ts';
import { registerExemplarModule } from '#server/modules/exemplars/index.ts';
import { registerInspectionModule } from '#server/modules/inspections/index.ts';
import { registerJobRoutes } from '#server/modules/jobs/index.ts';
import { registerMovementRoutes } from '#server/modules/movements/index.ts';
import { registerNominationRoutes } from '#server/modules/nominations/index.ts';
import { registerNotificationRoutes } from '#server/modules/notifications/index.ts';
import { registerOrganisationRoutes } from '#server/modules/organisation/index.ts';
import { registerPortalModule } from '#server/modules/portal/index.ts';
import { registerPublicNoticeModule } from '#server/modules/public-notice/index.ts';
import { registerReportModule } from '#server/modules/reports/index.ts';
import { registerStatisticsModule } from '#server/modules/statistics/index.ts';
import { registerSystemRoutes } from '#server/modules/system/index.ts';
import { registerTodoRoutes } from '#server/modules/todo/index.ts';
import { registerAccountRoutes, registerUserRoutes } from '#server/modules/users/index.ts';
import { registerAccessControl } from '../auth/access.ts';
import { createFileStore } from '../files/file-store.ts';
import { createJobRegistry } from '../jobs/job-registry.ts';
import { runNextJob, startJobWorker } from '../jobs/job-worker.ts';
import { createTodoRegistry } from '../todo/todo-registry.ts';
import { repoRoot } from '../version.ts';
import type { AppContext, ModuleContext } from './app-context.ts';
import { answerMalformedPath, registerErrorHandler } from './error-handler.ts';
import { registerIdempotency } from './idempotency.ts';
import { type LogStream, loggerOptions } from './logger.ts';
import { registerOpenApi } from './openapi.ts';
import { registerResponseHeaders, warnAboutUntrustedProxy } from './response-headers.ts';

// Every field error in Vietnamese, without English words or type names ("bắt buộc" for a missing field).
installVietnameseValidationMessages();

/** Every module's routes, registered in one place. */
const modules = [
  registerSystemRoutes,
  registerAuthRoutes,
  registerUserRoutes,
  registerAccountRoutes,
  registerAuditRoutes,
  registerOrganisationRoutes,
  registerMovementRoutes,
  registerNotificationRoutes,
  registerTodoRoutes,
  registerJobRoutes,
  registerAwardRoutes,
  registerNominationRoutes,
  registerDecisionModule,
  registerCouncilSessionModule,
  registerPublicNoticeModule,
  registerInspectionModule,
  registerReportModule,
  registerExemplarModule,
  registerStatisticsModule,
  registerBlocScoringModule,
  registerDashboardModule,
  registerPortalModule,
];

export interface BuildAppOptions {
  /** Log at this level (to stdout, or to `stream` in tests); off when absent. */
  logger?: { level: string; stream?: LogStream };
  /** Serve the built web app from web/dist (off in API tests). */
  serveWeb?: boolean;
  sessionSecret: string;
  /** Run queued jobs in this process (a worker polling every `pollMs`); off in API tests, which call `app.jobs.runNext()`. */
  jobWorker?: { pollMs: number };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's job kinds, and a way to run the next waiting job now (tests, the CLI). */
    jobs: { kinds(): string[]; runNext(): Promise<boolean> };
  }
}

/** Builds the Fastify application: plugins, the policy layer, every module, the web app. */
export async function buildApp(context: AppContext, options: BuildAppOptions): Promise<FastifyInstance> {
  const trustProxy = context.config.TDKT_TRUST_PROXY === 'true';
  const app = Fastify({
    logger: options.logger ? loggerOptions(options.logger.level, options.logger.stream) : false,
    trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    // Per-request lines only when debugging; errors are always logged with their request id.
    logController: new LogController({
      disableRequestLogging: !['debug', 'trace'].includes(context.config.LOG_LEVEL),
    }),
    requestIdHeader: false,
    frameworkErrors: answerMalformedPath,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerResponseHeaders(app);
  warnAboutUntrustedProxy(app, trustProxy);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
      },
    },
    // The app is served over plain HTTP on localhost in demo mode; HSTS belongs to the TLS proxy.
    hsts: false,
  });
  await app.register(cookie, { secret: options.sessionSecret });
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 20, parts: 30 } });
  registerErrorHandler(app, { webIndex: options.serveWeb ? webIndexHtml() : null });
  // Before any route: refuses an /api route that declares no access, then decides on the matched route.
  registerAccessControl(app, context.db);
  registerIdempotency(app, context.db);
  await registerOpenApi(app);
  const moduleContext: ModuleContext = {
    ...context,
    todo: createTodoRegistry(),
    jobs: createJobRegistry(),
    files: createFileStore(context.config),
  };
  for (const register of modules) register(app, moduleContext);
  const workerOptions = {
    db: context.db,
    files: moduleContext.files,
    registry: moduleContext.jobs,
    log: app.log,
  };
  app.decorate('jobs', {
    kinds: () => moduleContext.jobs.kinds(),
    runNext: () => runNextJob(workerOptions, `inline:${process.pid}`),
  });
  if (options.jobWorker) {
    const { pollMs } = options.jobWorker;
    let worker: ReturnType<typeof startJobWorker> | null = null;
    app.addHook('onReady', async () => {
      worker = startJobWorker({ ...workerOptions, pollMs });
    });
    app.addHook('onClose', async () => {
      await worker?.stop();
    });
  }

  if (options.serveWeb) {
    await app.register(fastifyStatic, {
      root: path.join(repoRoot, 'web/dist'),
      wildcard: false,
      index: false,
    });
  }
  return app;
}

/** The built single-page app's index.html, or a plain Vietnamese page saying it is not built. */
function webIndexHtml(): string {
  const file = path.join(repoRoot, 'web/dist/index.html');
  if (existsSync(file)) return readFileSync(file, 'utf8');
  return `<!doctype html><meta charset="utf-8"><title>TĐKT</title><p>${errorMessages.NOT_FOUND} Giao diện web chưa được dựng: chạy <code>npm run build</code>.</p>`;
}
