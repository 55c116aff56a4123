import { and, eq } from 'drizzle-orm';
import { moveNominees } from '#server/modules/nominations/index.ts';
import { buildNominationScene } from '#server/modules/nominations/test-support.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import { auditEvents, publicComments, publicNotices } from '#server/platform/db/schema.ts';
import { randomAddress } from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';
import { signCommentToken } from './comments/form-token.ts';

/**
 * The nomination scene with a tờ trình of two people for `award` (CSTĐTQ: posted for 10 working
 * days) submitted by the commune and received by the province; the nominees then moved to
 * `stage` (appraised unless told) through moveNominees, as the appraisal part does.
 */
export async function buildNoticeScene(
  t: TestApp,
  options: { award?: string; stage?: 'received' | 'appraised' } = {},
) {
  const scene = await buildNominationScene(t);
  const award = options.award ?? 'CSTDTQ';
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/nominations',
    headers: scene.communeOfficer.headers,
    payload: scene.draft(scene.people.map((person) => scene.nominee(person.id, award))),
  });
  if (created.statusCode !== 201) throw new Error(`nomination: ${created.body}`);
  const nominationId = created.json().id as string;
  const nomineeIds = (created.json().nominees as { id: string }[]).map((nominee) => nominee.id);
  for (const [move, who, version] of [
    ['submit', scene.communeOfficer, 1],
    ['receive', scene.provinceOfficer, 2],
  ] as const) {
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${nominationId}/${move}`,
      headers: who.headers,
      payload: { version },
    });
    if (moved.statusCode !== 200) throw new Error(`${move}: ${moved.body}`);
  }
  if ((options.stage ?? 'appraised') === 'appraised')
    await t.handle.db.transaction((tx) =>
      moveNominees(tx, systemActor('test'), {
        nomineeIds,
        from: ['received'],
        to: 'appraised',
        // The appraisal part adds its own action name; the test only needs the stage.
        action: 'nominee.appraise',
        refusal: 'not received',
      }),
    );
  return { ...scene, award, nominationId, nomineeIds };
}
export type NoticeScene = Awaited<ReturnType<typeof buildNoticeScene>>;

/** Posts nominees as the province officer. */
export const postNotice = (
  t: TestApp,
  scene: NoticeScene,
  payload: object,
  headers = scene.provinceOfficer.headers,
) => t.app.inject({ method: 'POST', url: '/api/public-notices', headers, payload });

/** A posted scene: both nominees posted today; returns the notices. */
export async function buildPostedScene(t: TestApp, options: { award?: string } = {}) {
  const scene = await buildNoticeScene(t, options);
  const posted = await postNotice(t, scene, { nomineeIds: scene.nomineeIds });
  if (posted.statusCode !== 201) throw new Error(`post: ${posted.body}`);
  const notices = posted.json().items as { id: string; version: number; subjectName: string }[];
  return { ...scene, notices };
}

/** Sends the public comment form of a notice as a browser would (url-encoded), from an address. */
export function sendComment(
  t: TestApp,
  noticeId: string,
  fields: Record<string, string> = {},
  options: { address?: string; token?: string; headers?: Record<string, string> } = {},
) {
  const form = {
    token: options.token ?? signCommentToken(t.app, noticeId, Date.now() - 10_000),
    website: '',
    authorName: 'Phạm Thị Góp Ý',
    contact: '0912 345 678',
    body: 'Tôi xác nhận chị có nhiều đóng góp cho địa phương trong hai năm qua.',
    ...fields,
  };
  return t.app.inject({
    method: 'POST',
    url: `/cong-khai/lay-y-kien/${noticeId}/y-kien`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
    payload: new URLSearchParams(form).toString(),
    remoteAddress: options.address ?? randomAddress(),
  });
}

/** Rows of the tables the module owns, for assertions. */
export const storedNotice = async (t: TestApp, id: string) =>
  (await t.handle.db.select().from(publicNotices).where(eq(publicNotices.id, id)))[0];
export const storedComments = (t: TestApp, noticeId: string) =>
  t.handle.db.select().from(publicComments).where(eq(publicComments.noticeId, noticeId));
export const auditOf = (t: TestApp, action: string, entityId: string | null = null) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(
      entityId
        ? and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId))
        : eq(auditEvents.action, action),
    );

/** Moves a notice's window into the past (its last day was yesterday), as time passing would. */
export async function endNotice(t: TestApp, id: string) {
  const yesterday = new Date(Date.now() + 7 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  await t.handle.db
    .update(publicNotices)
    .set({ startDate: '2025-01-02', endDate: yesterday })
    .where(eq(publicNotices.id, id));
}
