import { sql } from 'drizzle-orm';
import type { IndicatorLinksView } from '#contracts/bloc-scoring-meeting.ts';
import { selectRows } from '#server/modules/organisation/sql-rows.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { type Caller, tableAccess } from '../bloc-scoring.policy.ts';
import { bumpTable, getTableRow, listCriteria, listTableBlocs } from '../bloc-scoring.repo.ts';

async function linksState(db: Executor, caller: Caller, id: string) {
  const row = await getTableRow(db, id);
  const access = await tableAccess(db, caller.principal, row, await listTableBlocs(db, row.table));
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  const quantitative = (await listCriteria(db, id)).filter((criterion) => criterion.kind === 'quantitative');
  return { row, isManager: access.isManager, quantitative };
}

/** Every quantitative criterion of a table with the report indicator it draws its figure from. */
export async function getIndicatorLinks(
  db: Executor,
  caller: Caller,
  id: string,
): Promise<IndicatorLinksView> {
  const { row, isManager, quantitative } = await linksState(db, caller, id);
  return {
    tableId: id,
    links: quantitative.map((criterion) => ({
      criterionId: criterion.id,
      criterionCode: criterion.code,
      title: criterion.title,
      indicatorCode: row.table.indicatorLinks[criterion.code] ?? null,
    })),
    editable: isManager && row.status !== 'published',
    version: row.table.version,
  };
}

/**
 * Names (or, with null, removes) the report indicator of quantitative criteria, by criterion code, at
 * the version loaded: only the table's managers, before publication; each indicator must be one of a
 * report template's or request's indicators (400 otherwise).
 */
export async function setIndicatorLinks(
  db: Database,
  caller: Caller,
  id: string,
  body: { links: { criterionCode: string; indicatorCode: string | null }[]; version: number },
) {
  const { row, isManager, quantitative } = await linksState(db, caller, id);
  if (!isManager) throw new AppError('OUT_OF_SCOPE');
  if (row.status === 'published')
    throw new AppError('CONFLICT', 'Bảng tiêu chí đã công bố kết quả; không sửa nguồn số liệu được nữa.');
  const codes = new Set(quantitative.map((criterion) => criterion.code));
  const wrong = body.links.find((link) => !codes.has(link.criterionCode));
  if (wrong)
    throw new AppError(
      'VALIDATION_FAILED',
      `Tiêu chí ${wrong.criterionCode} không phải tiêu chí định lượng của bảng này.`,
      [{ path: 'links', message: 'Chỉ tiêu chí định lượng lấy số liệu từ báo cáo' }],
    );
  const named = [...new Set(body.links.flatMap((link) => (link.indicatorCode ? [link.indicatorCode] : [])))];
  const known = named.length
    ? await selectRows<{ code: string }>(
        db,
        sql`select distinct i->>'code' as code from (
            select jsonb_array_elements(indicators) as i from report_templates
            union all select jsonb_array_elements(indicators) from report_requests) s
          where i->>'code' = any(${`{${named.map((code) => `"${code}"`).join(',')}}`}::text[])`,
      )
    : [];
  const missing = named.filter((code) => !known.some((row) => row.code === code));
  if (missing.length)
    throw new AppError(
      'VALIDATION_FAILED',
      `Không có chỉ tiêu báo cáo mã ${missing.join(', ')} trong các mẫu báo cáo.`,
      [{ path: 'links', message: 'Chỉ tiêu báo cáo không tồn tại' }],
    );
  const links: Record<string, string> = { ...row.table.indicatorLinks };
  for (const link of body.links)
    if (link.indicatorCode) links[link.criterionCode] = link.indicatorCode;
    else delete links[link.criterionCode];
  await db.transaction(async (tx) => {
    await bumpTable(tx, caller.actor, id, body.version, ['draft', 'open'], { indicatorLinks: links });
    await recordAudit(tx, caller.actor, {
      action: 'scoring_table.indicators',
      entityType: 'scoring_table',
      entityId: id,
      before: { indicatorLinks: row.table.indicatorLinks },
      after: { indicatorLinks: links },
    });
  });
}
