import type { ProposalQuota, QuotasView } from '#contracts/bloc-scoring-meeting.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { type Caller, tableAccess } from '../bloc-scoring.policy.ts';
import { bumpTable, getTableRow, listTableBlocs } from '../bloc-scoring.repo.ts';

/** The table, whether the user manages it, and whether its quotas may still change (no bloc published yet). */
async function quotasState(db: Executor, caller: Caller, id: string) {
  const row = await getTableRow(db, id);
  const blocs = await listTableBlocs(db, row.table);
  const access = await tableAccess(db, caller.principal, row, blocs);
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  const editable = row.status !== 'published' && !blocs.some((bloc) => bloc.published);
  return { row, isManager: access.isManager, editable };
}

/** A table's proposal quotas: everyone who reads the table sees them; only its managers change them, until a bloc is published. */
export async function getQuotas(db: Executor, caller: Caller, id: string): Promise<QuotasView> {
  const { row, isManager, editable } = await quotasState(db, caller, id);
  return {
    tableId: id,
    quotas: row.table.quotas,
    editable: isManager && editable,
    version: row.table.version,
  };
}

/** Replaces a table's quotas at the version loaded (403 unless a manager, 409 once a bloc is published or when stale). */
export async function setQuotas(
  db: Database,
  caller: Caller,
  id: string,
  body: { quotas: ProposalQuota[]; version: number },
) {
  const { row, isManager, editable } = await quotasState(db, caller, id);
  if (!isManager) throw new AppError('OUT_OF_SCOPE');
  if (!editable)
    throw new AppError(
      'CONFLICT',
      'Đã có khối/cụm công bố kết quả; không sửa hạn mức đề nghị khen thưởng được nữa.',
    );
  await db.transaction(async (tx) => {
    await bumpTable(tx, caller.actor, id, body.version, ['draft', 'open'], { quotas: body.quotas });
    await recordAudit(tx, caller.actor, {
      action: 'scoring_table.quotas',
      entityType: 'scoring_table',
      entityId: id,
      before: { quotas: row.table.quotas },
      after: { quotas: body.quotas },
    });
  });
}
