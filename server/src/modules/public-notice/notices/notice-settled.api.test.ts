import { beforeAll, describe, expect, it } from 'vitest';
import { runPreIssueChecks } from '#server/modules/decisions/index.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { assertNoticeSettled } from '../index.ts';
import {
  buildNoticeScene,
  buildPostedScene,
  endNotice,
  sendComment,
  storedComments,
} from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

/** The refusal assertNoticeSettled throws, or null when it passes. */
async function refusal(ids: string[], check = (tx: Executor) => assertNoticeSettled(tx, ids)) {
  try {
    await t.handle.db.transaction((tx) => check(tx));
    return null;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message };
    throw error;
  }
}

describe('assertNoticeSettled (called by the decisions part before issuing)', () => {
  it('refuses while the notice runs, then while a comment has no answer; passes once answered', async () => {
    const scene = await buildPostedScene(t);
    const [notice] = scene.notices;
    if (!notice) throw new Error('no notice');
    const running = await refusal([scene.nomineeIds[0] ?? '']);
    expect(running).toMatchObject({ status: 422, code: 'RULE_VIOLATION' });
    expect(running?.message).toContain('đang được công khai lấy ý kiến đến hết ngày');

    await sendComment(t, notice.id);
    await endNotice(t, notice.id);
    const unanswered = await refusal([scene.nomineeIds[0] ?? '']);
    expect(unanswered).toMatchObject({ status: 422 });
    expect(unanswered?.message).toContain('Còn 1 ý kiến góp ý về Nguyễn Thị Hoa chưa được trả lời');

    const [comment] = await storedComments(t, notice.id);
    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/public-comments/${comment?.id}/answer`,
      headers: scene.provinceOfficer.headers,
      payload: { version: 1, answer: 'Đã xác minh, ý kiến phù hợp.' },
    });
    expect(answered.statusCode).toBe(200);
    expect(await refusal([scene.nomineeIds[0] ?? ''])).toBeNull();
  });

  it('refuses a nominee whose award requires notice but was never posted; passes an award without notice', async () => {
    const required = await buildNoticeScene(t);
    const never = await refusal(required.nomineeIds);
    expect(never).toMatchObject({ status: 422 });
    expect(never?.message).toContain('chưa được công khai');
    // Every decision's issue runs it: the decisions module's pre-issue checks refuse the same way.
    const issuing = await refusal(required.nomineeIds, (tx) =>
      runPreIssueChecks(tx, {
        decisionId: crypto.randomUUID(),
        nomineeIds: required.nomineeIds,
        actor: systemActor('test'),
      }),
    );
    expect(issuing).toEqual(never);
    const plain = await buildNoticeScene(t, { award: 'BK_BO_TINH' });
    expect(await refusal(plain.nomineeIds)).toBeNull();
  });
});
