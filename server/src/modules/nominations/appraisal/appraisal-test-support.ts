import type { TestApp } from '../../../../../tests/support/test-app.ts';
import { buildNominationScene } from '../test-support.ts';

/** The nomination scene with its tờ trình submitted by the commune and received by the province. */
export async function buildReceivedNomination(t: TestApp, receive = true) {
  const scene = await buildNominationScene(t);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/nominations',
    headers: scene.communeOfficer.headers,
    payload: scene.draft(),
  });
  const id = created.json().id as string;
  const nomineeIds = (created.json().nominees as { id: string }[]).map((nominee) => nominee.id);
  await t.app.inject({
    method: 'POST',
    url: `/api/nominations/${id}/submit`,
    headers: scene.communeOfficer.headers,
    payload: { version: 1 },
  });
  if (receive)
    await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${id}/receive`,
      headers: scene.provinceOfficer.headers,
      payload: { version: 2 },
    });
  return { ...scene, id, nomineeIds, version: receive ? 3 : 2 };
}
