import { eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { units } from '../../platform/db/schema.ts';

/** The few units the platform's demo needs for its grants; the organisation module adds the rest. */
const demoUnits = [
  {
    code: 'LCI',
    parentCode: null,
    name: 'Ủy ban nhân dân tỉnh Lai Châu',
    shortName: 'UBND',
    kind: 'province',
    isCollegial: true,
  },
  {
    code: 'LCI.SNV',
    parentCode: 'LCI',
    name: 'Sở Nội vụ tỉnh Lai Châu',
    shortName: 'SNV',
    kind: 'department',
    isCollegial: false,
  },
] as const;

/** Creates the demo units if missing and returns their ids by code. */
export async function ensureDemoUnits(db: Database): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const unit of demoUnits) {
    const [found] = await db.select({ id: units.id }).from(units).where(eq(units.code, unit.code));
    if (found) {
      ids.set(unit.code, found.id);
      continue;
    }
    const id = crypto.randomUUID();
    const parentId = unit.parentCode ? (ids.get(unit.parentCode) ?? null) : null;
    const [parent] = parentId
      ? await db.select({ path: units.path }).from(units).where(eq(units.id, parentId))
      : [];
    await db.insert(units).values({
      id,
      parentId,
      path: `${parent?.path ?? '/'}${id}/`,
      code: unit.code,
      name: unit.name,
      shortName: unit.shortName,
      kind: unit.kind,
      isCollegial: unit.isCollegial,
    });
    ids.set(unit.code, id);
  }
  return ids;
}
