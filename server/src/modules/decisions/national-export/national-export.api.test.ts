import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocumentText } from '#server/modules/documents/index.ts';
import { auditEvents, jobs, nominations } from '#server/platform/db/schema.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { pdfBytes, upload } from '../../nominations/dossier/dossier-test-support.ts';
import { receivedScene } from '../from-nominees/test-support.ts';
import { registerZipParts, unregisterZipParts, type ZipPartProvider } from './zip-parts.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const tag = () => Math.random().toString(36).slice(2, 8);
const exportJob = (headers: Record<string, string>, id: string, withPdf = false) =>
  t.app.inject({
    method: 'POST',
    url: `/api/nominations/${id}/national-export-jobs`,
    headers: { ...headers, 'idempotency-key': `x-${tag()}` },
    payload: { withPdf },
  });

describe('POST /api/nominations/:id/national-export-jobs', () => {
  it('builds the ZIP: tờ trình, list, each summary, the dossier files of the providers, a manifest with our ids', async () => {
    // The commune's own biên bản, uploaded to the dossier before sending: it travels in the ZIP.
    const scene = await receivedScene(t, undefined, async (id, draft) => {
      const sent = await upload(
        t,
        draft.communeOfficer.headers,
        id,
        'component=bien_ban',
        'Biên bản họp.pdf',
        pdfBytes('biên bản xã'),
      );
      expect(sent.statusCode, sent.body).toBe(201);
    });
    await t.handle.db
      .update(nominations)
      .set({ deciderTier: 'prime_minister' })
      .where(eq(nominations.id, scene.nominationId));
    const provider: ZipPartProvider = async (_db, context) =>
      context.nominationId === scene.nominationId
        ? [{ path: 'bien-ban.pdf', kind: 'bien_ban', data: Buffer.from('%PDF-1.4 biên bản'), fileId: 'f-1' }]
        : [];
    registerZipParts(provider);
    try {
      const queued = await exportJob(scene.provinceOfficer.headers, scene.nominationId);
      expect(queued.statusCode, queued.body).toBe(201);
      while (await t.app.jobs.runNext()) {}
      const done = await t.app.inject({
        url: `/api/jobs/${queued.json().id}`,
        headers: scene.provinceOfficer.headers,
      });
      expect(done.json(), done.body).toMatchObject({ status: 'done' });
      const file = await t.app.inject({
        url: `/api/jobs/${queued.json().id}/file`,
        headers: scene.provinceOfficer.headers,
      });
      expect(file.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(file.rawPayload);
      const names = Object.keys(zip.files).sort();
      expect(names).toEqual(
        expect.arrayContaining([
          'danh-sach.docx',
          'ho-so/bien-ban.pdf',
          'ho-so/01-bien_ban-Bien-ban-hop.pdf',
          'manifest.json',
          'to-trinh.docx',
          'tom-tat-thanh-tich/001-nguyen-thi-hoa.docx',
          'tom-tat-thanh-tich/002-tran-van-binh.docx',
        ]),
      );
      const manifest = JSON.parse(await (zip.file('manifest.json') as JSZip.JSZipObject).async('string'));
      expect(manifest.nomination).toMatchObject({ id: scene.nominationId, deciderTier: 'prime_minister' });
      expect(manifest.nominees.map((nominee: { id: string }) => nominee.id)).toEqual(scene.nomineeIds);
      expect(manifest.files).toContainEqual(
        expect.objectContaining({ path: 'ho-so/bien-ban.pdf', kind: 'bien_ban', fileId: 'f-1' }),
      );
      expect(manifest.files).toContainEqual(
        expect.objectContaining({ path: 'ho-so/01-bien_ban-Bien-ban-hop.pdf', kind: 'bien_ban' }),
      );
      expect(
        await (zip.file('ho-so/01-bien_ban-Bien-ban-hop.pdf') as JSZip.JSZipObject).async('string'),
      ).toContain('biên bản xã');
      const list = await readDocumentText(
        await (zip.file('danh-sach.docx') as JSZip.JSZipObject).async('nodebuffer'),
        'x.docx',
      );
      expect(list).toContain('Nguyễn Thị Hoa');
      const submission = await readDocumentText(
        await (zip.file('to-trinh.docx') as JSZip.JSZipObject).async('nodebuffer'),
        'x.docx',
      );
      expect(submission).toContain('Thủ tướng Chính phủ');
    } finally {
      unregisterZipParts(provider);
    }
  });

  it('refuses a secret dossier and a tờ trình the province decides (422), and another province (403), queuing nothing', async () => {
    const scene = await receivedScene(t);
    const provincial = await expectNothingStored(t.handle, () =>
      exportJob(scene.provinceOfficer.headers, scene.nominationId),
    );
    expect(provincial.statusCode).toBe(422);
    expect(provincial.json().message).toContain('Thủ tướng');
    await t.handle.db
      .update(nominations)
      .set({ deciderTier: 'prime_minister' })
      .where(eq(nominations.id, scene.nominationId));
    const [before] = await t.handle.db
      .select()
      .from(nominations)
      .where(eq(nominations.id, scene.nominationId));
    const markAs = (headers: Record<string, string>, secret: boolean, version: number) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/nominations/${scene.nominationId}/secret`,
        headers,
        payload: { secret, version },
      });
    const outsider = await expectNothingStored(t.handle, () =>
      markAs(scene.otherOfficer.headers, true, before?.version ?? 0),
    );
    expect(outsider.statusCode).toBe(403);
    const marked = await markAs(scene.provinceOfficer.headers, true, before?.version ?? 0);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ secret: true });
    const stale = await expectNothingStored(t.handle, () =>
      markAs(scene.provinceOfficer.headers, false, before?.version ?? 0),
    );
    expect(stale.statusCode).toBe(409);
    const [event] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'nomination.secret'), eq(auditEvents.entityId, scene.nominationId)));
    expect(event?.after).toMatchObject({ classified: true });
    const secret = await expectNothingStored(t.handle, () =>
      exportJob(scene.provinceOfficer.headers, scene.nominationId),
    );
    expect(secret.statusCode).toBe(422);
    expect(secret.json().message).toContain('mật');
    await t.handle.db
      .update(nominations)
      .set({ secret: false })
      .where(eq(nominations.id, scene.nominationId));
    const stranger = await expectNothingStored(t.handle, () =>
      exportJob(scene.otherOfficer.headers, scene.nominationId),
    );
    expect(stranger.statusCode).toBe(403);
    const queued = await t.handle.db.select().from(jobs).where(eq(jobs.kind, 'decisions.national_export'));
    expect(
      queued.every((job) => (job.payload as { nominationId: string }).nominationId !== scene.nominationId),
    ).toBe(true);
  });
});
