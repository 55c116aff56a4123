import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, it } from 'vitest';
import {
  movementAssignments,
  movementMilestones,
  movements,
  planVersions,
  registrations,
} from '#server/platform/db/schema.ts';
import { buildPerson, buildUser, signIn, signInAs } from '../../../../tests/support/factories.ts';
import { getTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { expectOptimisticLocking, type VersionedRecord } from '../../../../tests/support/versioning.ts';
import { buildProvince, createByHand, multipart } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

const ownVersion = (body: Record<string, unknown>) => body.version as number;

/** A draft province movement made by hand and two officers of the province who edit it. */
async function draftMovement() {
  const p = await buildProvince(t);
  const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
  const second = await signInAs(t, 'tdkt_officer', p.province.id);
  return { ...p, id, first: p.provinceOfficer, second };
}

const movementRow = async (id: string) =>
  (await t.handle.db.select().from(movements).where(eq(movements.id, id)))[0];
/** The movement with every version of its plan: what a plan edit may change. */
const movementWithPlans = async (id: string) => ({
  movement: await movementRow(id),
  plans: await t.handle.db
    .select()
    .from(planVersions)
    .where(eq(planVersions.movementId, id))
    .orderBy(asc(planVersions.version)),
});
const movementVersion = async (id: string) => (await movementRow(id))?.version ?? 0;

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
const post = (url: string, headers: Record<string, string>, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers, payload });

/** Each editable record of the movements module, built fresh for its test. */
const records: Record<string, () => Promise<VersionedRecord>> = {
  'PATCH /api/movements/:id': async () => {
    const { id, first, second } = await draftMovement();
    return {
      first,
      second,
      update: (version, writer) => ({
        method: 'PATCH',
        url: `/api/movements/${id}`,
        payload:
          writer === 'first' ? { name: 'Thi đua đổi tên phong trào', version } : { theme: 'Chủ đề', version },
      }),
      missing: {
        method: 'PATCH',
        url: `/api/movements/${randomUUID()}`,
        payload: { theme: 'X', version: 1 },
      },
      stored: () => movementRow(id),
      version: () => movementVersion(id),
      replyVersion: ownVersion,
      action: 'movement.update',
      entityId: id,
    };
  },
  'PUT /api/movements/:id/plan': async () => {
    const { id, first, second } = await draftMovement();
    const { plan } = (await get(`/api/movements/${id}`, first.headers)).json();
    return {
      first,
      second,
      update: (version, writer) => ({
        method: 'PUT',
        url: `/api/movements/${id}/plan`,
        payload: { ...plan, funding: writer === 'first' ? 'Ngân sách tỉnh' : 'Quỹ thi đua', version },
      }),
      missing: {
        method: 'PUT',
        url: `/api/movements/${randomUUID()}/plan`,
        payload: { ...plan, version: 1 },
      },
      stored: () => movementWithPlans(id),
      version: () => movementVersion(id),
      replyVersion: ownVersion,
      action: 'plan.update',
      entityId: id,
    };
  },
  'POST /api/movements/:id/plan/criteria': async () => {
    const { id, first, second } = await draftMovement();
    const add = (text: string, version: number) => ({
      version,
      op: 'add',
      tree: 'collective',
      parentId: null,
      text,
    });
    return {
      first,
      second,
      update: (version, writer) => ({
        method: 'POST',
        url: `/api/movements/${id}/plan/criteria`,
        payload: add(writer === 'first' ? 'Hoàn thành xuất sắc nhiệm vụ' : 'Không có vi phạm', version),
      }),
      missing: {
        method: 'POST',
        url: `/api/movements/${randomUUID()}/plan/criteria`,
        payload: add('X', 1),
      },
      stored: () => movementWithPlans(id),
      version: () => movementVersion(id),
      replyVersion: ownVersion,
      action: 'plan.criteria',
      entityId: id,
    };
  },
  'POST /api/movements/:id/plan/unclassified/:line': async () => {
    const p = await buildProvince(t);
    const second = await signInAs(t, 'tdkt_officer', p.province.id);
    const text = readFileSync(
      path.resolve(import.meta.dirname, '../../../../tests/fixtures/movements/ke-hoach-van-hoa-cong-so.txt'),
      'utf8',
    ).replace('VI. KINH PHÍ', 'Tiêu\nCông\nVI. KINH PHÍ');
    const body = multipart('kh.txt', text);
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/movements/import?launchingUnitId=${p.province.id}&confirmWarnings=true`,
      headers: { ...p.provinceOfficer.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
    const { id, unclassified } = imported.json() as { id: string; unclassified: { line: number }[] };
    const [lineA, lineB] = unclassified.map((entry) => entry.line);
    if (!lineA || !lineB) throw new Error('the plan has fewer than two unclassified lines');
    return {
      first: p.provinceOfficer,
      second,
      update: (version, writer) => ({
        method: 'POST',
        url: `/api/movements/${id}/plan/unclassified/${writer === 'first' ? lineA : lineB}`,
        payload: { version, action: 'drop' },
      }),
      missing: {
        method: 'POST',
        url: `/api/movements/${randomUUID()}/plan/unclassified/${lineA}`,
        payload: { version: 1, action: 'drop' },
      },
      stored: () => movementWithPlans(id),
      version: () => movementVersion(id),
      replyVersion: ownVersion,
      action: 'plan.place_line',
      entityId: id,
    };
  },
  'PATCH /api/registrations/:id': async () => {
    const p = await buildProvince(t);
    const id = await createByHand(t, p.provinceOfficer.headers, p.province.id);
    await post(`/api/movements/${id}/launch`, p.provinceOfficer.headers, {
      confirmedWarnings: ['period_over'],
    });
    const user = await buildUser(t.handle.db, { role: 'staff', unitId: p.commune.id });
    await buildPerson(t.handle.db, { unitId: p.commune.id, userId: user.id });
    const staff = await signIn(t, user.username);
    const created = await post(`/api/movements/${id}/registrations`, staff.headers, {
      pledge: 'Đăng ký Lao động tiên tiến',
    });
    const registrationId = created.json().id as string;
    const read = async () =>
      (await t.handle.db.select().from(registrations).where(eq(registrations.id, registrationId)))[0];
    // One person in two browser tabs: the second tab still shows the first version.
    return {
      first: staff,
      second: staff,
      update: (version, writer) => ({
        method: 'PATCH',
        url: `/api/registrations/${registrationId}`,
        payload:
          writer === 'first'
            ? { pledge: 'Đăng ký Chiến sĩ thi đua cơ sở', version }
            : { targets: [{ label: 'Sáng kiến', value: 2 }], version },
      }),
      missing: {
        method: 'PATCH',
        url: `/api/registrations/${randomUUID()}`,
        payload: { pledge: 'Không có', version: 1 },
      },
      stored: read,
      version: async () => (await read())?.version ?? 0,
      replyVersion: ownVersion,
      action: 'registration.edit',
      entityId: registrationId,
    };
  },
  'PATCH /api/milestones/:id': async () => {
    const { id, first, second } = await draftMovement();
    const created = await post(`/api/movements/${id}/milestones`, first.headers, {
      kind: 'midterm_review',
      title: 'Sơ kết phong trào',
      dueOn: '2027-06-30',
    });
    const milestoneId = created.json().id as string;
    const read = async () =>
      (await t.handle.db.select().from(movementMilestones).where(eq(movementMilestones.id, milestoneId)))[0];
    return {
      first,
      second,
      update: (version, writer) => ({
        method: 'PATCH',
        url: `/api/milestones/${milestoneId}`,
        payload: writer === 'first' ? { done: true, version } : { dueOn: '2027-09-30', version },
      }),
      missing: {
        method: 'PATCH',
        url: `/api/milestones/${randomUUID()}`,
        payload: { done: true, version: 1 },
      },
      stored: read,
      version: async () => (await read())?.version ?? 0,
      replyVersion: ownVersion,
      action: 'milestone.update',
      entityId: milestoneId,
    };
  },
  'PATCH /api/assignments/:id': async () => {
    const { id, districtA, first, second } = await draftMovement();
    const created = await post(`/api/movements/${id}/assignments`, first.headers, {
      assigneeUnitId: districtA.id,
      task: 'Báo cáo kết quả thực hiện',
    });
    const assignmentId = created.json().id as string;
    const read = async () =>
      (
        await t.handle.db.select().from(movementAssignments).where(eq(movementAssignments.id, assignmentId))
      )[0];
    return {
      first,
      second,
      update: (version, writer) => ({
        method: 'PATCH',
        url: `/api/assignments/${assignmentId}`,
        payload: { status: writer === 'first' ? 'done' : 'open', version },
      }),
      missing: {
        method: 'PATCH',
        url: `/api/assignments/${randomUUID()}`,
        payload: { status: 'done', version: 1 },
      },
      stored: read,
      version: async () => (await read())?.version ?? 0,
      replyVersion: ownVersion,
      action: 'assignment.status',
      entityId: assignmentId,
    };
  },
};

describe('optimistic locking of the movement records', () => {
  for (const [route, build] of Object.entries(records)) {
    it(`${route}: a fresh update is saved and audited; a stale one is 409 and changes nothing`, async () => {
      await expectOptimisticLocking(t, await build());
    });
  }
});
