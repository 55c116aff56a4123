import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  findPublishedExemplar,
  findPublishedPhotoFile,
  listPublishedExemplars,
  listPublishedPhotos,
} from '#server/modules/exemplars/index.ts';
import { listOpenNotices, vietnamToday } from '#server/modules/public-notice/index.ts';
import type { ModuleContext } from '#server/platform/http/app-context.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { PORTAL_HOME, SHARE_IMAGE_PATH } from '#server/platform/http/public-html.ts';
import { DECISIONS_PATH, renderDecision, renderDecisionList } from './pages/decision-pages.ts';
import { EXEMPLARS_PATH, renderExemplar, renderExemplarList } from './pages/exemplar-pages.ts';
import { renderHome, renderNotFound } from './pages/home-page.ts';
import { MOVEMENTS_PATH, renderMovement, renderMovementList } from './pages/movement-pages.ts';
import {
  findPublicDecision,
  listPublicAwards,
  listPublicDecisions,
  listPublicRecipients,
} from './read/decisions-read.ts';
import { findPublicMovement, listPublicMovements } from './read/movements-read.ts';

/** Public, GET only, no session: the portal reads what was published and nothing else. */
const PUBLIC = { config: { access: 'public', csrf: false }, schema: { hide: true } } as const;
/**
 * Caches keep a page but ask again each time (a withdrawal shows at once); an unchanged page is
 * answered 304 by its ETag, so a phone downloads it once.
 */
const CACHE_PAGE = 'public, no-cache';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR = /^[A-Za-z0-9_-]{1,2000}$/;
const LIST_LIMIT = 20;
const SHARE_IMAGE = readFileSync(new URL('./assets/share.png', import.meta.url));

const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** The paging and search words of a list's address (bad values are ignored, never an error). */
function listQuery(request: FastifyRequest) {
  const query = request.query as Record<string, unknown>;
  const cursor = (name: string) => {
    const value = query[name];
    return typeof value === 'string' && CURSOR.test(value) ? value : undefined;
  };
  const typed = typeof query.q === 'string' ? query.q : '';
  const q = [...typed]
    .map((character) => (character < ' ' || character === '\u007f' ? ' ' : character))
    .join('')
    .trim()
    .slice(0, 100);
  return { after: cursor('sau'), before: cursor('truoc'), q, limit: LIST_LIMIT };
}

/** A page read at a cursor, or the first page when the cursor does not decode. */
const atCursor = <T>(read: (position: { after?: string; before?: string }) => Promise<T>, position: object) =>
  read(position).catch((error) => {
    if (error instanceof AppError) return read({});
    throw error;
  });

/** Sends a page, or 304 when the browser holds the same one (its ETag is a hash of the page). */
function html(request: FastifyRequest, reply: FastifyReply, status: number, body: string) {
  reply.type('text/html; charset=utf-8');
  if (status !== 200) return reply.status(status).header('cache-control', 'no-store').send(body);
  return sendCached(request, reply, `"${createHash('sha1').update(body).digest('base64url')}"`, body);
}

/** 304 when the browser's copy carries this ETag, else the content with it. */
function sendCached(request: FastifyRequest, reply: FastifyReply, etag: string, content: string | Buffer) {
  reply.header('cache-control', CACHE_PAGE).header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.status(200).send(content);
}

/**
 * The public portal under /cong-khai (no sign-in, server-rendered, no script): the home page,
 * published exemplars (with their photos), published decisions with their lists, published
 * movements with their launched plan, the share image, and a Vietnamese 404 for anything else.
 */
export function registerPortalRoutes(app: FastifyInstance, { db, files }: ModuleContext): void {
  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    html(request, reply, 404, renderNotFound(originOf(request)));
  const idOf = (request: FastifyRequest) => {
    const { id } = request.params as { id: string };
    return UUID.test(id) ? id : null;
  };

  app.get(PORTAL_HOME, PUBLIC, async (request, reply) => {
    const latest = { limit: 3 };
    const [exemplars, decisions, notices, movements] = await Promise.all([
      listPublishedExemplars(db, latest),
      listPublicDecisions(db, latest),
      listOpenNotices(db, vietnamToday(), {}),
      listPublicMovements(db, latest),
    ]);
    return html(
      request,
      reply,
      200,
      renderHome(originOf(request), {
        exemplars: exemplars.rows,
        decisions: decisions.rows,
        notices: notices.rows.slice(0, 3),
        movements: movements.rows,
      }),
    );
  });

  app.get(SHARE_IMAGE_PATH, PUBLIC, (_request, reply) =>
    reply.header('cache-control', 'public, max-age=86400').type('image/png').send(SHARE_IMAGE),
  );

  app.get(EXEMPLARS_PATH, PUBLIC, async (request, reply) => {
    const { q, ...position } = listQuery(request);
    const page = await atCursor(
      (at) => listPublishedExemplars(db, { ...at, q, limit: LIST_LIMIT }),
      position,
    );
    return html(request, reply, 200, renderExemplarList(originOf(request), page, q));
  });
  app.get(`${EXEMPLARS_PATH}/:id`, PUBLIC, async (request, reply) => {
    const id = idOf(request);
    const row = id ? await findPublishedExemplar(db, id) : null;
    if (!id || !row) return notFound(request, reply);
    return html(
      request,
      reply,
      200,
      renderExemplar(originOf(request), row, await listPublishedPhotos(db, id)),
    );
  });
  app.get(`${EXEMPLARS_PATH}/:id/anh/:photoId`, PUBLIC, async (request, reply) => {
    const id = idOf(request);
    const { photoId } = request.params as { photoId: string };
    const fileId = id && UUID.test(photoId) ? await findPublishedPhotoFile(db, id, photoId) : null;
    const file = fileId ? await files.load(db, fileId) : null;
    if (!file) return notFound(request, reply);
    // A photo's bytes never change under its id: the ETag is the id.
    return sendCached(
      request,
      reply.header('x-content-type-options', 'nosniff').type(file.contentType),
      `"${photoId}"`,
      file.data,
    );
  });

  app.get(DECISIONS_PATH, PUBLIC, async (request, reply) => {
    const { q, ...position } = listQuery(request);
    const page = await atCursor((at) => listPublicDecisions(db, { ...at, q, limit: LIST_LIMIT }), position);
    return html(request, reply, 200, renderDecisionList(originOf(request), page, q));
  });
  app.get(`${DECISIONS_PATH}/:id`, PUBLIC, async (request, reply) => {
    const id = idOf(request);
    const row = id ? await findPublicDecision(db, id) : null;
    if (!id || !row) return notFound(request, reply);
    const { q: _words, ...position } = listQuery(request);
    const [awards, recipients] = await Promise.all([
      listPublicAwards(db, id),
      atCursor((at) => listPublicRecipients(db, id, { ...at, limit: 100 }), position),
    ]);
    return html(request, reply, 200, renderDecision(originOf(request), row, { awards, recipients }));
  });

  app.get(MOVEMENTS_PATH, PUBLIC, async (request, reply) => {
    const { q, ...position } = listQuery(request);
    const page = await atCursor((at) => listPublicMovements(db, { ...at, q, limit: LIST_LIMIT }), position);
    return html(request, reply, 200, renderMovementList(originOf(request), page, q));
  });
  app.get(`${MOVEMENTS_PATH}/:id`, PUBLIC, async (request, reply) => {
    const id = idOf(request);
    const row = id ? await findPublicMovement(db, id) : null;
    if (!id || !row) return notFound(request, reply);
    return html(request, reply, 200, renderMovement(originOf(request), row));
  });

  app.get(`${PORTAL_HOME}/*`, PUBLIC, notFound);
}
