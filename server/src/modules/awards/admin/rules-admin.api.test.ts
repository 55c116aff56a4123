import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, baseSalaries, ruleOverrides } from '#server/platform/db/schema.ts';
import { signInAs } from '../../../../../tests/support/factories.ts';
import { expectNothingStored } from '../../../../../tests/support/nothing-stored.ts';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const RULE_SET = 'luat-2022-nd-152-2025';
const onlyRating = {
  kind: 'rating_at_least',
  level: 'HTTNV',
  year: 0,
  article: 'Quyết định của Hội đồng Thi đua – Khen thưởng',
  confidence: 'C',
};
const check = {
  award: 'CSTDCS',
  date: '2025-12-15',
  forYear: 2025,
  subject: 'individual',
  history: [{ year: 2025, rating: 'HTTNV' }],
};

describe('GET /api/awards/catalogue', () => {
  it('lists every award of the rule set with its rules, articles and marks', async () => {
    const staff = await signInAs(t, 'staff');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/awards/catalogue?ruleSet=${RULE_SET}`,
      headers: staff.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.ruleSets).toHaveLength(3);
    expect(body.awards.length).toBeGreaterThanOrEqual(40);
    const cstdcs = body.awards.find((award: { code: string }) => award.code === 'CSTDCS');
    expect(
      cstdcs.criteria[0].lines.some((line: { article?: string }) => line.article?.includes('Điều 23')),
    ).toBe(true);
    expect(cstdcs.deciders.length).toBeGreaterThan(0);
    expect(cstdcs.cash[0]).toMatchObject({ subject: 'individual', multiple: 1 });
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/awards/catalogue?ruleSet=x',
      headers: staff.headers,
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('rule overrides', () => {
  it('replaces a rule (audited with the reason), keeps the shipped rule visible, then restores it', async () => {
    const admin = await signInAs(t, 'admin');
    const before = await t.app.inject({
      method: 'POST',
      url: '/api/eligibility/check',
      headers: admin.headers,
      payload: check,
    });
    expect(before.json().verdict).toBe('not_eligible');

    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/award-rules/overrides',
      headers: admin.headers,
      payload: {
        ruleSet: RULE_SET,
        award: 'CSTDCS',
        subject: 'individual',
        rule: onlyRating,
        reason: 'Thử quy tắc đơn giản',
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const { id, version } = saved.json();
    const [event] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'award_rule.override'), eq(auditEvents.entityId, id)));
    expect(event?.reason).toBe('Thử quy tắc đơn giản');

    const after = await t.app.inject({
      method: 'POST',
      url: '/api/eligibility/check',
      headers: admin.headers,
      payload: check,
    });
    expect(after.json().checks.map((c: { article: string }) => c.article)).toContain(onlyRating.article);

    const page = await t.app.inject({
      method: 'GET',
      url: `/api/awards/catalogue?ruleSet=${RULE_SET}`,
      headers: admin.headers,
    });
    const criteria = page
      .json()
      .awards.find((award: { code: string }) => award.code === 'CSTDCS')
      .criteria.find((entry: { subject: string }) => entry.subject === 'individual');
    expect(criteria.override).toMatchObject({ id, version, reason: 'Thử quy tắc đơn giản' });
    expect(
      criteria.shippedLines.some((line: { article?: string }) => line.article?.includes('Điều 23')),
    ).toBe(true);

    const again = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'PUT',
        url: '/api/award-rules/overrides',
        headers: admin.headers,
        payload: {
          ruleSet: RULE_SET,
          award: 'CSTDCS',
          subject: 'individual',
          rule: onlyRating,
          reason: 'Lần hai',
          version: version + 5,
        },
      }),
    );
    expect(again.statusCode).toBe(409);

    const restored = await t.app.inject({
      method: 'DELETE',
      url: `/api/award-rules/overrides/${id}?reason=${encodeURIComponent('Dùng lại quy tắc gốc')}`,
      headers: admin.headers,
    });
    expect(restored.statusCode).toBe(200);
    const [restore] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'award_rule.restore'), eq(auditEvents.entityId, id)));
    expect(restore?.reason).toBe('Dùng lại quy tắc gốc');
    const back = await t.app.inject({
      method: 'POST',
      url: '/api/eligibility/check',
      headers: admin.headers,
      payload: check,
    });
    expect(back.json().verdict).toBe('not_eligible');
    expect(await t.handle.db.select().from(ruleOverrides)).toEqual([]);
  });

  it('refuses bad rules, missing reasons and non-administrators, storing nothing', async () => {
    const admin = await signInAs(t, 'admin');
    const officer = await signInAs(t, 'tdkt_officer');
    const base = {
      ruleSet: RULE_SET,
      award: 'CSTDCS',
      subject: 'individual',
      rule: onlyRating,
      reason: 'Lý do đủ dài',
    };
    const cases: [Record<string, string>, object, number][] = [
      [admin.headers, { ...base, rule: { kind: 'nonsense' } }, 400],
      [admin.headers, { ...base, ruleSet: 'khong-co' }, 400],
      [admin.headers, { ...base, award: 'TTLDTT' }, 400],
      [admin.headers, { ...base, reason: 'x' }, 400],
      [officer.headers, base, 403],
    ];
    for (const [headers, payload, status] of cases) {
      const response = await expectNothingStored(t.handle, () =>
        t.app.inject({ method: 'PUT', url: '/api/award-rules/overrides', headers, payload }),
      );
      expect(response.statusCode, `${JSON.stringify(payload)}: ${response.body}`).toBe(status);
    }
  });
});

describe('base salaries', () => {
  it('adds the next base salary (audited); the cash follows it; earlier dates are refused', async () => {
    const admin = await signInAs(t, 'admin');
    const refused = await expectNothingStored(t.handle, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/base-salaries',
        headers: admin.headers,
        payload: { from: '2024-01-01', amount: 2_000_000, article: 'Nghị định thử' },
      }),
    );
    expect(refused.statusCode).toBe(400);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/base-salaries',
      headers: admin.headers,
      payload: { from: '2026-07-01', amount: 2_530_000, article: 'Nghị định thử nghiệm số 1/2026' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const [event] = await t.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'base_salary.create'), eq(auditEvents.entityId, created.json().id)));
    expect(event?.after).toMatchObject({ amount: 2_530_000 });
    const list = await t.app.inject({ method: 'GET', url: '/api/base-salaries', headers: admin.headers });
    expect(list.json().items.at(-1)).toMatchObject({ from: '2026-07-01', amount: 2_530_000, added: true });
    const cash = await t.app.inject({
      method: 'POST',
      url: '/api/eligibility/check',
      headers: admin.headers,
      payload: { ...check, date: '2026-08-01', history: [{ year: 2025, rating: 'HTXSNV' }] },
    });
    expect(cash.json().cash).toMatchObject({ baseSalary: 2_530_000, amount: 2_530_000 });
    await t.handle.db.delete(baseSalaries);
  });
});
