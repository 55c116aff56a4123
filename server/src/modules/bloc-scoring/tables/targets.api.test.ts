import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../../../../../tests/support/test-app.ts';
import { buildScoringScene, createTable, sender } from '../test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await getTestApp();
});

describe('GET /api/scoring-tables/:id/targets', () => {
  it('shows every member target to managers, the head and the supervisor, a member only its own', async () => {
    const scene = await buildScoringScene(t);
    const send = sender(t);
    const { table, criterion } = await createTable(t, scene, { open: true });
    const url = `/api/scoring-tables/${table.id}/targets?blocId=${scene.bloc.id}`;
    for (const client of [scene.manager, scene.head, scene.supervisor]) {
      const reply = await send('GET', url, client.headers);
      expect(reply.statusCode, reply.body).toBe(200);
      expect(reply.json().members).toEqual(
        [scene.one, scene.two, scene.three].map((unit) => ({
          unitId: unit.id,
          unitName: unit.name,
          targets: [{ criterionId: criterion('1.1'), target: 100 }],
        })),
      );
    }
    const own = await send('GET', url, scene.twoOfficer.headers);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().members.map((member: { unitId: string }) => member.unitId)).toEqual([scene.two.id]);
    for (const [client, status] of [
      [scene.outsideOfficer, 403],
      [scene.otherOfficer, 403],
    ] as const)
      expect((await send('GET', url, client.headers)).statusCode).toBe(status);
    const elsewhere = await send(
      'GET',
      `/api/scoring-tables/${table.id}/targets?blocId=${crypto.randomUUID()}`,
      scene.manager.headers,
    );
    expect(elsewhere.statusCode).toBe(404);
  });
});

describe('GET /api/scoring-sheets/:id othersBestRatio', () => {
  it("gives the head the other members' best completion ratio for the live preview, not a member", async () => {
    const scene = await buildScoringScene(t);
    const send = sender(t);
    const { table, criterion } = await createTable(t, scene, { open: true });
    const sheets = await send('GET', `/api/scoring-tables/${table.id}/sheets`, scene.manager.headers);
    const sheetOf = (unitId: string) =>
      (sheets.json().items as { id: string; unitId: string }[]).find((item) => item.unitId === unitId)?.id;
    const entered = await send(
      'PUT',
      `/api/scoring-sheets/${sheetOf(scene.three.id)}/entries/${criterion('1.1')}`,
      scene.threeOfficer.headers,
      { figures: { actual: 150 }, version: 0 },
    );
    expect(entered.statusCode, entered.body).toBe(200);
    const rowOf = async (client: typeof scene.head) => {
      const reply = await send('GET', `/api/scoring-sheets/${sheetOf(scene.two.id)}`, client.headers);
      expect(reply.statusCode, reply.body).toBe(200);
      return reply.json().rows.find((row: { criterion: { code: string } }) => row.criterion.code === '1.1');
    };
    expect((await rowOf(scene.head)).othersBestRatio).toBe(1.5);
    expect((await rowOf(scene.twoOfficer)).othersBestRatio).toBeNull();
  });
});
