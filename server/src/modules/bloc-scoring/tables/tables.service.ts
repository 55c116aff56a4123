import { and, eq, inArray, sql } from 'drizzle-orm';
import type {
  ScoringTableCreateBody,
  ScoringTableUpdateBody,
  ScoringTableView,
  TargetsBody,
  TieBreakStep,
} from '#contracts/bloc-scoring.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import {
  blocMembers,
  blocs,
  councils,
  scoringCriteria,
  scoringSheets,
  scoringTables,
  scoringTargets,
  units,
} from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertTableAllowed, type Caller, isTableManager, tableAccess } from '../bloc-scoring.policy.ts';
import { bumpTable, getTableRow, listCriteria, listTableBlocs } from '../bloc-scoring.repo.ts';
import { loadBlocScores, pointsByCode } from '../ranking/bloc-data.ts';
import { getRanking } from '../ranking/ranking.service.ts';
import { criteriaErrors, hasLeaf } from './criteria-rules.ts';
import { criteriaInputs, replaceCriteria } from './criteria-store.ts';
import { type BlocResults, readTableXlsx, tableXlsx } from './table-xlsx.ts';

/** A table as the page shows it: criteria, blocs and what the user may do. */
export async function getTableView(db: Database, caller: Caller, id: string): Promise<ScoringTableView> {
  const row = await getTableRow(db, id);
  const tableBlocs = await listTableBlocs(db, row.table);
  const access = await tableAccess(db, caller.principal, row, tableBlocs);
  assertTableAllowed(access, 'read', false);
  return {
    id: row.table.id,
    councilId: row.table.councilId,
    councilName: row.councilName,
    blocId: row.table.blocId,
    year: row.table.year,
    name: row.table.name,
    status: row.status,
    tieBreak: row.table.tieBreak,
    leadingCount: row.table.leadingCount,
    criteria: await listCriteria(db, id),
    blocs: tableBlocs.map((bloc) => ({
      blocId: bloc.blocId,
      name: bloc.name,
      headUnitName: bloc.headUnitName,
      published: bloc.published,
    })),
    actions: access.actions,
    version: row.table.version,
  };
}

/** The table with the access for a change; 403/409 unless the action is allowed now. */
async function tableFor(
  db: Database,
  caller: Caller,
  id: string,
  action: 'edit' | 'rename' | 'open' | 'set_targets',
) {
  const row = await getTableRow(db, id);
  const access = await tableAccess(db, caller.principal, row, await listTableBlocs(db, row.table));
  assertTableAllowed(access, action, access.isManager);
  return row;
}

function assertCriteria(criteria: ScoringTableCreateBody['criteria'], tieBreak: TieBreakStep[]) {
  const errors = criteriaErrors(criteria, tieBreak);
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'Bảng tiêu chí chưa hợp lệ.', errors);
}

/** Checks the council (the caller manages it) and, when given, that the bloc is the council's of that year. */
async function assertCouncilAndBloc(
  db: Database,
  caller: Caller,
  body: { councilId: string; blocId: string | null; year: number },
) {
  const [council] = await db
    .select({
      unitPath: units.path,
      standingPath: sql<string | null>`(select s.path from units s where s.id = ${councils.standingUnitId})`,
    })
    .from(councils)
    .innerJoin(units, eq(units.id, councils.unitId))
    .where(eq(councils.id, body.councilId));
  if (!council) throw new AppError('NOT_FOUND', 'Không tìm thấy Hội đồng Thi đua – Khen thưởng.');
  if (!isTableManager(caller.principal, council)) throw new AppError('OUT_OF_SCOPE');
  if (body.blocId) {
    const [bloc] = await db
      .select({ id: blocs.id })
      .from(blocs)
      .where(and(eq(blocs.id, body.blocId), eq(blocs.councilId, body.councilId), eq(blocs.year, body.year)));
    if (!bloc)
      throw new AppError('VALIDATION_FAILED', 'Khối/cụm không thuộc hội đồng này trong năm đã chọn.', [
        { path: 'blocId', message: 'Khối/cụm không thuộc hội đồng trong năm' },
      ]);
  }
}

/** Drafts a table for a bloc (or every bloc of the council) and year, with its criteria. */
export async function createTable(
  db: Database,
  caller: Caller,
  body: ScoringTableCreateBody,
  copiedFrom: string | null = null,
  carried: Pick<typeof scoringTables.$inferInsert, 'quotas' | 'indicatorLinks'> = {},
) {
  await assertCouncilAndBloc(db, caller, body);
  assertCriteria(body.criteria, body.tieBreak);
  return db.transaction(async (tx) => {
    const [table] = await tx
      .insert(scoringTables)
      .values({
        councilId: body.councilId,
        blocId: body.blocId,
        year: body.year,
        name: body.name,
        tieBreak: body.tieBreak,
        leadingCount: body.leadingCount,
        ...carried,
        createdBy: caller.actor.userId,
        updatedBy: caller.actor.userId,
      })
      .returning();
    if (!table) throw new Error('scoring table not created');
    await replaceCriteria(tx, table.id, body.criteria);
    await recordAudit(tx, caller.actor, {
      action: copiedFrom ? 'scoring_table.copy' : 'scoring_table.create',
      entityType: 'scoring_table',
      entityId: table.id,
      after: {
        ...table,
        criteria: body.criteria.length,
        ...(copiedFrom ? { sourceTableId: copiedFrom } : {}),
      },
    });
    return table.id;
  });
}

/**
 * Changes a draft table (name, tie-break, leading places, the whole criteria tree) at the version
 * loaded; once scoring runs only the name, since everything else would move scores or ranks.
 */
export async function updateTable(
  db: Database,
  caller: Caller,
  id: string,
  body: ScoringTableUpdateBody,
  action: 'scoring_table.update' | 'scoring_table.import' = 'scoring_table.update',
) {
  const { version, criteria, ...fields } = body;
  const nameOnly =
    criteria === undefined && fields.tieBreak === undefined && fields.leadingCount === undefined;
  const current = await getTableRow(db, id);
  const before = await tableFor(db, caller, id, nameOnly && current.status !== 'draft' ? 'rename' : 'edit');
  const tieBreak = fields.tieBreak ?? before.table.tieBreak;
  const list = criteria ?? (await criteriaInputs(db, id));
  assertCriteria(list, tieBreak);
  await db.transaction(async (tx) => {
    const after = await bumpTable(
      tx,
      caller.actor,
      id,
      version,
      nameOnly ? ['draft', 'open'] : 'draft',
      fields,
    );
    if (criteria) await replaceCriteria(tx, id, criteria);
    await recordAudit(tx, caller.actor, {
      action,
      entityType: 'scoring_table',
      entityId: id,
      before: before.table,
      after: { ...after, ...(criteria ? { criteria: criteria.length } : {}) },
    });
  });
}

/** The table's criteria as an XLSX workbook, for whoever reads the table. */
export async function exportTable(db: Database, caller: Caller, id: string) {
  const view = await getTableView(db, caller, id);
  const results: BlocResults[] = [];
  // Once scoring runs, a sheet per bloc whose ranking the reader may see (head, supervisor, managers; members after publication).
  if (view.status !== 'draft')
    for (const bloc of view.blocs) {
      const ranking = await getRanking(db, caller, id, bloc.blocId).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'OUT_OF_SCOPE') return null;
        throw error;
      });
      if (!ranking) continue;
      const scores = await loadBlocScores(db, id, bloc.blocId);
      results.push({
        blocName: bloc.name,
        units: ranking.rows.map((row) => ({
          name: row.unitName,
          total: row.total,
          rank: row.rank,
          isLeading: row.isLeading,
          points: pointsByCode(scores.criteria, scores.scores.get(row.unitId)?.points ?? new Map()),
        })),
      });
    }
  const buffer = await tableXlsx(view.name, await criteriaInputs(db, id), results);
  return { buffer, fileName: `bang-tieu-chi-${view.year}.xlsx` };
}

/** Replaces a draft table's criteria with those of an XLSX file (all or nothing), at the version loaded. */
export async function importTable(db: Database, caller: Caller, id: string, version: number, buffer: Buffer) {
  await tableFor(db, caller, id, 'edit');
  const criteria = await readTableXlsx(buffer);
  await updateTable(db, caller, id, { criteria, version }, 'scoring_table.import');
}

/**
 * Copies a table (criteria, tie-break, leading places; not targets) into a new draft, e.g. for next
 * year: by default for that year's bloc of the same name (blocs are copied year to year).
 */
export async function copyTable(
  db: Database,
  caller: Caller,
  id: string,
  body: { year: number; blocId?: string | null | undefined; name?: string | undefined },
) {
  const source = await getTableRow(db, id);
  const sourceBlocs = await listTableBlocs(db, source.table);
  const access = await tableAccess(db, caller.principal, source, sourceBlocs);
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  let blocId = body.blocId ?? null;
  if (body.blocId === undefined && source.table.blocId) {
    const [same] = await db
      .select({ id: blocs.id })
      .from(blocs)
      .where(
        and(
          eq(blocs.councilId, source.table.councilId),
          eq(blocs.year, body.year),
          eq(blocs.name, sourceBlocs[0]?.name ?? ''),
        ),
      );
    blocId = same?.id ?? null;
  }
  const criteria = await criteriaInputs(db, id);
  return createTable(
    db,
    caller,
    {
      councilId: source.table.councilId,
      blocId,
      year: body.year,
      name: body.name ?? source.table.name.replace(String(source.table.year), String(body.year)),
      tieBreak: source.table.tieBreak,
      leadingCount: source.table.leadingCount,
      criteria,
    },
    id,
    { quotas: source.table.quotas, indicatorLinks: source.table.indicatorLinks },
  );
}

/** Opens a draft table for scoring: its criteria lock and every member unit of its blocs gets a sheet. */
export async function openTable(db: Database, caller: Caller, id: string, version: number) {
  const row = await tableFor(db, caller, id, 'open');
  const criteria = await listCriteria(db, id);
  if (!hasLeaf(criteria)) throw new AppError('CONFLICT', 'Bảng tiêu chí cần ít nhất một tiêu chí chấm điểm.');
  const tableBlocs = await listTableBlocs(db, row.table);
  const members = tableBlocs.length
    ? await db
        .select({ blocId: blocMembers.blocId, unitId: blocMembers.unitId })
        .from(blocMembers)
        .where(
          inArray(
            blocMembers.blocId,
            tableBlocs.map((bloc) => bloc.blocId),
          ),
        )
    : [];
  if (!members.length) throw new AppError('CONFLICT', 'Khối/cụm chưa có đơn vị thành viên để chấm điểm.');
  await db.transaction(async (tx) => {
    await bumpTable(tx, caller.actor, id, version, 'draft', { status: 'open' });
    await tx
      .insert(scoringSheets)
      .values(members.map((member) => ({ tableId: id, ...member, updatedBy: caller.actor.userId })));
    await recordAudit(tx, caller.actor, {
      action: 'scoring_table.open',
      entityType: 'scoring_table',
      entityId: id,
      before: { status: 'draft' },
      after: { status: 'open', sheets: members.length },
    });
  });
}

/** Sets (or removes, with null) one member unit's targets on quantitative criteria, at the table's version. */
export async function setTargets(db: Database, caller: Caller, id: string, body: TargetsBody) {
  const row = await tableFor(db, caller, id, 'set_targets');
  const ids = body.targets.map((target) => target.criterionId);
  const quantitative = ids.length
    ? await db
        .select({ id: scoringCriteria.id })
        .from(scoringCriteria)
        .where(
          and(
            eq(scoringCriteria.tableId, id),
            eq(scoringCriteria.kind, 'quantitative'),
            inArray(scoringCriteria.id, ids),
          ),
        )
    : [];
  if (quantitative.length !== new Set(ids).size)
    throw new AppError('VALIDATION_FAILED', 'Chỉ giao chỉ tiêu cho tiêu chí định lượng của bảng này.', [
      { path: 'targets', message: 'Tiêu chí không phải định lượng của bảng' },
    ]);
  const tableBlocs = await listTableBlocs(db, row.table);
  const [member] = tableBlocs.length
    ? await db
        .select({ unitId: blocMembers.unitId, blocId: blocMembers.blocId })
        .from(blocMembers)
        .where(
          and(
            eq(blocMembers.unitId, body.unitId),
            inArray(
              blocMembers.blocId,
              tableBlocs.map((bloc) => bloc.blocId),
            ),
          ),
        )
    : [];
  if (!member)
    throw new AppError('VALIDATION_FAILED', 'Đơn vị không phải thành viên của khối/cụm được chấm.', [
      { path: 'unitId', message: 'Không phải đơn vị thành viên' },
    ]);
  if (tableBlocs.find((bloc) => bloc.blocId === member.blocId)?.published)
    throw new AppError('CONFLICT', 'Kết quả của khối/cụm này đã được công bố; không sửa chỉ tiêu được nữa.');
  await db.transaction(async (tx) => {
    await bumpTable(tx, caller.actor, id, body.version, ['draft', 'open']);
    if (ids.length)
      await tx
        .delete(scoringTargets)
        .where(and(eq(scoringTargets.unitId, body.unitId), inArray(scoringTargets.criterionId, ids)));
    const values = body.targets
      .filter((target) => target.target !== null)
      .map((target) => ({
        criterionId: target.criterionId,
        unitId: body.unitId,
        target: target.target as number,
      }));
    if (values.length) await tx.insert(scoringTargets).values(values);
    await recordAudit(tx, caller.actor, {
      action: 'scoring_table.targets',
      entityType: 'scoring_table',
      entityId: id,
      after: { unitId: body.unitId, targets: body.targets },
    });
  });
}
