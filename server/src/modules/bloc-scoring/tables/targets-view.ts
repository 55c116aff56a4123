import { sql } from 'drizzle-orm';
import type { TargetsView } from '#contracts/bloc-scoring.ts';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import type { Database } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { type Caller, tableAccess } from '../bloc-scoring.policy.ts';
import { getTableRow, listTableBlocs } from '../bloc-scoring.repo.ts';

/**
 * The targets of a bloc's member units per quantitative criterion, read in one query. Managers,
 * readers over the council, the head and the supervising member see every member; a member unit sees
 * only its own until the bloc is published.
 */
export async function getTargets(
  db: Database,
  caller: Caller,
  id: string,
  blocId: string,
): Promise<TargetsView> {
  const row = await getTableRow(db, id);
  const blocs = await listTableBlocs(db, row.table);
  const access = await tableAccess(db, caller.principal, row, blocs);
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  const bloc = blocs.find((item) => item.blocId === blocId);
  if (!bloc) throw new AppError('NOT_FOUND', 'Khối/cụm không thuộc bảng tiêu chí này.');
  const part = access.parts.get(blocId);
  const anyPart = [...access.parts.values()].some(
    (item) => item.isHead || item.isSupervisor || item.memberUnitIds.length > 0,
  );
  const seesAll = access.isManager || !anyPart || !!part?.isHead || !!part?.isSupervisor || bloc.published;
  const only = seesAll ? null : (part?.memberUnitIds ?? []);
  if (only && !only.length) throw new AppError('OUT_OF_SCOPE');
  const rows = await selectRows<{
    unitId: string;
    unitName: string;
    criterionId: string | null;
    target: number | null;
  }>(
    db,
    sql`select m.unit_id as "unitId", u.name as "unitName", t.criterion_id as "criterionId", t.target
      from bloc_members m join units u on u.id = m.unit_id
      left join scoring_targets t on t.unit_id = m.unit_id
        and t.criterion_id in (select c.id from scoring_criteria c where c.table_id = ${id} and c.kind = 'quantitative')
      where m.bloc_id = ${blocId}
        ${only ? sql`and m.unit_id = any(${`{${only.join(',')}}`}::uuid[])` : sql``}
      order by m.position, u.name, t.criterion_id`,
  );
  const members = new Map<string, TargetsView['members'][number]>();
  for (const item of rows) {
    const member = members.get(item.unitId) ?? { unitId: item.unitId, unitName: item.unitName, targets: [] };
    if (item.criterionId !== null && item.target !== null)
      member.targets.push({ criterionId: item.criterionId, target: Number(item.target) });
    members.set(item.unitId, member);
  }
  return { blocId, members: [...members.values()] };
}
