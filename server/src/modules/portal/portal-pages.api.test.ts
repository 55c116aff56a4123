import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { listPublicMovements } from './read/movements-read.ts';
import { buildPortalScene, PNG, visit } from './test-support.ts';

let t: TestApp;
let scene: Awaited<ReturnType<typeof buildPortalScene>>;
beforeAll(async () => {
  t = await getTestApp();
  scene = await buildPortalScene(t);
});

const ORIGIN = 'http://localhost:80';

describe('portal pages', () => {
  it('render each page on the server with its canonical address, share tags and cache header', async () => {
    const pages = [
      ['/cong-khai', 'Cổng công khai thi đua, khen thưởng'],
      ['/cong-khai/dien-hinh', 'Điển hình tiên tiến'],
      [`/cong-khai/dien-hinh/${scene.exemplars.shown.id}`, `Điển hình công bố ${scene.mark}`],
      ['/cong-khai/quyet-dinh', 'Quyết định khen thưởng'],
      [`/cong-khai/quyet-dinh/${scene.decisions.shown.id}`, `Quyết định số ${scene.decisions.shown.number}`],
      ['/cong-khai/phong-trao', 'Phong trào thi đua'],
      [`/cong-khai/phong-trao/${scene.movements.shown.id}`, scene.movements.shown.name],
    ];
    for (const [url, title] of pages) {
      const reply = await visit(t, url as string);
      expect(reply.statusCode, url).toBe(200);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.headers['cache-control']).toBe('public, no-cache');
      const etag = String(reply.headers.etag);
      const again = await t.app.inject({ url: url as string, headers: { 'if-none-match': etag } });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
      expect(reply.body).toContain(`<title>${title}`);
      expect(reply.body).toContain(`<link rel="canonical" href="${ORIGIN}${url}">`);
      expect(reply.body).toContain(`<meta property="og:url" content="${ORIGIN}${url}">`);
      expect(reply.body).toContain(
        `<meta property="og:image" content="${ORIGIN}/cong-khai/anh-chia-se.png">`,
      );
      expect(reply.body).toContain('<meta property="og:description" content="');
      expect(reply.body).not.toContain('<script');
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
    const image = await visit(t, '/cong-khai/anh-chia-se.png');
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.subarray(0, 8).equals(PNG.subarray(0, 8))).toBe(true);
  });

  it('shows a decision with name, position, unit and award only', async () => {
    const reply = await visit(t, `/cong-khai/quyet-dinh/${scene.decisions.shown.id}`);
    for (const shown of [
      scene.decisions.shown.name,
      'Trưởng phòng Văn hóa',
      'Bằng khen',
      'Nguyễn Văn A',
      'Ngày ban hành',
      '15/12/2025',
    ])
      expect(reply.body, shown).toContain(shown);
    for (const hidden of [scene.decisions.shown.idNumber, '1977', '29/08', 'Đã có thành tích xuất sắc'])
      expect(reply.body, hidden).not.toContain(hidden);
  });

  it('shows an exemplar with its photo, served only while it is published', async () => {
    const { id, photoId } = scene.exemplars.shown;
    const page = await visit(t, `/cong-khai/dien-hinh/${id}`);
    expect(page.body).toContain(`<img src="/cong-khai/dien-hinh/${id}/anh/${photoId}"`);
    expect(page.body).toContain('Phong trào văn hóa công sở');
    const photo = await visit(t, `/cong-khai/dien-hinh/${id}/anh/${photoId}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
    const other = await visit(t, `/cong-khai/dien-hinh/${scene.exemplars.hidden[0]}/anh/${photoId}`);
    expect(other.statusCode).toBe(404);
  });

  it('finds by words typed without diacritics, and shows a Vietnamese 404 for unknown addresses', async () => {
    const searches = [
      [`/cong-khai/dien-hinh?q=dien+hinh+cong+bo+${scene.mark}`, `Điển hình công bố ${scene.mark}`],
      [
        `/cong-khai/quyet-dinh?q=${encodeURIComponent(scene.decisions.shown.number)}`,
        scene.decisions.shown.id,
      ],
      [`/cong-khai/phong-trao?q=sang+tao+cong+bo+${scene.mark}`, scene.movements.shown.id],
    ];
    for (const [url, expected] of searches) {
      const reply = await visit(t, url as string);
      expect(reply.statusCode).toBe(200);
      expect(reply.body, url).toContain(expected);
    }
    const none = await visit(t, `/cong-khai/phong-trao?q=khong+co+${scene.mark}x`);
    expect(none.body).toContain('Không có phong trào nào khớp với từ khóa.');
    for (const url of [
      '/cong-khai/khong-co-trang-nay',
      '/cong-khai/quyet-dinh/123',
      `/cong-khai/phong-trao/${crypto.randomUUID()}`,
    ]) {
      const reply = await visit(t, url);
      expect(reply.statusCode, url).toBe(404);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.headers['cache-control']).toBe('no-store');
      expect(reply.body).toContain('Không tìm thấy trang');
    }
    const badCursor = await visit(t, '/cong-khai/quyet-dinh?sau=bm90LWEtY3Vyc29y&q=%3Cscript%3E');
    expect(badCursor.statusCode).toBe(200);
    expect(badCursor.body).toContain('value="&lt;script&gt;"');
  });

  it('pages a list by keyset, forward and back, with the search words', async () => {
    // A second scene publishes a second "Sáng tạo công bố" movement.
    await buildPortalScene(t);
    const q = 'sang tao cong bo';
    const first = await listPublicMovements(t.handle.db, { q, limit: 1 });
    expect(first.next).not.toBeNull();
    const after = await listPublicMovements(t.handle.db, { q, after: first.next ?? '', limit: 1 });
    expect(after.rows[0]?.id).not.toBe(first.rows[0]?.id);
    expect(after.prev).not.toBeNull();
    const back = await listPublicMovements(t.handle.db, { q, before: after.prev ?? '', limit: 1 });
    expect(back.rows[0]?.id).toBe(first.rows[0]?.id);
    const only = await listPublicMovements(t.handle.db, { q: scene.mark, limit: 1 });
    expect(only.rows.map((row) => row.id)).toEqual([scene.movements.shown.id]);
    expect(only.next).toBeNull();
  });
});
