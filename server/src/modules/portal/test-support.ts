import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { persons } from '#server/platform/db/schema.ts';
import { buildMovement, buildPerson } from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';
import { decisionSetting, draftFor, issued } from '../decisions/test-support.ts';
import { buildExemplarScene, proposeExemplar, sender } from '../exemplars/test-support.ts';
import { multipart } from '../nominations/dossier/dossier-test-support.ts';

/** The first bytes of a PNG: enough for the file check. */
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
/** Letters only, so a search by words finds it. */
export const word = () =>
  Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

type Headers = Record<string, string>;
const post = (t: TestApp, url: string, headers: Headers, payload: object) =>
  t.app.inject({ method: 'POST', url, headers, payload });

/** Exemplars in every state: one published with a photo, and the ones the public must never see. */
async function exemplarScene(t: TestApp, mark: string) {
  const scene = await buildExemplarScene(t);
  const send = sender(t);
  const make = (title: string, confirm: boolean) =>
    proposeExemplar(t, scene, { confirm, body: { title: `${title} ${mark}` } });
  const upload = async (id: string, version: number) => {
    const body = multipart('anh.png', PNG);
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/exemplars/${id}/files?kind=photo&version=${version}`,
      headers: {
        ...scene.communeOfficer.headers,
        'content-type': body.contentType,
        'idempotency-key': crypto.randomUUID(),
      },
      payload: body.payload,
    });
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json() as { version: number; files: { id: string }[] };
  };
  const publish = async (id: string, version: number, move = 'publish') => {
    const reply = await send('POST', `/api/exemplars/${id}/${move}`, scene.communeOfficer, { version });
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json() as { version: number };
  };
  const shown = await make('Điển hình công bố', true);
  const shownFiles = await upload(shown.id, shown.version);
  await publish(shown.id, shownFiles.version);
  const unconfirmed = await make('Điển hình chưa xác nhận', false);
  const unpublished = await make('Điển hình chưa công bố', true);
  const unpublishedFiles = await upload(unpublished.id, unpublished.version);
  const withdrawn = await make('Điển hình đã gỡ', true);
  const withdrawnFiles = await upload(withdrawn.id, withdrawn.version);
  const once = await publish(withdrawn.id, withdrawnFiles.version);
  await publish(withdrawn.id, once.version, 'withdraw');
  return {
    shown: { id: shown.id, photoId: shownFiles.files[0]?.id ?? '' },
    hidden: [unconfirmed, unpublished, withdrawn].map((row) => row.id),
    hiddenPhotos: [
      [unpublished.id, unpublishedFiles.files[0]?.id ?? ''],
      [withdrawn.id, withdrawnFiles.files[0]?.id ?? ''],
    ] as [string, string][],
  };
}

/** Decisions in every state, each rewarding its own person (the hidden people's names are the marks). */
async function decisionScene(t: TestApp, mark: string) {
  const scene = await decisionSetting(t);
  const headers = scene.officer.headers;
  const person = (name: string) =>
    buildPerson(t.handle.db, { unitId: scene.commune.id, fullName: `${name} ${mark}` });
  const shownPerson = await person('Lò Văn Công Bố');
  const idNumber = `0${String(Date.now()).slice(-11)}`;
  await t.handle.db
    .update(persons)
    .set({ idNumber, birthDate: '1977-08-29', position: 'Trưởng phòng Văn hóa' })
    .where(eq(persons.id, shownPerson.id));
  const shown = await issued(t, headers, await draftFor(t, headers, scene.province.id, [shownPerson.id]));
  const published = await post(t, `/api/decisions/${shown.id}/publish`, headers, { version: shown.version });
  expect(published.statusCode, published.body).toBe(200);

  const draftPerson = await person('Lò Thị Dự Thảo');
  const draft = await draftFor(t, headers, scene.province.id, [draftPerson.id]);
  const quietPerson = await person('Lò Văn Chưa Công Bố');
  const quiet = await issued(t, headers, await draftFor(t, headers, scene.province.id, [quietPerson.id]));
  const withdrawnPerson = await person('Lò Thị Thôi Công Bố');
  const withdrawn = await issued(
    t,
    headers,
    await draftFor(t, headers, scene.province.id, [withdrawnPerson.id]),
  );
  await post(t, `/api/decisions/${withdrawn.id}/publish`, headers, { version: withdrawn.version });
  await post(t, `/api/decisions/${withdrawn.id}/withdraw-publication`, headers, {
    version: withdrawn.version + 1,
  });
  const revokedPerson = await person('Lò Văn Hủy Bỏ');
  const revoked = await issued(t, headers, await draftFor(t, headers, scene.province.id, [revokedPerson.id]));
  await post(t, `/api/decisions/${revoked.id}/publish`, headers, { version: revoked.version });
  const revoke = await post(t, `/api/decisions/${revoked.id}/revoke`, headers, {
    version: revoked.version + 1,
    reason: 'Thành tích không đúng sự thật.',
  });
  expect(revoke.statusCode, revoke.body).toBe(200);
  return {
    shown: { id: shown.id, number: shown.number, name: shownPerson.fullName, idNumber },
    hidden: [draft.id, quiet.id, withdrawn.id, revoked.id],
    hiddenNames: [draftPerson, quietPerson, withdrawnPerson, revokedPerson].map((row) => row.fullName),
    province: scene.province,
    headers,
  };
}

/** Movements: one launched and published, one launched only, one draft, one withdrawn. */
async function movementScene(t: TestApp, mark: string, province: { id: string }, headers: Headers) {
  const make = (name: string, status: 'draft' | 'launched') =>
    buildMovement(t.handle.db, { launchingUnitId: province.id, name: `${name} ${mark}`, status });
  const shown = await make('Phong trào Sáng tạo công bố', 'launched');
  expect(
    (await post(t, `/api/movements/${shown.id}/publish`, headers, { version: shown.version })).statusCode,
  ).toBe(200);
  const quiet = await make('Phong trào chưa công bố', 'launched');
  const draft = await make('Phong trào dự thảo', 'draft');
  const withdrawn = await make('Phong trào đã thôi công bố', 'launched');
  await post(t, `/api/movements/${withdrawn.id}/publish`, headers, { version: withdrawn.version });
  await post(t, `/api/movements/${withdrawn.id}/withdraw-publication`, headers, {
    version: withdrawn.version + 1,
  });
  return { shown: { id: shown.id, name: shown.name }, hidden: [quiet, draft, withdrawn] };
}

/**
 * Everything the portal may and may not show, marked with one random word: a published exemplar
 * (with a photo), decision and movement, and their unconfirmed, unpublished, withdrawn, draft and
 * revoked siblings.
 */
export async function buildPortalScene(t: TestApp) {
  const mark = word();
  const exemplars = await exemplarScene(t, mark);
  const decisions = await decisionScene(t, mark);
  const movements = await movementScene(t, mark, decisions.province, decisions.headers);
  return { mark, exemplars, decisions, movements };
}

/** A portal page read without any cookie. */
export const visit = (t: TestApp, url: string) => t.app.inject({ method: 'GET', url });
