import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRequests } from '#server/platform/db/schema.ts';
import { signIn } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { seedDemo } from './index.ts';

let t: TestApp;
const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-demo-reports-'));
beforeAll(async () => {
  t = await getTestApp();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the demo 2024 report request', () => {
  it('shows most districts on time, Sìn Hồ late, Mường Tè missing, Tam Đường consolidated from its communes', async () => {
    await seedDemo(t.handle.db, { dataDir, fixedPassword: 'demo-password-123' });
    const [request] = await t.handle.db
      .select()
      .from(reportRequests)
      .where(
        eq(reportRequests.title, 'Báo cáo kết quả thực hiện phong trào thi đua văn hóa công sở năm 2024'),
      );
    expect(request).toBeTruthy();
    const officer = await signIn(t, 'demo.officer', 'demo-password-123');
    const shown = await t.app.inject({
      method: 'GET',
      url: `/api/report-requests/${request?.id}`,
      headers: officer.headers,
    });
    expect(shown.json().counts).toEqual({
      total: 8,
      submitted: 7,
      onTime: 6,
      late: 1,
      notSubmitted: 1,
      missing: 1,
    });
    const late = await t.app.inject({
      method: 'GET',
      url: `/api/report-requests/${request?.id}/reports?bucket=late`,
      headers: officer.headers,
    });
    expect(late.json().items.map((item: { unit: { name: string } }) => item.unit.name)).toEqual([
      'Ủy ban nhân dân huyện Sìn Hồ',
    ]);
    const all = await t.app.inject({
      method: 'GET',
      url: `/api/report-requests/${request?.id}/reports?limit=20`,
      headers: officer.headers,
    });
    const tamDuong = all
      .json()
      .items.find((item: { unit: { name: string } }) => item.unit.name.includes('Tam Đường'));
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/reports/${tamDuong.id}`,
      headers: officer.headers,
    });
    expect(report.json()).toMatchObject({
      status: 'submitted',
      bucket: 'on_time',
      sourceCount: 4,
      figures: { 'dien-hinh': 7, 'ke-hoach': 4 },
      documentNumber: '21/BC-UBND',
    });
    expect(report.json().texts['ket-qua']).toContain(
      'Ủy ban nhân dân xã Bình Lư:\nCán bộ, công chức xã Bình Lư',
    );
  });

  it('is read by Sở Nội vụ’s council member, who supervises the districts’ cluster of 2024', async () => {
    // Seeded by the test above: two vice-chairs share a role, and the account must sit on Sở Nội vụ's seat.
    const member = await signIn(t, 'demo.council.snv', 'demo-password-123');
    const supervised = await t.app.inject({
      method: 'GET',
      url: '/api/reports/supervised?limit=20',
      headers: member.headers,
    });
    expect(supervised.statusCode).toBe(200);
    const names = supervised.json().items.map((item: { unit: { name: string } }) => item.unit.name);
    expect(names).toHaveLength(8);
    expect(names).toContain('Ủy ban nhân dân huyện Sìn Hồ');
  });
});
