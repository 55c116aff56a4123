import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '#contracts/common.ts';
import type { NominationStatus } from '#contracts/nominees.ts';
import {
  CreatePublicNoticeBody,
  NoticeCandidateList,
  NoticeCandidateQuery,
  PublicNotice,
  type PublicNoticeAction,
  PublicNoticePage,
  PublicNoticeQuery,
  WithdrawPublicNoticeBody,
} from '#contracts/public-notice.ts';
import { resolveScope } from '#server/modules/organisation/index.ts';
import { actorOf, requirePrincipal } from '#server/platform/auth/access.ts';
import type { Database } from '#server/platform/db/client.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { withCurrentOnConflict } from '#server/platform/http/version-conflict.ts';
import { inScope, NOTICE_READ_ROLES, NOTICE_WRITE_ROLES } from '../public-notice.policy.ts';
import { noticePath } from '../public-pages/pages.ts';
import { noticeStatusOf, vietnamToday } from './notice-rules.ts';
import type { NoticeWithNames } from './notices.repo.ts';
import {
  type Caller,
  getVisibleNotice,
  noticeCandidates,
  postNominees,
  searchNotices,
  withdrawNotice,
} from './notices.service.ts';

export const errors = {
  400: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
export const IdParams = z.object({ id: z.string().uuid('Mã không hợp lệ') });
export const callerOf = (request: FastifyRequest): Caller => ({
  principal: requirePrincipal(request),
  actor: actorOf(request),
});

/** A notice as the office sees it, with what the caller may do. */
export function presentNotice(row: NoticeWithNames, canWrite: boolean): PublicNotice {
  const { notice } = row;
  const status = noticeStatusOf(notice, vietnamToday());
  const actions: PublicNoticeAction[] = [];
  if (canWrite) actions.push('moderate');
  if (canWrite && status !== 'withdrawn' && row.nomineeStatus === 'posted') actions.push('withdraw');
  return {
    id: notice.id,
    nominee: {
      id: notice.nomineeId,
      nominationId: row.nominationId,
      status: row.nomineeStatus as NominationStatus,
    },
    receivingUnit: { id: notice.receivingUnitId, name: row.receivingName },
    startDate: notice.startDate,
    endDate: notice.endDate,
    workingDays: notice.workingDays,
    article: notice.article,
    noticeText: notice.noticeText,
    subjectName: notice.subjectName,
    position: notice.position,
    unitName: notice.unitName,
    awardName: notice.awardName,
    achievements: notice.achievements,
    status,
    withdrawnAt: notice.withdrawnAt?.toISOString() ?? null,
    withdrawReason: notice.withdrawReason,
    commentCount: Number(row.commentCount),
    unansweredCount: Number(row.unansweredCount),
    publicPath: noticePath(notice.id),
    createdAt: notice.createdAt.toISOString(),
    actions,
    version: notice.version,
  };
}

/** The notice as the caller sees it now. */
export async function noticeDetail(db: Database, caller: Caller, id: string) {
  const row = await getVisibleNotice(db, caller, id);
  const writeScope = await resolveScope(db, caller.principal, NOTICE_WRITE_ROLES);
  return presentNotice(row, inScope(writeScope, row.receivingPath));
}

/** The office's routes of notices: list, one, candidates of a tờ trình, post, withdraw. */
export function registerNoticeRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public-notice'];
  const readers = { access: NOTICE_READ_ROLES };
  const officers = { access: NOTICE_WRITE_ROLES };

  api.get(
    '/api/public-notices',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Thông báo công khai lấy ý kiến của cấp mình',
        querystring: PublicNoticeQuery,
        response: { 200: PublicNoticePage, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const page = await searchNotices(db, caller, request.query);
      const writeScope = await resolveScope(db, caller.principal, NOTICE_WRITE_ROLES);
      return {
        ...page,
        items: page.rows.map((row) => presentNotice(row, inScope(writeScope, row.receivingPath))),
      };
    },
  );
  api.get(
    '/api/public-notices/candidates',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Đối tượng của tờ trình có thể đưa ra công khai',
        querystring: NoticeCandidateQuery,
        response: { 200: NoticeCandidateList, ...errors },
      },
    },
    (request) => noticeCandidates(db, callerOf(request), request.query.nominationId),
  );
  api.get(
    '/api/public-notices/:id',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Một thông báo công khai',
        params: IdParams,
        response: { 200: PublicNotice, ...errors },
      },
    },
    (request) => noticeDetail(db, callerOf(request), request.params.id),
  );
  api.post(
    '/api/public-notices',
    {
      config: { ...officers, idempotent: true },
      schema: {
        tags,
        summary: 'Công khai đối tượng đề nghị để lấy ý kiến',
        body: CreatePublicNoticeBody,
        response: { 201: z.object({ items: z.array(PublicNotice) }), ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const created = await postNominees(db, caller, request.body);
      reply.status(201);
      return { items: await Promise.all(created.map((notice) => noticeDetail(db, caller, notice.id))) };
    },
  );
  api.post(
    '/api/public-notices/:id/withdraw',
    {
      config: officers,
      schema: {
        tags,
        summary: 'Rút công khai (kèm lý do)',
        params: IdParams,
        body: WithdrawPublicNoticeBody,
        response: { 200: PublicNotice, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const current = () => noticeDetail(db, caller, request.params.id);
      await withCurrentOnConflict(withdrawNotice(db, caller, request.params.id, request.body), current);
      return current();
    },
  );
}
