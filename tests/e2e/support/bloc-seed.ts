import { eq } from 'drizzle-orm';
import { demoCaller } from '#server/modules/demo/demo-callers.ts';
import { createUser } from '#server/modules/users/index.ts';
import { systemActor } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { blocMembers, blocs, councils, units } from '#server/platform/db/schema.ts';
import { DEMO_PASSWORD } from './app-server.ts';

/**
 * A bloc of this year of the demo's provincial council for a journey: Tân Phong heads it (through an
 * officer account made here, `headUsername`) and Tam Đường (demo.officer.tamduong) is its member.
 */
export async function seedTwoUnitBloc(db: Database, name: string, headUsername: string) {
  const code = async (value: string) => (await db.select().from(units).where(eq(units.code, value)))[0];
  const [head, member, province] = [await code('LCI.X.TPH'), await code('LCI.X.TDG'), await code('LCI')];
  if (!head || !member || !province) throw new Error('demo units missing');
  const [council] = await db.select().from(councils).where(eq(councils.unitId, province.id));
  if (!council) throw new Error('demo council missing');
  await createUser(
    db,
    {
      username: headUsername,
      fullName: 'Cán bộ thi đua Tân Phong',
      password: DEMO_PASSWORD,
      role: 'tdkt_officer',
      unitId: head.id,
      email: null,
    },
    systemActor('e2e'),
  );
  const [bloc] = await db
    .insert(blocs)
    .values({
      councilId: council.id,
      year: new Date().getFullYear(),
      name,
      kind: 'area',
      supervisorMemberId: null,
    })
    .returning();
  if (!bloc) throw new Error('bloc not created');
  await db.insert(blocMembers).values([
    { blocId: bloc.id, unitId: head.id, position: 1, role: 'head' },
    { blocId: bloc.id, unitId: member.id, position: 2, role: 'member' },
  ]);
  const officer = await demoCaller(db, 'demo.officer');
  const headCaller = await demoCaller(db, headUsername);
  if (!officer || !headCaller) throw new Error('callers missing');
  return { council, bloc, head, member, officer, headCaller };
}
