import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createNomination, moveNomination } from '#server/modules/nominations/index.ts';
import { answerComment, postNominees, receiveComment } from '#server/modules/public-notice/index.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { publicComments, publicNotices } from '#server/platform/db/schema.ts';
import { appraise, nomineesOf, receive } from './demo-appraisal.ts';
import { fileDemoDossier } from './demo-dossiers.ts';
import type { DemoRound } from './demo-nominations.ts';

export const DEMO_NOTICE_NOMINATION = 'Tờ trình đề nghị tặng danh hiệu Chiến sĩ thi đua toàn quốc';

export const DEMO_PUBLIC_COMMENT =
  'Tôi là người dân xã Tam Đường, xin xác nhận ông/bà được đề nghị luôn tận tình hướng dẫn thủ tục ' +
  'tại bộ phận một cửa. Đề nghị cho biết sáng kiến đã được áp dụng ở những xã nào.';
const ANSWER =
  'Cảm ơn ông/bà đã góp ý. Sáng kiến đã được áp dụng tại 12 xã, phường của tỉnh theo Quyết định công ' +
  'nhận của Hội đồng sáng kiến tỉnh; hồ sơ thành tích được công khai tại trụ sở UBND xã.';

/**
 * Tam Đường's third tờ trình: its first featured person for Chiến sĩ thi đua toàn quốc (decided by
 * the Prime Minister), sent, received and appraised — left `appraised` so the province's officer
 * can post it for public comment (issue 12 item 6).
 */
export async function seedNoticeCandidate(db: Database, round: DemoRound, today: string) {
  const created = await createNomination(db, round.commune, {
    roundId: round.roundId,
    proposingUnitId: round.communeId,
    title: DEMO_NOTICE_NOMINATION,
    nominees: [
      {
        subject: 'individual',
        personId: round.featuredPerson,
        awardCode: 'CSTDTQ',
        rewardType: 'thuong_xuyen',
        periodFrom: 2019,
        periodTo: 2025,
        achievements:
          'Sáu năm liền hoàn thành xuất sắc nhiệm vụ; ba năm liền Chiến sĩ thi đua cơ sở; sáng kiến ' +
          '"Một cửa điện tử tại xã" được công nhận phạm vi toàn quốc.',
      },
    ],
  });
  await fileDemoDossier(db, round.commune, created.id, today);
  await moveNomination(db, round.commune, created.id, 'submit', { version: created.version });
  await receive(db, round.province, created.id);
  await appraise(db, round.province, created.id);
  return created.id;
}

/**
 * The Huân chương proposal appraised (agree) and posted for public comment from today: one comment
 * from the public, as the public form stores it (held for moderation), and the office's answer.
 */
export async function postStateAward(db: Database, round: DemoRound) {
  await appraise(db, round.province, round.communeState);
  const ids = (await nomineesOf(db, round.communeState)).map((nominee) => nominee.id);
  const [notice] = await postNominees(db, round.province, { nomineeIds: ids });
  if (!notice) return;
  await receiveComment(
    db,
    notice.id,
    { authorName: 'Lò Thị Hoa', contact: 'Bản Nà Bỏ, xã Tam Đường', body: DEMO_PUBLIC_COMMENT },
    {
      actor: systemActor('public'),
      addressHash: createHash('sha256').update('demo-public-commenter').digest('hex'),
      formNonce: `demo-${notice.id}`,
    },
  );
  const [comment] = await db
    .select({ id: publicComments.id, version: publicComments.version })
    .from(publicComments)
    .where(eq(publicComments.noticeId, notice.id));
  if (comment)
    await answerComment(db, round.province, comment.id, { version: comment.version, answer: ANSWER });
}

/** The notice of the Huân chương proposal, for the tests. */
export const demoNoticeOf = (db: Database, nomineeId: string) =>
  db.select().from(publicNotices).where(eq(publicNotices.nomineeId, nomineeId));
