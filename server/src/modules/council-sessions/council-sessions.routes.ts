import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CursorQuery, ErrorResponse, Uuid } from '#contracts/common.ts';
import {
  AgendaAddBody,
  AgendaCandidatePage,
  AgendaPage,
  AgendaQuery,
  AttendanceBody,
  BallotBody,
  BallotReceipt,
  RecusalBody,
  SessionCloseBody,
  SessionCreateBody,
  SessionListQuery,
  SessionPage,
  SessionUpdateBody,
  SessionView,
  VersionQuery,
  WrittenVotesBody,
} from '#contracts/council-sessions.ts';
import { sendFile } from '#server/modules/movements/movements.routes.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { castBallot } from './ballot/ballot.service.ts';
import { assertAllowed, sessionAccess } from './council-sessions.policy.ts';
import { minutesDocx } from './minutes/minutes.docx.ts';
import { addToAgenda, listAgenda, listCandidates, removeFromAgenda } from './sessions/agenda.service.ts';
import { declareRecusal, recordWrittenVotes, setAttendance } from './sessions/attendance.service.ts';
import { closeIfDue, closeSession } from './sessions/close.service.ts';
import { getSessionRow, placeOf } from './sessions/sessions.repo.ts';
import { createSession, getSession, listSessions, updateSession } from './sessions/sessions.service.ts';

const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const NomineeParams = z.object({ id: Uuid, nomineeId: Uuid });
const MemberParams = z.object({ id: Uuid, memberId: Uuid });

/** Council sessions: the session, its agenda, attendance, recusals, the secret ballot, close and minutes. */
export function registerCouncilSessionRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['council-sessions'];
  const signedIn = { access: 'signed-in' as const };
  const view = (request: Parameters<typeof callerOf>[0], id: string) => getSession(db, callerOf(request), id);
  const schema = <T extends object>(summary: string, extra: T) => ({ tags, summary, ...extra });

  api.get(
    '/api/council-sessions',
    {
      config: signedIn,
      schema: schema('Phiên họp Hội đồng TĐKT', {
        querystring: SessionListQuery,
        response: { 200: SessionPage, ...errors },
      }),
    },
    (request) => listSessions(db, callerOf(request), request.query),
  );
  api.post(
    '/api/council-sessions',
    {
      config: { access: ['tdkt_officer'], idempotent: true },
      schema: schema('Lập phiên họp Hội đồng', {
        body: SessionCreateBody,
        response: { 201: SessionView, ...errors },
      }),
    },
    async (request, reply) => {
      const id = await createSession(db, callerOf(request), request.body);
      return reply.status(201).send(await view(request, id));
    },
  );
  api.get(
    '/api/council-sessions/:id',
    {
      config: signedIn,
      schema: schema('Một phiên họp', { params: IdParams, response: { 200: SessionView, ...errors } }),
    },
    (request) => view(request, request.params.id),
  );
  api.patch(
    '/api/council-sessions/:id',
    {
      config: signedIn,
      schema: schema('Sửa phiên họp', {
        params: IdParams,
        body: SessionUpdateBody,
        response: { 200: SessionView, ...errors },
      }),
    },
    async (request) => {
      const { id } = request.params;
      await withCurrentOnConflict(updateSession(db, callerOf(request), id, request.body), () =>
        view(request, id),
      );
      return view(request, id);
    },
  );
  api.get(
    '/api/council-sessions/:id/candidates',
    {
      config: signedIn,
      schema: schema('Đối tượng đã thẩm định có thể đưa ra Hội đồng', {
        params: IdParams,
        querystring: CursorQuery,
        response: { 200: AgendaCandidatePage, ...errors },
      }),
    },
    (request) => listCandidates(db, callerOf(request), request.params.id, request.query),
  );
  api.get(
    '/api/council-sessions/:id/agenda',
    {
      config: signedIn,
      schema: schema('Chương trình phiên họp (ai đã bỏ phiếu, không lộ nội dung)', {
        params: IdParams,
        querystring: AgendaQuery,
        response: { 200: AgendaPage, ...errors },
      }),
    },
    (request) => listAgenda(db, callerOf(request), request.params.id, request.query),
  );
  api.post(
    '/api/council-sessions/:id/agenda',
    {
      config: signedIn,
      schema: schema('Đưa đối tượng ra phiên họp', {
        params: IdParams,
        body: AgendaAddBody,
        response: { 200: SessionView, ...errors },
      }),
    },
    async (request) => {
      const { id } = request.params;
      await withCurrentOnConflict(addToAgenda(db, callerOf(request), id, request.body), () =>
        view(request, id),
      );
      return view(request, id);
    },
  );
  api.delete(
    '/api/council-sessions/:id/agenda/:nomineeId',
    {
      config: signedIn,
      schema: schema('Bỏ đối tượng khỏi chương trình', {
        params: NomineeParams,
        querystring: VersionQuery,
        response: { 200: SessionView, ...errors },
      }),
    },
    async (request) => {
      const { id, nomineeId } = request.params;
      await withCurrentOnConflict(
        removeFromAgenda(db, callerOf(request), id, nomineeId, request.query.version),
        () => view(request, id),
      );
      return view(request, id);
    },
  );
  api.put(
    '/api/council-sessions/:id/attendance/:memberId',
    {
      config: signedIn,
      schema: schema('Điểm danh thành viên', {
        params: MemberParams,
        body: AttendanceBody,
        response: { 200: SessionView, ...errors },
      }),
    },
    async (request) => {
      const { id, memberId } = request.params;
      await withCurrentOnConflict(setAttendance(db, callerOf(request), id, memberId, request.body), () =>
        view(request, id),
      );
      return view(request, id);
    },
  );
  api.post(
    '/api/council-sessions/:id/recusals',
    {
      config: signedIn,
      schema: schema('Thành viên không tham gia biểu quyết một đối tượng', {
        params: IdParams,
        body: RecusalBody,
        response: { 200: SessionView, ...errors },
      }),
    },
    async (request) => {
      await declareRecusal(db, callerOf(request), request.params.id, request.body);
      return view(request, request.params.id);
    },
  );
  api.put(
    '/api/council-sessions/:id/agenda/:nomineeId/written-votes',
    {
      config: signedIn,
      schema: schema('Ghi phiếu bằng văn bản của thành viên vắng mặt', {
        params: NomineeParams,
        body: WrittenVotesBody,
        response: { 200: SessionView, ...errors },
      }),
    },
    async (request) => {
      const { id, nomineeId } = request.params;
      await withCurrentOnConflict(
        recordWrittenVotes(db, callerOf(request), id, nomineeId, request.body),
        () => view(request, id),
      );
      return view(request, id);
    },
  );
  api.post(
    '/api/council-sessions/:id/ballots',
    {
      config: signedIn,
      schema: schema('Bỏ phiếu kín (thành viên tự bỏ phiếu của mình)', {
        params: IdParams,
        body: BallotBody,
        response: { 200: BallotReceipt, ...errors },
      }),
    },
    (request) => castBallot(db, callerOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/council-sessions/:id/close',
    {
      config: signedIn,
      schema: schema('Kết thúc phiên họp và kiểm phiếu', {
        params: IdParams,
        body: SessionCloseBody,
        response: { 200: SessionView, ...errors },
      }),
    },
    async (request) => {
      await closeSession(db, callerOf(request), request.params.id, request.body.version);
      return view(request, request.params.id);
    },
  );
  api.get(
    '/api/council-sessions/:id/minutes',
    {
      config: signedIn,
      schema: schema('Tải biên bản họp Hội đồng (DOCX)', {
        params: IdParams,
        response: { 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
      }),
    },
    async (request, reply) => {
      const { id } = request.params;
      await closeIfDue(db, id);
      const row = await getSessionRow(db, id);
      assertAllowed(await sessionAccess(db, callerOf(request).principal, placeOf(row)), 'read');
      return sendFile(reply, await minutesDocx(db, row));
    },
  );
}
