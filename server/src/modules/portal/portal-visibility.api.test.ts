import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { buildPortalScene, visit } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const ROOTS = [
  '/cong-khai',
  '/cong-khai/dien-hinh',
  '/cong-khai/quyet-dinh',
  '/cong-khai/phong-trao',
  '/cong-khai/lay-y-kien',
];

/** Every portal page reachable from its home and section lists, following every link (no cookie). */
async function crawl(extra: string[] = []) {
  const queue = [...ROOTS, ...extra];
  const seen = new Set<string>();
  const pages: { url: string; status: number; body: string }[] = [];
  while (queue.length && seen.size < 600) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    const reply = await visit(t, url);
    pages.push({ url, status: reply.statusCode, body: reply.body });
    if (!reply.headers['content-type']?.toString().startsWith('text/html')) continue;
    for (const [, href] of reply.body.matchAll(/href="(\/cong-khai[^"#]*)"/g))
      if (href) queue.push(href.replaceAll('&amp;', '&'));
  }
  return pages;
}

describe('the public portal shows nothing unpublished', () => {
  it('never shows a draft, unpublished, withdrawn, revoked or unconfirmed record on any page, list or detail', async () => {
    const scene = await buildPortalScene(t);
    const hiddenTexts = [
      ...scene.exemplars.hidden,
      ...scene.decisions.hidden,
      ...scene.decisions.hiddenNames,
      ...scene.movements.hidden.flatMap((row) => [row.id, row.name]),
      `Điển hình chưa xác nhận ${scene.mark}`,
      `Điển hình chưa công bố ${scene.mark}`,
      `Điển hình đã gỡ ${scene.mark}`,
      scene.decisions.shown.idNumber,
      '29/08/1977',
      '1977-08-29',
    ];
    const hiddenUrls = [
      ...scene.exemplars.hidden.map((id) => `/cong-khai/dien-hinh/${id}`),
      ...scene.exemplars.hiddenPhotos.map(([id, photo]) => `/cong-khai/dien-hinh/${id}/anh/${photo}`),
      ...scene.decisions.hidden.map((id) => `/cong-khai/quyet-dinh/${id}`),
      ...scene.movements.hidden.map((row) => `/cong-khai/phong-trao/${row.id}`),
    ];
    const pages = await crawl([
      ...hiddenUrls,
      `/cong-khai/dien-hinh?q=${scene.mark}`,
      `/cong-khai/quyet-dinh?q=${scene.mark}`,
      `/cong-khai/phong-trao?q=${scene.mark}`,
    ]);
    const all = pages.map((page) => page.body).join('\n');
    for (const text of hiddenTexts) expect(all, text).not.toContain(text);
    for (const url of hiddenUrls) {
      const page = pages.find((each) => each.url === url);
      expect(page?.status, url).toBe(404);
      expect(page?.body).toContain('Không tìm thấy trang');
    }

    // What was published is reachable by following links from the portal's lists.
    const urls = new Set(pages.map((page) => page.url));
    expect(urls).toContain(`/cong-khai/dien-hinh/${scene.exemplars.shown.id}`);
    expect(urls).toContain(
      `/cong-khai/dien-hinh/${scene.exemplars.shown.id}/anh/${scene.exemplars.shown.photoId}`,
    );
    expect(urls).toContain(`/cong-khai/quyet-dinh/${scene.decisions.shown.id}`);
    expect(urls).toContain(`/cong-khai/phong-trao/${scene.movements.shown.id}`);
    expect(all).toContain(`Điển hình công bố ${scene.mark}`);
    expect(all).toContain(scene.decisions.shown.name);
    expect(all).toContain(scene.movements.shown.name);
    for (const page of pages.filter((each) => each.status === 200 && each.body.startsWith('<!doctype')))
      expect(page.body, page.url).not.toContain('<script');
  });

  it('answers GET only: a POST to a portal page is not a route', async () => {
    for (const url of [
      '/cong-khai',
      '/cong-khai/dien-hinh',
      '/cong-khai/quyet-dinh',
      '/cong-khai/phong-trao',
    ]) {
      const reply = await t.app.inject({ method: 'POST', url, payload: {} });
      expect(reply.statusCode, url).toBe(404);
    }
  });
});
