import JSZip from 'jszip';
import type { TestApp } from '../../../../../tests/support/test-app.ts';
import type { buildNominationScene } from '../test-support.ts';

type Scene = Awaited<ReturnType<typeof buildNominationScene>>;

/** A multipart body with one file in field "file". */
export function multipart(fileName: string, content: Buffer | string) {
  const boundary = `----dossier${crypto.randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([
    Buffer.from(head),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A tiny valid-looking PDF (the check reads the first bytes only). */
export const pdfBytes = (text = 'ho so') => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);

/** A minimal DOCX package (the check looks for word/document.xml). */
export async function docxBytes() {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', '<w:document/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Drafts the scene's tờ trình (two people) as the commune officer; returns its id. */
export async function draftNomination(t: TestApp, scene: Scene): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/nominations',
    headers: scene.communeOfficer.headers,
    payload: scene.draft(),
  });
  if (created.statusCode !== 201) throw new Error(`draft failed ${created.body}`);
  return created.json().id as string;
}

/** Uploads a file to a dossier as the given user. */
export function upload(
  t: TestApp,
  headers: Record<string, string>,
  nominationId: string,
  query: string,
  fileName: string,
  content: Buffer | string,
) {
  const body = multipart(fileName, content);
  return t.app.inject({
    method: 'POST',
    url: `/api/nominations/${nominationId}/files?${query}`,
    headers: { ...headers, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** Submits a tờ trình at its current version as the commune officer. */
export async function submitNomination(t: TestApp, scene: Scene, id: string) {
  const current = await t.app.inject({
    url: `/api/nominations/${id}`,
    headers: scene.communeOfficer.headers,
  });
  const submitted = await t.app.inject({
    method: 'POST',
    url: `/api/nominations/${id}/submit`,
    headers: scene.communeOfficer.headers,
    payload: { version: current.json().version },
  });
  if (submitted.statusCode !== 200) throw new Error(`submit failed ${submitted.body}`);
}
