import { expect } from 'vitest';
import { buildPerson, buildUnit, signInAs } from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';

/** Test helpers of the decisions module: a province with a commune, people, and drafts. */
export const tag = () => Math.random().toString(36).slice(2, 8).toUpperCase();

type Headers = Record<string, string>;

export function sender(t: TestApp) {
  return (method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, headers: Headers, payload?: object) =>
    payload === undefined
      ? t.app.inject({ method, url, headers })
      : t.app.inject({ method, url, headers, payload });
}

/** A province (the issuer), a commune under it with two people, another province, an officer. */
export async function decisionSetting(t: TestApp) {
  const province = await buildUnit(t.handle.db, { name: `UBND tỉnh ${tag()}`, kind: 'province' });
  const commune = await buildUnit(t.handle.db, {
    parentId: province.id,
    name: `Xã ${tag()}`,
    kind: 'commune',
  });
  const other = await buildUnit(t.handle.db, { name: `Tỉnh khác ${tag()}`, kind: 'province' });
  const person = await buildPerson(t.handle.db, { unitId: commune.id, fullName: `Lò Văn ${tag()}` });
  const second = await buildPerson(t.handle.db, { unitId: commune.id, fullName: `Lò Thị ${tag()}` });
  const officer = await signInAs(t, 'tdkt_officer', province.id);
  const stranger = await signInAs(t, 'tdkt_officer', other.id);
  return { province, commune, other, person, second, officer, stranger };
}

/** A draft of the unit rewarding each person with Bằng khen tỉnh 2025, dated 15/12/2025. */
export async function draftFor(t: TestApp, headers: Headers, unitId: string, personIds: string[]) {
  const send = sender(t);
  const created = await send(
    'POST',
    '/api/decisions',
    { ...headers, 'idempotency-key': `k-${tag()}` },
    {
      unitId,
      decisionDate: '2025-12-15',
      title: 'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh',
      authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
      decider: 'Chủ tịch UBND tỉnh',
      signerName: 'Nguyễn Văn A',
      signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH',
      place: 'Lai Châu',
      legalBasis: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'],
    },
  );
  expect(created.statusCode, created.body).toBe(201);
  const added = await send('POST', `/api/decisions/${created.json().id}/recipients`, headers, {
    version: created.json().version,
    recipients: personIds.map((personId) => ({
      personId,
      awardCode: 'BK_BO_TINH',
      year: 2025,
      achievement: 'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025',
    })),
  });
  expect(added.statusCode, added.body).toBe(200);
  return added.json() as { id: string; version: number; number: string | null };
}

/** Issues a draft and returns the decision. */
export async function issued(t: TestApp, headers: Headers, draft: { id: string; version: number }) {
  const reply = await sender(t)('POST', `/api/decisions/${draft.id}/issue`, headers, {
    version: draft.version,
  });
  expect(reply.statusCode, reply.body).toBe(200);
  return reply.json() as { id: string; version: number; number: string };
}
