import { eq } from 'drizzle-orm';
import type { SheetAction, SheetStatus } from '#contracts/bloc-scoring.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { scoringSheets } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { assertSheetAllowed, type Caller, sheetAccess, tableAccess } from '../bloc-scoring.policy.ts';
import { getTableRow, listTableBlocs, SHEET } from '../bloc-scoring.repo.ts';

/** A sheet with its table, its bloc and the caller's access, checked for the action (403/409). */
export async function sheetFor(db: Executor, caller: Caller, id: string, action: SheetAction | 'read') {
  const [sheet] = await db.select().from(scoringSheets).where(eq(scoringSheets.id, id));
  if (!sheet) throw new AppError('NOT_FOUND', SHEET.notFound);
  const table = await getTableRow(db, sheet.tableId);
  const blocs = (await listTableBlocs(db, table.table)).filter((bloc) => bloc.blocId === sheet.blocId);
  const bloc = blocs[0];
  if (!bloc) throw new AppError('NOT_FOUND', SHEET.notFound);
  const tableLevel = await tableAccess(db, caller.principal, table, blocs);
  const status = sheet.status as SheetStatus;
  const access = sheetAccess(
    tableLevel,
    { blocId: sheet.blocId, unitId: sheet.unitId, status },
    table.status === 'open',
    bloc.published,
  );
  assertSheetAllowed(access, action);
  return { sheet: { ...sheet, status }, table, bloc, access };
}
export type SheetContext = Awaited<ReturnType<typeof sheetFor>>;
