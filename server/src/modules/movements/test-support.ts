import { and, eq } from 'drizzle-orm';
import { buildUnit, signInAs } from '../../../../tests/support/factories.ts';
import type { TestApp } from '../../../../tests/support/test-app.ts';
import { auditEvents } from '../../platform/db/schema.ts';

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

/** Creates a movement by hand through the API and returns its id. */
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
    payload: { name, kind: 'thematic', periodFrom: 2019, periodTo: 2025, launchingUnitId },
  });
  if (response.statusCode !== 201) throw new Error(`create failed ${response.statusCode} ${response.body}`);
  return response.json().id as string;
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
