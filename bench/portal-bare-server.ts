import Fastify from 'fastify';
import { listPublishedExemplars } from '#server/modules/exemplars/index.ts';
import { renderDecision } from '#server/modules/portal/pages/decision-pages.ts';
import { renderHome } from '#server/modules/portal/pages/home-page.ts';
import {
  findPublicDecision,
  listPublicAwards,
  listPublicDecisions,
  listPublicRecipients,
} from '#server/modules/portal/read/decisions-read.ts';
import { listPublicMovements } from '#server/modules/portal/read/movements-read.ts';
import { listOpenNotices, vietnamToday } from '#server/modules/public-notice/index.ts';
import { openPostgres } from '#server/platform/db/client.ts';

/**
 * The baseline of the portal bench, run as its own process like the real server: bare Fastify routes
 * doing the same reads and rendering the same HTML as the portal's home and decision page — without
 * helmet, the access hook, the response-header hooks or the ETag. The ratio real/bare is what our
 * layers cost; /bare/hello (a constant string) is the ceiling of Fastify itself on this machine.
 */
const url = process.env.DATABASE_URL as string;
const port = Number(process.env.PORT);
const handle = await openPostgres(url);
const db = handle.db;
const origin = 'http://127.0.0.1';
const app = Fastify();
app.get('/bare/hello', () => 'ok');
app.get('/bare/home', async (_request, reply) => {
  const latest = { limit: 3 };
  const [exemplars, decisions, notices, movements] = await Promise.all([
    listPublishedExemplars(db, latest),
    listPublicDecisions(db, latest),
    listOpenNotices(db, vietnamToday(), {}),
    listPublicMovements(db, latest),
  ]);
  const content = {
    exemplars: exemplars.rows,
    decisions: decisions.rows,
    notices: notices.rows.slice(0, 3),
    movements: movements.rows,
  };
  return reply.type('text/html; charset=utf-8').send(renderHome(origin, content));
});
app.get<{ Querystring: { id: string } }>('/bare/decision', async (request, reply) => {
  const { id } = request.query;
  const row = await findPublicDecision(db, id);
  if (!row) return reply.status(404).send();
  const [awards, recipients] = await Promise.all([
    listPublicAwards(db, id),
    listPublicRecipients(db, id, { limit: 100 }),
  ]);
  return reply.type('text/html; charset=utf-8').send(renderDecision(origin, row, { awards, recipients }));
});
await app.listen({ port, host: '127.0.0.1' });
console.log(`bare server on ${port}`);
