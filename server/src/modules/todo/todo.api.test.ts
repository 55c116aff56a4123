import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TodoItem, TodoList } from '#contracts/todo.ts';
import { buildProvince, createByHand, readyToIssue } from '#server/modules/movements/test-support.ts';
import { planObligations } from '#server/platform/db/schema.ts';
import { buildPerson, buildUnit, buildUser, signIn, signInAs } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const DAY_MS = 24 * 60 * 60 * 1000;
/** The ISO date `days` from today (negative: in the past), as the server counts days (UTC). */
const dayFrom = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
const post = (url: string, headers: Record<string, string>, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object });
const todoOf = async (headers?: Record<string, string>, query = '') => {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/todo${query}`,
    ...(headers ? { headers } : {}),
  });
  expect(response.statusCode).toBe(200);
  return response.json<TodoList>();
};
const ofKind = (list: TodoList, kind: TodoItem['kind']) => list.items.filter((item) => item.kind === kind);

/** A province movement launched 10 days ago whose implementing plans were due 5 days ago. */
async function overdueMovement() {
  const p = await buildProvince(t);
  const id = await createByHand(
    t,
    p.provinceOfficer.headers,
    p.province.id,
    `Thi đua chuyển đổi số ${p.suffix}`,
  );
  const launch = await post(`/api/movements/${id}/launch`, p.provinceOfficer.headers, {
    planDeadline: dayFrom(-5),
  });
  expect(launch.statusCode).toBe(200);
  return { ...p, id };
}

describe('GET /api/todo', () => {
  it('gives a district officer their overdue plan, then the draft, and nothing once it is issued', async () => {
    const p = await overdueMovement();
    const list = await todoOf(p.districtOfficer.headers);
    expect(list.today).toBe(dayFrom(0));
    expect(list.items).toEqual([
      {
        id: expect.stringMatching(/^movements\.plan-obligations:/),
        kind: 'plan_obligation',
        title: 'Xây dựng, ban hành kế hoạch triển khai phong trào',
        detail: `Thi đua chuyển đổi số ${p.suffix}`,
        unit: { id: p.districtA.id, name: 'Ủy ban nhân dân huyện Tam Đường' },
        dueOn: dayFrom(-5),
        daysLeft: -5,
        urgency: 'overdue',
        link: `/phong-trao/${p.id}`,
        actionLabel: 'Xây dựng kế hoạch',
        source: 'movements.plan-obligations',
      },
    ]);
    expect(list.counts).toEqual([{ kind: 'plan_obligation', count: 1, isCapped: false }]);
    expect(list).toMatchObject({ total: 1, isTruncated: false });

    // The province officer follows up the three districts; it is not their own plan to issue.
    const province = await todoOf(p.provinceOfficer.headers);
    expect(ofKind(province, 'plan_obligation')).toEqual([]);
    expect(ofKind(province, 'plan_follow_up')).toEqual([
      expect.objectContaining({
        title: 'Đôn đốc 3 đơn vị chưa ban hành kế hoạch triển khai',
        unit: { id: p.province.id, name: p.province.name },
        dueOn: dayFrom(-5),
        urgency: 'overdue',
        link: `/phong-trao/${p.id}?tab=trien-khai`,
      }),
    ]);

    const draft = (
      await post(`/api/movements/${p.id}/implement`, p.districtOfficer.headers, {
        launchingUnitId: p.districtA.id,
      })
    ).json();
    const drafting = await todoOf(p.districtOfficer.headers);
    expect(drafting.items).toEqual([
      expect.objectContaining({
        link: `/phong-trao/${draft.id}`,
        actionLabel: 'Mở dự thảo',
        urgency: 'overdue',
      }),
    ]);
    await readyToIssue(t, p.districtOfficer.headers, draft.id);
    await post(`/api/movements/${draft.id}/launch`, p.districtOfficer.headers, { planDeadline: dayFrom(30) });
    // Issued: nothing left for the district (its commune's plan is not due yet), one district fewer to chase.
    const issued = await todoOf(p.districtOfficer.headers);
    expect(ofKind(issued, 'plan_obligation')).toEqual([]);
    expect(ofKind(issued, 'plan_follow_up')).toEqual([]);
    expect(ofKind(await todoOf(p.provinceOfficer.headers), 'plan_follow_up')[0]?.title).toBe(
      'Đôn đốc 2 đơn vị chưa ban hành kế hoạch triển khai',
    );
  });

  it('gives the head of a district the registrations waiting for them, and they can approve them', async () => {
    const p = await overdueMovement();
    const head = await signInAs(t, 'unit_head', p.districtA.id);
    const user = await buildUser(t.handle.db, { role: 'staff', unitId: p.districtA.id });
    await buildPerson(t.handle.db, { unitId: p.districtA.id, userId: user.id, fullName: 'Lò Thị Hoa' });
    const staff = await signIn(t, user.username);
    const personal = (
      await post(`/api/movements/${p.id}/registrations`, staff.headers, { pledge: 'Lao động tiên tiến' })
    ).json();
    // A draft is the staff member's to send, not yet the head's to review.
    expect(ofKind(await todoOf(staff.headers), 'registration_fix')).toEqual([
      expect.objectContaining({ title: 'Hoàn thiện và gửi bản đăng ký thi đua của anh/chị', dueOn: null }),
    ]);
    expect(ofKind(await todoOf(head.headers), 'registration_review')).toEqual([]);
    await post(`/api/registrations/${personal.id}/submit`, staff.headers);
    // The commune below the district registers as a unit: its review waits at the district too.
    const communeOfficer = await signInAs(t, 'tdkt_officer', p.commune.id);
    const communal = (
      await post(`/api/movements/${p.id}/registrations`, communeOfficer.headers, {
        unitId: p.commune.id,
        pledge: 'Xã đạt chuẩn văn hóa công sở',
      })
    ).json();
    await post(`/api/registrations/${communal.id}/submit`, communeOfficer.headers);

    // Someone of the district's internal division (phòng) waits for the district's head too; someone of
    // the commune waits for the commune, not the district.
    const division = await buildUnit(t.handle.db, {
      parentId: p.districtA.id,
      name: 'Phòng Nội vụ huyện Tam Đường',
      kind: 'division',
    });
    const submitPersonal = async (unitId: string, fullName: string) => {
      const member = await buildUser(t.handle.db, { role: 'staff', unitId });
      await buildPerson(t.handle.db, { unitId, userId: member.id, fullName });
      const client = await signIn(t, member.username);
      const created = (
        await post(`/api/movements/${p.id}/registrations`, client.headers, {
          pledge: 'Chiến sĩ thi đua cơ sở',
        })
      ).json();
      expect((await post(`/api/registrations/${created.id}/submit`, client.headers)).statusCode).toBe(200);
    };
    await submitPersonal(division.id, 'Tao Văn Ơn');
    await submitPersonal(p.commune.id, 'Vàng A Páo');

    const waiting = ofKind(await todoOf(head.headers), 'registration_review');
    expect(waiting.map((item) => [item.title, item.unit?.id, item.urgency, item.link])).toEqual([
      [
        'Duyệt bản đăng ký thi đua của Lò Thị Hoa',
        p.districtA.id,
        'no_deadline',
        `/phong-trao/${p.id}?tab=dang-ky`,
      ],
      [
        'Duyệt bản đăng ký thi đua của Ủy ban nhân dân xã Bình Lư',
        p.commune.id,
        'no_deadline',
        `/phong-trao/${p.id}?tab=dang-ky`,
      ],
      [
        'Duyệt bản đăng ký thi đua của Tao Văn Ơn',
        division.id,
        'no_deadline',
        `/phong-trao/${p.id}?tab=dang-ky`,
      ],
    ]);
    expect(
      ofKind(await todoOf(communeOfficer.headers), 'registration_review').map((item) => item.title),
    ).toEqual(['Duyệt bản đăng ký thi đua của Vàng A Páo']);
    expect(ofKind(await todoOf(staff.headers), 'registration_fix')).toEqual([]);
    // Not the province's to review (it waits at the district), nor another district head's.
    expect(ofKind(await todoOf(p.provinceOfficer.headers), 'registration_review')).toEqual([]);
    const otherHead = await signInAs(t, 'unit_head', p.districtB.id);
    expect(ofKind(await todoOf(otherHead.headers), 'registration_review')).toEqual([]);

    const approved = await post(`/api/registrations/${personal.id}/approve`, head.headers);
    expect(approved.statusCode).toBe(200);
    const returned = await post(`/api/registrations/${communal.id}/return`, head.headers, {
      reason: 'Bổ sung chỉ tiêu cụ thể',
    });
    expect(returned.statusCode).toBe(200);
    // Decided ones leave the list; the division's is still waiting.
    expect(ofKind(await todoOf(head.headers), 'registration_review').map((item) => item.title)).toEqual([
      'Duyệt bản đăng ký thi đua của Tao Văn Ơn',
    ]);
    expect(ofKind(await todoOf(communeOfficer.headers), 'registration_fix')).toEqual([
      expect.objectContaining({
        title: 'Sửa và gửi lại bản đăng ký của Ủy ban nhân dân xã Bình Lư',
        detail: `Thi đua chuyển đổi số ${p.suffix} — Lý do trả lại: Bổ sung chỉ tiêu cụ thể`,
      }),
    ]);
  });

  it('lists assignments and milestones within 60 days, the reviews for council members', async () => {
    const p = await overdueMovement();
    const headers = p.provinceOfficer.headers;
    const milestone = (title: string, kind: string, dueOn: string) =>
      post(`/api/movements/${p.id}/milestones`, headers, { title, kind, dueOn });
    await milestone('Tổng hợp báo cáo 6 tháng', 'other', dayFrom(3));
    await milestone('Sơ kết năm', 'annual', dayFrom(20));
    await milestone('Tổng kết giai đoạn', 'final_review', dayFrom(400));
    const assign = (task: string, dueOn: string | null) =>
      post(`/api/movements/${p.id}/assignments`, headers, { assigneeUnitId: p.districtA.id, task, dueOn });
    await assign('Báo cáo kết quả 6 tháng', dayFrom(10));
    await assign('Theo dõi, hướng dẫn thường xuyên', null);
    await assign('Báo cáo kết quả năm sau', dayFrom(90));

    const province = await todoOf(headers);
    expect(ofKind(province, 'milestone').map((item) => [item.title, item.urgency, item.daysLeft])).toEqual([
      ['Tổng hợp báo cáo 6 tháng', 'due_soon', 3],
      ['Sơ kết năm', 'later', 20],
    ]);
    const council = await signInAs(t, 'council_member', p.province.id);
    expect((await todoOf(council.headers)).items.map((item) => item.title)).toEqual(['Sơ kết năm']);
    const district = await todoOf(p.districtOfficer.headers);
    expect(ofKind(district, 'assignment')).toEqual([
      expect.objectContaining({
        title: 'Báo cáo kết quả 6 tháng',
        unit: { id: p.districtA.id, name: 'Ủy ban nhân dân huyện Tam Đường' },
        urgency: 'later',
        daysLeft: 10,
        link: `/phong-trao/${p.id}?tab=tien-do`,
      }),
    ]);
    // Overdue first: the plan due 5 days ago, then the assignment.
    expect(district.items.map((item) => item.kind)).toEqual(['plan_obligation', 'assignment']);
  });

  it('is empty for a staff member with nothing to do, and for an officer of another province', async () => {
    const p = await overdueMovement();
    const staff = await signInAs(t, 'staff', p.districtA.id);
    expect(await todoOf(staff.headers)).toEqual({
      today: dayFrom(0),
      items: [],
      counts: [],
      total: 0,
      isTruncated: false,
    });
    const elsewhere = await buildUnit(t.handle.db, {
      name: 'Ủy ban nhân dân tỉnh Quảng Trị',
      kind: 'province',
    });
    const foreign = await signInAs(t, 'tdkt_officer', elsewhere.id);
    expect((await todoOf(foreign.headers)).items).toEqual([]);
    const foreignHead = await signInAs(t, 'unit_head', elsewhere.id);
    expect((await todoOf(foreignHead.headers)).items).toEqual([]);
  });

  it('shows administrators the units that owe a plan but have no officer to receive it', async () => {
    const p = await overdueMovement();
    // Long overdue, so it comes first whatever other tests left in the shared database.
    await t.handle.db
      .update(planObligations)
      .set({ dueOn: '2000-01-02' })
      .where(eq(planObligations.unitId, p.districtB.id));
    const admin = await signInAs(t, 'admin');
    const mine = (await todoOf(admin.headers, '?limit=100')).items.filter(
      (item) =>
        item.kind === 'unit_without_officer' &&
        [p.districtA.id, p.districtB.id].includes(item.unit?.id ?? ''),
    );
    expect(mine).toEqual([
      expect.objectContaining({
        title: 'Phân quyền cán bộ TĐKT cho Ủy ban nhân dân huyện Phong Thổ',
        unit: { id: p.districtB.id, name: 'Ủy ban nhân dân huyện Phong Thổ' },
        dueOn: '2000-01-02',
        link: `/to-chuc/don-vi/${p.districtB.id}`,
        actionLabel: 'Mở đơn vị',
      }),
    ]);
    // Tam Đường has its officer: nothing to set up there. Officers never see this kind.
    expect(ofKind(await todoOf(p.provinceOfficer.headers), 'unit_without_officer')).toEqual([]);
  });

  it('shows at most `limit` items, most urgent first, with the counts of all of them', async () => {
    const p = await overdueMovement();
    await post(`/api/movements/${p.id}/milestones`, p.provinceOfficer.headers, {
      title: 'Tổng hợp báo cáo',
      dueOn: dayFrom(2),
    });
    const list = await todoOf(p.provinceOfficer.headers, '?limit=1');
    expect(list.items.map((item) => item.kind)).toEqual(['plan_follow_up']);
    expect(list.counts).toEqual([
      { kind: 'plan_follow_up', count: 1, isCapped: false },
      { kind: 'milestone', count: 1, isCapped: false },
    ]);
    expect(list).toMatchObject({ total: 2, isTruncated: true });
    const tooMany = await t.app.inject({
      method: 'GET',
      url: '/api/todo?limit=1000',
      headers: p.provinceOfficer.headers,
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().fields).toEqual([{ path: 'limit', message: 'Số việc nhiều nhất là 100' }]);
  });

  it('refuses a caller without a session with 401', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/todo' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
  });
});
