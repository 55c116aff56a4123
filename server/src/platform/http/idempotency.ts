import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Database } from '../db/client.ts';
import { AppError } from './app-error.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A route that creates: a request repeating an `Idempotency-Key` gets the first reply (same status
     * and body) instead of creating a second record. Every POST answering 201 must say true or false.
     */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** The key this request claimed and must complete (store its reply) or release. */
    idempotencyClaim: IdempotencyClaim | null;
  }
}

interface IdempotencyClaim {
  userId: string;
  key: string;
  settled: boolean;
}

/** The header the web client sends with every create: one uuid per user action. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
/** How long a key is remembered. */
const KEEP = sql.raw(`interval '24 hours'`);
/** A request still "running" after this long died with its process; a repeat may take over. */
const ABANDONED = sql.raw(`interval '5 minutes'`);
/** How long a repeat waits for the first request to finish. */
const WAIT_MS = 30_000;
const CLEAN_UP_EVERY_MS = 10 * 60_000;

const invalidKey = () =>
  new AppError(
    'VALIDATION_FAILED',
    'Mã chống gửi trùng không hợp lệ (8–128 ký tự gồm chữ không dấu, số, dấu chấm, gạch).',
  );
const stillRunning = () =>
  new AppError(
    'CONFLICT',
    'Yêu cầu giống hệt trước đó vẫn đang được xử lý. Vui lòng đợi giây lát rồi tải lại trang để xem kết quả.',
  );

/** JSON with object keys in order, so equal requests hash equally whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What makes two requests "the same": route, parameters, query and the validated JSON body. A file
 * upload's body is read later by its handler, so for multipart routes its length stands for it.
 */
export function requestHash(route: string, request: FastifyRequest) {
  const content = canonicalJson({
    route,
    params: request.params,
    query: request.query,
    body: request.isMultipart() ? { uploadLength: request.headers['content-length'] } : request.body,
  });
  return createHash('sha256').update(content).digest('hex');
}

async function rows<Row>(db: Database, query: SQL): Promise<Row[]> {
  return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
}

type ClaimOutcome = { kind: 'claimed' } | { kind: 'replay'; status: number; response: string };

/**
 * Claims the key for this request, or finds the first request's reply. The unique (user, key) lets
 * exactly one request insert (or take over an expired or abandoned row); a repeat that finds the
 * first still running waits for its reply, and takes over if the first failed and released the key.
 */
async function claim(
  db: Database,
  claimant: { userId: string; key: string; route: string; hash: string },
): Promise<ClaimOutcome> {
  const { userId, key, route, hash } = claimant;
  const deadline = Date.now() + WAIT_MS;
  for (let pause = 20; ; pause = Math.min(pause * 2, 400)) {
    const claimed = await rows(
      db,
      sql`insert into idempotency_keys (user_id, key, route, request_hash)
        values (${userId}::uuid, ${key}, ${route}, ${hash})
        on conflict (user_id, key) do update
          set route = excluded.route, request_hash = excluded.request_hash, status = null,
              response = null, created_at = now()
          where idempotency_keys.created_at < now() - ${KEEP}
             or (idempotency_keys.status is null and idempotency_keys.created_at < now() - ${ABANDONED})
        returning 1 as claimed`,
    );
    if (claimed.length) return { kind: 'claimed' };
    const [first] = await rows<{ request_hash: string; status: number | null; response: string | null }>(
      db,
      sql`select request_hash, status, response from idempotency_keys
        where user_id = ${userId}::uuid and key = ${key}`,
    );
    if (first && first.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (first && first.status !== null) {
      return { kind: 'replay', status: Number(first.status), response: first.response ?? '' };
    }
    if (Date.now() > deadline) throw stillRunning();
    // The first request is still running: wait. Gone (it failed and released the key): claim again now.
    if (first) await sleep(pause);
  }
}

/** True when a route answers 201 (it creates), read from its response schema. */
function answersCreated(route: RouteOptions): boolean {
  const response = route.schema?.response as Record<string, unknown> | undefined;
  return Boolean(response && (response[201] || response['201']));
}

/**
 * Makes the routes marked `config.idempotent` answer a repeated `Idempotency-Key` (per user) with the
 * first reply. A successful reply (2xx) is stored with its status and body; a failure releases the
 * key so the corrected form can be sent again with it. A request without the header is handled as
 * before (scripts and API clients); the web client always sends one. Keys expire after 24 hours.
 */
export function registerIdempotency(app: FastifyInstance, db: Database): void {
  app.decorateRequest('idempotencyClaim', null);
  let lastCleanUp = 0;

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.includes('POST') && answersCreated(route) && route.config?.idempotent === undefined) {
      throw new Error(`POST ${route.url} creates (201) but does not declare config.idempotent`);
    }
  });

  const release = async (claimed: IdempotencyClaim) => {
    await db.execute(
      sql`delete from idempotency_keys where user_id = ${claimed.userId}::uuid and key = ${claimed.key}`,
    );
  };

  // preHandler: after the access hook (a principal) and validation (the body the hash covers).
  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config?.idempotent) return;
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || !request.principal) return;
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) throw invalidKey();
    const route = `${request.method} ${request.routeOptions.url}`;
    const userId = request.principal.id;
    if (Date.now() - lastCleanUp > CLEAN_UP_EVERY_MS) {
      lastCleanUp = Date.now();
      await db.execute(sql`delete from idempotency_keys where created_at < now() - ${KEEP}`);
    }
    const outcome = await claim(db, { userId, key: header, route, hash: requestHash(route, request) });
    if (outcome.kind === 'claimed') {
      request.idempotencyClaim = { userId, key: header, settled: false };
      return;
    }
    reply.code(outcome.status).type('application/json; charset=utf-8').header('idempotent-replayed', 'true');
    return reply.send(outcome.response);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claimed = request.idempotencyClaim;
    if (!claimed || claimed.settled) return payload;
    claimed.settled = true;
    const succeeded = reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string';
    try {
      if (succeeded) {
        await db.execute(sql`update idempotency_keys set status = ${reply.statusCode}, response = ${payload}
          where user_id = ${claimed.userId}::uuid and key = ${claimed.key}`);
      } else {
        await release(claimed);
      }
    } catch (error) {
      request.log.error({ err: error, requestId: request.id }, 'idempotency key not settled');
    }
    return payload;
  });

  // A request that ended without a reply being sent (the client went away) frees its key.
  app.addHook('onResponse', async (request) => {
    const claimed = request.idempotencyClaim;
    if (!claimed || claimed.settled) return;
    claimed.settled = true;
    await release(claimed).catch((error: unknown) => {
      request.log.error({ err: error, requestId: request.id }, 'idempotency key not released');
    });
  });
}
