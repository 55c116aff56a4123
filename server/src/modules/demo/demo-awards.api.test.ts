import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '#server/platform/db/schema.ts';
import { signIn } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { featuredDemoPeople, seedDemo } from './index.ts';

let t: TestApp;
const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-demo-awards-'));
const PASSWORD = 'demo-password-123';
beforeAll(async () => {
  t = await getTestApp();
  await seedDemo(t.handle.db, { dataDir, fixedPassword: PASSWORD });
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('demo awards records', () => {
  it('gives each named award a person who qualifies in 2025 and others blocked, with reasons', async () => {
    const officer = await signIn(t, 'demo.officer', PASSWORD).catch(() => null);
    const client = officer ?? (await signIn(t, 'demo.admin', PASSWORD));
    const featured = await featuredDemoPeople(t.handle.db);
    expect(featured).toHaveLength(7);
    const verdict = async (index: number, award: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/persons/${featured[index]}/eligibility?award=${award}&forYear=2025`,
        headers: client.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().verdict as string;
    };
    const expected: [number, string, string[]][] = [
      [0, 'CSTD_BO_TINH', ['eligible', 'needs_review']],
      [1, 'BK_BO_TINH', ['eligible', 'needs_review']],
      [2, 'BK_TTG', ['eligible', 'needs_review']],
      [3, 'HCLD_HANG_BA', ['eligible', 'needs_review']],
      [4, 'CSTD_BO_TINH', ['not_eligible']],
      [5, 'BK_TTG', ['not_eligible', 'needs_review']],
      [6, 'CSTDCS', ['not_eligible']],
    ];
    const seen: string[] = [];
    for (const [index, award, verdicts] of expected) {
      const found = await verdict(index, award);
      seen.push(`${index} ${award} ${found}`);
      expect(verdicts, seen.join('; ')).toContain(found);
    }
  });

  it('has eligible people for the yearly titles of 2025 in the commune Tam Đường and the province', async () => {
    const client = await signIn(t, 'demo.officer', PASSWORD);
    const [province] = await t.handle.db.select().from(units).where(eq(units.code, 'LCI'));
    for (const award of ['LDTT', 'CSTDCS', 'TTLDTT']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/units/${province?.id}/candidates?award=${award}&year=2025&limit=50`,
        headers: client.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(
        response.json().items.filter((item: { verdict: string }) => item.verdict === 'eligible').length,
        award,
      ).toBeGreaterThan(0);
    }
  });
});
