import Fastify from 'fastify';
import { getPersonDetail, searchPersons } from '#server/modules/organisation/persons/persons.service.ts';
import { listChildUnits, searchUnits } from '#server/modules/organisation/units/units.service.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import { openPostgres } from '#server/platform/db/client.ts';

/**
 * The baseline of the organisation bench, run as its own process like the real server: a bare
 * Fastify route per endpoint calling the same service function (so the same SQL, the scope query
 * included) for a fixed administrator — without sessions, the access hook, validation, the
 * presenter or response schemas. The ratio real/bare is what our layers cost.
 */
const url = process.env.DATABASE_URL as string;
const port = Number(process.env.PORT);
const handle = await openPostgres(url);
const caller = {
  principal: {
    id: '00000000-0000-0000-0000-000000000000',
    username: 'bench',
    fullName: 'bench',
    grants: [{ role: 'admin' as const, unitId: null, unitName: null }],
    scopedGrants: [{ role: 'admin' as const, unitId: null, unitPath: null }],
  },
  actor: systemActor('bench'),
};
const page = { limit: 20 };
const app = Fastify();
app.get<{ Querystring: { p: string } }>('/bare/children', (request) =>
  listChildUnits(handle.db, caller, request.query.p, page),
);
app.get<{ Querystring: { p: string } }>('/bare/unitSearch', (request) =>
  searchUnits(handle.db, caller, { ...page, q: request.query.p } as Parameters<typeof searchUnits>[2]),
);
app.get<{ Querystring: { p: string } }>('/bare/personSearch', (request) =>
  searchPersons(handle.db, caller, { ...page, q: request.query.p } as Parameters<typeof searchPersons>[2]),
);
app.get<{ Querystring: { p: string } }>('/bare/personPage', (request) =>
  getPersonDetail(handle.db, caller, request.query.p),
);
await app.listen({ port, host: '127.0.0.1' });
console.log(`bare server on ${port}`);
