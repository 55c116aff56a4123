import { and, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents, units } from '#server/platform/db/schema.ts';
import type { TestApp } from '../../../../../tests/support/test-app.ts';
import { buildNominationScene } from '../../nominations/test-support.ts';

/** The decision fields of a province's draft built from a tờ trình. */
export const decisionFields = (unitId: string) => ({
  unitId,
  decisionDate: '2025-12-15',
  title: 'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh',
  authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
  decider: 'Chủ tịch UBND tỉnh',
  signerName: 'Nguyễn Văn A',
  signerTitle: 'CHỦ TỊCH',
  legalBasis: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'],
});

/**
 * A province (kind province, so it may decide Bằng khen tỉnh) that received a commune's tờ trình of
 * two people (Bằng khen tỉnh), with the nominee ids in order.
 */
export async function receivedScene(
  t: TestApp,
  nominees?: object[],
  /** Runs on the draft before it is sent (e.g. uploads its dossier files). */
  prepare?: (nominationId: string, scene: Awaited<ReturnType<typeof buildNominationScene>>) => Promise<void>,
) {
  const scene = await buildNominationScene(t);
  await t.handle.db.update(units).set({ kind: 'province' }).where(eq(units.id, scene.province.id));
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/nominations',
    headers: scene.communeOfficer.headers,
    payload: nominees ? scene.draft(nominees as never) : scene.draft(),
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  if (prepare) await prepare(id, scene);
  const move = (who: 'communeOfficer' | 'provinceOfficer', step: string, version: number) =>
    t.app.inject({
      method: 'POST',
      url: `/api/nominations/${id}/${step}`,
      headers: scene[who].headers,
      payload: { version },
    });
  expect((await move('communeOfficer', 'submit', 1)).statusCode).toBe(200);
  expect((await move('provinceOfficer', 'receive', 2)).statusCode).toBe(200);
  const detail = await t.app.inject({
    url: `/api/nominations/${id}`,
    headers: scene.provinceOfficer.headers,
  });
  const nomineeIds = (detail.json().nominees as { id: string }[]).map((nominee) => nominee.id);
  return { ...scene, nominationId: id, nomineeIds };
}

/** Audit events of an action whose `after` names the decision (nominee moves name no single entity). */
export const auditNaming = (t: TestApp, action: string, decisionId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), sql`${auditEvents.after}->>'decisionId' = ${decisionId}`));
