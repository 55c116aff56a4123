import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { auditOf, buildPostedScene, endNotice, sendComment, storedComments } from '../test-support.ts';
import { RATE_LIMIT } from './comments.service.ts';
import { signCommentToken } from './form-token.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

async function posted() {
  const scene = await buildPostedScene(t);
  const notice = scene.notices[0];
  if (!notice) throw new Error('no notice');
  return { ...scene, notice };
}

describe('POST /cong-khai/lay-y-kien/:id/y-kien (anonymous comment form)', () => {
  it('accepts a comment without sign-in, redirects, and holds it for moderation; audited', async () => {
    const scene = await posted();
    const address = '203.0.113.7';
    const response = await sendComment(t, scene.notice.id, {}, { address });
    expect(response.statusCode, response.body).toBe(303);
    expect(response.headers.location).toBe(`/cong-khai/lay-y-kien/${scene.notice.id}?da-gui=1#y-kien`);
    const [row] = await storedComments(t, scene.notice.id);
    expect(row).toMatchObject({
      authorName: 'Phạm Thị Góp Ý',
      contact: '0912 345 678',
      status: 'pending',
      answer: null,
    });
    expect(row?.addressHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.addressHash).not.toContain(address);
    const [event] = await auditOf(t, 'public_comment.create', row?.id);
    expect(event).toMatchObject({ actorId: null, ip: address });
    const page = await t.app.inject({ url: response.headers.location as string });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ý kiến đã được ghi nhận');
    expect(page.body).not.toContain('Tôi xác nhận chị');

    const office = await t.app.inject({
      url: `/api/public-notices/${scene.notice.id}/comments`,
      headers: scene.provinceOfficer.headers,
    });
    expect(office.json().items).toEqual([
      expect.objectContaining({ status: 'pending', contact: '0912 345 678', answer: null }),
    ]);
    const todo = await t.app.inject({ url: '/api/todo', headers: scene.provinceOfficer.headers });
    expect(todo.json().items).toContainEqual(
      expect.objectContaining({
        kind: 'public_comment_answer',
        link: `/khen-thuong/cong-khai/${scene.notice.id}`,
      }),
    );
  });

  it('stores one comment when the same form is sent twice', async () => {
    const scene = await posted();
    const token = signCommentToken(t.app, scene.notice.id, Date.now() - 5000);
    for (let i = 0; i < 2; i++)
      expect((await sendComment(t, scene.notice.id, {}, { token })).statusCode).toBe(303);
    expect(await storedComments(t, scene.notice.id)).toHaveLength(1);
  });

  it('refuses a filled honeypot, a forged, early, foreign or missing token, and a short text (400), keeping the text; nothing stored', async () => {
    const scene = await posted();
    const other = scene.notices[1]?.id ?? '';
    const cases: [
      Record<string, string>,
      { token?: string; headers?: Record<string, string> },
      string,
      number,
    ][] = [
      [{ website: 'http://spam.example' }, {}, 'ô ẩn', 400],
      [{}, { token: 'x.y.z' }, 'quá hạn', 400],
      [{}, { token: `${signCommentToken(t.app, scene.notice.id)}x` }, 'quá hạn', 400],
      [{}, { token: signCommentToken(t.app, scene.notice.id) }, 'giây lát', 400],
      [{}, { token: signCommentToken(t.app, other, Date.now() - 5000) }, 'quá hạn', 400],
      [{}, { token: signCommentToken(t.app, scene.notice.id, Date.now() - 25 * 3_600_000) }, 'quá hạn', 400],
      [{ body: 'ngắn' }, {}, 'ít nhất 10 ký tự', 400],
      [{ authorName: '' }, {}, 'họ và tên', 400],
      [{}, { headers: { origin: 'https://evil.example' } }, 'chính trang này', 403],
    ];
    for (const [fields, options, message, status] of cases) {
      const response = await expectNothingStored(t.handle, () =>
        sendComment(t, scene.notice.id, fields, options),
      );
      expect(response.statusCode, JSON.stringify(fields) + JSON.stringify(options)).toBe(status);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain(message);
      if (fields.body !== 'ngắn') expect(response.body).toContain('Tôi xác nhận chị có nhiều đóng góp');
    }
    expect(await storedComments(t, scene.notice.id)).toEqual([]);
  });

  it(`limits an address to ${RATE_LIMIT} comments an hour: 429 with Retry-After, nothing stored; another address still comments`, async () => {
    const scene = await posted();
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    for (let i = 0; i < RATE_LIMIT; i++)
      expect(
        (await sendComment(t, scene.notice.id, { body: `Ý kiến số ${i + 1} về hồ sơ này.` }, { address }))
          .statusCode,
      ).toBe(303);
    const refused = await expectNothingStored(t.handle, () =>
      sendComment(t, scene.notice.id, { body: 'Ý kiến thứ sáu không được nhận.' }, { address }),
    );
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toContain('Ý kiến thứ sáu không được nhận.');
    expect(await storedComments(t, scene.notice.id)).toHaveLength(RATE_LIMIT);
    expect((await sendComment(t, scene.notice.id)).statusCode).toBe(303);
  });

  it('refuses a comment after the notice ended (409) and on an unknown notice (404); nothing stored', async () => {
    const scene = await posted();
    await endNotice(t, scene.notice.id);
    const late = await expectNothingStored(t.handle, () => sendComment(t, scene.notice.id));
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('không còn trong thời gian lấy ý kiến');
    const unknown = await expectNothingStored(t.handle, () => sendComment(t, randomUUID()));
    expect(unknown.statusCode).toBe(404);
  });
});

describe('answering and publishing comments', () => {
  it('answers (audited), publishes to the public page with the answer and without the contact, hides again', async () => {
    const scene = await posted();
    await sendComment(t, scene.notice.id);
    const [comment] = await storedComments(t, scene.notice.id);
    if (!comment) throw new Error('no comment');
    const call = (path: string, payload: object, headers = scene.provinceOfficer.headers) =>
      t.app.inject({ method: 'POST', url: `/api/public-comments/${comment.id}/${path}`, headers, payload });

    for (const who of [scene.otherOfficer, scene.communeOfficer]) {
      const refused = await expectNothingStored(t.handle, () =>
        call('answer', { version: 1, answer: 'Không' }, who.headers),
      );
      expect(refused.statusCode).toBe(403);
    }
    const empty = await expectNothingStored(t.handle, () => call('answer', { version: 1, answer: '' }));
    expect(empty.statusCode).toBe(400);
    const answered = await call('answer', { version: 1, answer: 'Cảm ơn ông/bà, hội đồng đã ghi nhận.' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ answer: 'Cảm ơn ông/bà, hội đồng đã ghi nhận.', version: 2 });
    expect(answered.json().answeredBy).toBeTruthy();
    expect((await storedComments(t, scene.notice.id))[0]?.answer).toBe(
      'Cảm ơn ông/bà, hội đồng đã ghi nhận.',
    );
    expect(await auditOf(t, 'public_comment.answer', comment.id)).toHaveLength(1);
    const stale = await expectNothingStored(t.handle, () => call('publish', { version: 1 }));
    expect(stale.statusCode).toBe(409);
    const todo = await t.app.inject({ url: '/api/todo', headers: scene.provinceOfficer.headers });
    expect(todo.json().items).not.toContainEqual(
      expect.objectContaining({
        kind: 'public_comment_answer',
        link: `/khen-thuong/cong-khai/${scene.notice.id}`,
      }),
    );

    const published = await call('publish', { version: 2 });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    expect(await auditOf(t, 'public_comment.publish', comment.id)).toHaveLength(1);
    const page = await t.app.inject({ url: `/cong-khai/lay-y-kien/${scene.notice.id}` });
    expect(page.body).toContain('Tôi xác nhận chị có nhiều đóng góp');
    expect(page.body).toContain('Cảm ơn ông/bà, hội đồng đã ghi nhận.');
    expect(page.body).not.toContain('0912 345 678');

    const hidden = await call('hide', { version: 3 });
    expect(hidden.json().status).toBe('hidden');
    expect(await auditOf(t, 'public_comment.hide', comment.id)).toHaveLength(1);
    const after = await t.app.inject({ url: `/cong-khai/lay-y-kien/${scene.notice.id}` });
    expect(after.body).not.toContain('Tôi xác nhận chị có nhiều đóng góp');
  });
});
