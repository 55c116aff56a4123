import { and, eq } from 'drizzle-orm';
import { auditEvents } from '#server/platform/db/schema.ts';
import { buildUnit, signInAs } from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';
import { DEMO_PLAN_TEXT } from './plans/demo-plan.ts';

/** Unique suffix for names and codes. */
export const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The audit events of an action on an entity. */
export const auditOf = (t: TestApp, action: string, entityId: string) =>
  t.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

/**
 * A province with three districts (Tam Đường, Phong Thổ, Sìn Hồ) and a commune under the first,
 * an officer of the province and one of the first district.
 */
export async function buildProvince(t: TestApp) {
  const suffix = tag();
  const db = t.handle.db;
  const province = await buildUnit(db, { name: `Ủy ban nhân dân tỉnh Lai Châu ${suffix}`, kind: 'province' });
  const districtA = await buildUnit(db, {
    parentId: province.id,
    name: 'Ủy ban nhân dân huyện Tam Đường',
    kind: 'district',
  });
  const districtB = await buildUnit(db, {
    parentId: province.id,
    name: 'Ủy ban nhân dân huyện Phong Thổ',
    kind: 'district',
  });
  const districtC = await buildUnit(db, {
    parentId: province.id,
    name: 'Ủy ban nhân dân huyện Sìn Hồ',
    kind: 'district',
  });
  const commune = await buildUnit(db, {
    parentId: districtA.id,
    name: 'Ủy ban nhân dân xã Bình Lư',
    kind: 'commune',
  });
  const provinceOfficer = await signInAs(t, 'tdkt_officer', province.id);
  const districtOfficer = await signInAs(t, 'tdkt_officer', districtA.id);
  return { suffix, province, districtA, districtB, districtC, commune, provinceOfficer, districtOfficer };
}

/** This year: movements made for tests run now, so that launching them warns of no ended period. */
export const thisYear = new Date().getFullYear();

/** The demo plan (75/KH-UBND) for the years from now on, so that nothing in it is over. */
export const currentPlanText = DEMO_PLAN_TEXT.replaceAll('2019-2025', `${thisYear}-${thisYear + 4}`);

/** Creates a movement by hand through the API (period: this year and the next four) and returns its id. */
export async function createByHand(
  t: TestApp,
  headers: Record<string, string>,
  launchingUnitId: string,
  name = `Thi đua thực hiện văn hóa công sở ${tag()}`,
) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/movements',
    headers,
    payload: { name, kind: 'thematic', periodFrom: thisYear, periodTo: thisYear + 4, launchingUnitId },
  });
  if (response.statusCode !== 201) throw new Error(`create failed ${response.statusCode} ${response.body}`);
  const created = response.json() as { id: string; version: number };
  await fillPlanDocument(t, headers, created.id, created.version);
  return created.id;
}

/**
 * Fills in a hand-made plan's number, date and signer, as an officer does before launching: a plan
 * is issued at launch and carries them (NĐ 30/2020). The number is new each time.
 */
export async function fillPlanDocument(
  t: TestApp,
  headers: Record<string, string>,
  id: string,
  version: number,
) {
  const filled = await t.app.inject({
    method: 'PATCH',
    url: `/api/movements/${id}/plan/document`,
    headers,
    payload: {
      version,
      number: `${Math.floor(Math.random() * 9000) + 100}/KH-UBND`,
      date: `${thisYear}-01-15`,
      signerName: 'Nguyễn Văn Ký',
    },
  });
  if (filled.statusCode !== 200) throw new Error(`plan document failed ${filled.statusCode} ${filled.body}`);
  return filled.json() as { version: number };
}

/** A multipart body with one file in field "file". */
export function multipart(fileName: string, content: Buffer | string) {
  const boundary = `----tdkt${tag()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([
    Buffer.from(head),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Gives a draft (an implementing plan) what it needs to be issued: a number, a date and a signer,
 * through PATCH …/plan/document at its current version.
 */
export async function readyToIssue(
  t: TestApp,
  headers: Record<string, string>,
  id: string,
  number = `${tag()}/KH-UBND`,
) {
  const current = await t.app.inject({ method: 'GET', url: `/api/movements/${id}`, headers });
  const response = await t.app.inject({
    method: 'PATCH',
    url: `/api/movements/${id}/plan/document`,
    headers,
    payload: {
      version: current.json().version,
      number,
      date: `${thisYear}-01-15`,
      signerName: 'Nguyễn Văn An',
    },
  });
  if (response.statusCode !== 200)
    throw new Error(`plan document failed ${response.statusCode} ${response.body}`);
  return response.json();
}
