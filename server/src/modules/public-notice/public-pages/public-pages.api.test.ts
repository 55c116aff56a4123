import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { persons, publicNotices } from '#server/platform/db/schema.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildPostedScene, endNotice, sendComment } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

/** Every page of the public list, following its "next" links (no cookie sent). */
async function wholeList() {
  let url: string | null = '/cong-khai/lay-y-kien';
  let body = '';
  for (let pages = 0; url && pages < 100; pages++) {
    const response: { statusCode: number; body: string } = await t.app.inject({ url });
    expect(response.statusCode).toBe(200);
    body += response.body;
    url = /href="(\/cong-khai\/lay-y-kien\?sau=[^"]+)"/.exec(response.body)?.[1] ?? null;
  }
  return body;
}

describe('public pages /cong-khai/lay-y-kien', () => {
  it('render on the server without sign-in, with only name, position, unit, award and achievements', async () => {
    const scene = await buildPostedScene(t);
    // A number of this run's own: the test database is shared by every file of the run.
    const idNumber = String(Date.now()).padStart(12, '0').slice(-12);
    const [notice, second] = scene.notices;
    if (!notice || !second) throw new Error('no notices');
    await t.handle.db
      .update(persons)
      .set({ idNumber: idNumber, birthDate: '1979-03-14' })
      .where(eq(persons.id, scene.people[0]?.id ?? ''));
    await sendComment(t, notice.id, { body: 'Ý kiến chưa duyệt thì không được hiện.' });

    const page = await t.app.inject({ url: `/cong-khai/lay-y-kien/${notice.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="vi">');
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain(
      `<link rel="canonical" href="http://localhost:80/cong-khai/lay-y-kien/${notice.id}">`,
    );
    for (const shown of [
      'Nguyễn Thị Hoa',
      'Chuyên viên',
      'Xã Tờ Trình',
      'Chiến sĩ thi đua toàn quốc',
      'Hoàn thành xuất sắc nhiệm vụ',
    ])
      expect(page.body).toContain(shown);
    for (const hidden of [
      idNumber,
      '1979',
      '14/03',
      scene.people[0]?.id ?? 'x',
      scene.nomineeIds[0] ?? 'x',
      'Ý kiến chưa duyệt',
      '0912 345 678',
    ])
      expect(page.body).not.toContain(hidden);
    expect(page.body).toContain('<form method="post"');
    expect(page.body).toContain('name="website"');

    const list = await wholeList();
    expect(list).toContain(`/cong-khai/lay-y-kien/${notice.id}`);
    expect(list).not.toContain(idNumber);
  });

  it('never shows an ended or future notice, nor an unknown one (404 page); withdrawn: see the withdraw test', async () => {
    const scene = await buildPostedScene(t);
    const [ended, future] = scene.notices;
    if (!ended || !future) throw new Error('no notices');
    await endNotice(t, ended.id);
    await t.handle.db
      .update(publicNotices)
      .set({ startDate: '2999-01-01', endDate: '2999-01-14' })
      .where(eq(publicNotices.id, future.id));
    for (const id of [ended.id, future.id, randomUUID(), 'not-a-uuid']) {
      const response = await t.app.inject({ url: `/cong-khai/lay-y-kien/${id}` });
      expect(response.statusCode, id).toBe(404);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('Không tìm thấy thông báo');
    }
    const list = await wholeList();
    expect(list).not.toContain(ended.id);
    expect(list).not.toContain(future.id);
    const badCursor = await t.app.inject({ url: '/cong-khai/lay-y-kien?sau=bm90LWEtY3Vyc29y' });
    expect(badCursor.statusCode).toBe(200);
  });
});
