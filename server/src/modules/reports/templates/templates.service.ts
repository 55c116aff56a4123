import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { CursorQuery } from '#contracts/common.ts';
import type { CriterionNode } from '#contracts/movements.ts';
import type { CreateTemplateBody, ReportIndicator, ReportSection } from '#contracts/reports.ts';
import { getVisibleMovement } from '#server/modules/movements/movements.service.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import { coversUnit, scopePaths } from '#server/platform/auth/policy.ts';
import type { Database } from '#server/platform/db/client.ts';
import { countCapped, readKeysetPage } from '#server/platform/db/keyset.ts';
import { movements, planVersions, reportTemplates, units } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, staleVersionError, versionedRow } from '#server/platform/db/versioning.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { READ_ROLES, REQUEST_ROLES } from '../reports.policy.ts';
import { type Caller, findUnit } from '../reports.repo.ts';

const TEMPLATE = { subject: 'Mẫu báo cáo này', notFound: 'Không tìm thấy mẫu báo cáo.' };

/** The sections every movement report has, around those built from the plan's criteria. */
export const STANDARD_SECTIONS: ReportSection[] = [
  {
    key: 'trien-khai',
    title: 'Công tác chỉ đạo, triển khai',
    hint: 'Văn bản đã ban hành, hình thức quán triệt.',
  },
  { key: 'ket-qua', title: 'Kết quả thực hiện', hint: 'Kết quả nổi bật, mô hình, điển hình tiên tiến.' },
  { key: 'ton-tai', title: 'Tồn tại, hạn chế và nguyên nhân', hint: '' },
  { key: 'de-xuat', title: 'Đề xuất, kiến nghị', hint: '' },
];
/** The figures every movement report asks for. */
export const STANDARD_INDICATORS: ReportIndicator[] = [
  { code: 'ke-hoach', label: 'Đơn vị đã ban hành kế hoạch triển khai', unit: 'đơn vị' },
  { code: 'dang-ky', label: 'Tập thể, cá nhân đăng ký thi đua', unit: 'lượt' },
  { code: 'dien-hinh', label: 'Điển hình tiên tiến được phát hiện', unit: 'mô hình' },
  { code: 'khen-thuong', label: 'Tập thể, cá nhân được khen thưởng', unit: 'lượt' },
];

/** Sections from a plan's collective criteria: one per top-level criterion, between the standard ones. */
export function sectionsFromCriteria(criteria: readonly CriterionNode[]): ReportSection[] {
  const fromPlan = criteria.slice(0, 40).map((node, index) => ({
    key: `tieu-chi-${index + 1}`,
    // A bullet ("-", "+", "•") the plan wrote before the criterion is not part of its title.
    title: `Kết quả thực hiện: ${[node.label, node.text]
      .filter(Boolean)
      .join(' ')
      .trim()
      .replace(/^[-+•–]\s*/, '')}`.slice(0, 300),
    hint: node.children
      .map((child) => child.text)
      .join('\n')
      .slice(0, 2000),
  }));
  const [first, second, ...rest] = STANDARD_SECTIONS as [ReportSection, ReportSection, ...ReportSection[]];
  return [first, second, ...fromPlan, ...rest];
}

async function ownerUnitFor(db: Database, caller: Caller, unitId: string) {
  const unit = await findUnit(db, unitId);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  if (!coversUnit(caller.principal, REQUEST_ROLES, unit.path)) throw new AppError('OUT_OF_SCOPE');
  return unit;
}

async function insertTemplate(
  db: Database,
  caller: Caller,
  values: CreateTemplateBody & { movementId?: string | null },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reportTemplates)
      .values({ ...values, createdBy: caller.actor.userId })
      .returning();
    if (!row) throw new Error('template not stored');
    await recordAudit(tx, caller.actor, {
      action: 'report_template.create',
      entityType: 'report_template',
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

/** Creates a template of a unit the caller is an emulation officer of (or above). */
export async function createTemplate(db: Database, caller: Caller, body: CreateTemplateBody) {
  await ownerUnitFor(db, caller, body.ownerUnitId);
  return insertTemplate(db, caller, body);
}

/** Builds a template from a movement's current plan: its collective criteria become sections. */
export async function createTemplateFromMovement(
  db: Database,
  caller: Caller,
  body: { movementId: string; ownerUnitId: string },
) {
  await ownerUnitFor(db, caller, body.ownerUnitId);
  // Only a movement the caller sees (else 404, as for one that does not exist).
  await getVisibleMovement(db, caller, body.movementId);
  const [row] = await db
    .select({ name: movements.name, content: planVersions.content })
    .from(movements)
    .leftJoin(
      planVersions,
      and(eq(planVersions.movementId, movements.id), eq(planVersions.version, movements.currentVersion)),
    )
    .where(eq(movements.id, body.movementId));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy phong trào.');
  return insertTemplate(db, caller, {
    ownerUnitId: body.ownerUnitId,
    movementId: body.movementId,
    name: `Mẫu báo cáo: ${row.name}`.slice(0, 300),
    sections: sectionsFromCriteria(row.content?.criteria.collective ?? []),
    indicators: STANDARD_INDICATORS,
  });
}

/** The paths of a unit and of every unit above it (`/a/b/` → `/a/`, `/a/b/`). */
export const pathsUpTo = (path: string) =>
  path
    .split('/')
    .filter(Boolean)
    .map((_, index, ids) => `/${ids.slice(0, index + 1).join('/')}/`);

/** The paths of the units above the units the user reads reports of (their templates are "Mẫu của cấp trên"). */
const pathsAbove = (caller: Caller) =>
  (scopePaths(caller.principal, READ_ROLES) ?? []).flatMap((path) => pathsUpTo(path).slice(0, -1));

/** One template the caller may use: its unit in the caller's scope, or a unit above the caller's. */
export async function getTemplate(db: Database, caller: Caller, id: string) {
  const [row] = await db
    .select({ template: reportTemplates, unitName: units.name, unitPath: units.path })
    .from(reportTemplates)
    .innerJoin(units, eq(units.id, reportTemplates.ownerUnitId))
    .where(eq(reportTemplates.id, id));
  if (!row) throw new AppError('NOT_FOUND', TEMPLATE.notFound);
  const above = pathsAbove(caller).includes(row.unitPath);
  if (!above && !coversUnit(caller.principal, READ_ROLES, row.unitPath))
    throw new AppError('NOT_FOUND', TEMPLATE.notFound);
  return row;
}

/** Edits a template at the version the form loaded. */
export async function updateTemplate(
  db: Database,
  caller: Caller,
  id: string,
  body: Omit<CreateTemplateBody, 'ownerUnitId'> & { version: number },
) {
  const { template, unitPath } = await getTemplate(db, caller, id);
  if (!coversUnit(caller.principal, REQUEST_ROLES, unitPath)) throw new AppError('OUT_OF_SCOPE');
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(reportTemplates)
      .set({
        name: body.name,
        sections: body.sections,
        indicators: body.indicators,
        ...nextVersion(reportTemplates, caller.actor),
      })
      .where(atVersion(reportTemplates, id, body.version))
      .returning();
    if (!updated.length) throw await staleVersionError(tx, reportTemplates, id, TEMPLATE);
    const after = await versionedRow(tx, updated, reportTemplates, id, TEMPLATE);
    await recordAudit(tx, caller.actor, {
      action: 'report_template.update',
      entityType: 'report_template',
      entityId: id,
      before: { name: template.name, sections: template.sections, indicators: template.indicators },
      after: { name: after.name, sections: after.sections, indicators: after.indicators },
    });
    return after;
  });
}

/**
 * The templates of the units in the caller's scope and of the units above it, by name; `forUnitId`
 * keeps those a request of that unit may use (its own and those of the units above it).
 */
export async function searchTemplates(
  db: Database,
  caller: Caller,
  query: CursorQuery & { ownerUnitId?: string | undefined; forUnitId?: string | undefined },
) {
  const paths = scopePaths(caller.principal, READ_ROLES);
  const above = [...new Set(pathsAbove(caller))];
  const scope =
    paths === null
      ? undefined
      : paths.length
        ? or(
            ...paths.map((path) => sql`${units.path} like ${`${path}%`}`),
            above.length ? inArray(units.path, above) : undefined,
          )
        : sql`false`;
  let forUnit: SQL | undefined;
  if (query.forUnitId) {
    const unit = await findUnit(db, query.forUnitId);
    forUnit = unit ? inArray(units.path, pathsUpTo(unit.path)) : sql`false`;
  }
  const where = and(
    scope,
    forUnit,
    query.ownerUnitId ? inArray(reportTemplates.ownerUnitId, [query.ownerUnitId]) : undefined,
  );
  const key = [reportTemplates.name, reportTemplates.id] as const;
  const [page, total] = await Promise.all([
    readKeysetPage({
      query,
      columns: key,
      kinds: ['string', 'uuid'],
      read: ({ where: condition, descending, limit }) =>
        db
          .select({ template: reportTemplates, unitName: units.name, unitPath: units.path })
          .from(reportTemplates)
          .innerJoin(units, eq(units.id, reportTemplates.ownerUnitId))
          .where(and(where, condition))
          .orderBy(...key.map((column) => (descending ? desc(column) : asc(column))))
          .limit(limit),
      keyOf: (row) => [row.template.name, row.template.id],
    }),
    countCapped(
      db,
      db
        .select({ id: reportTemplates.id })
        .from(reportTemplates)
        .innerJoin(units, eq(units.id, reportTemplates.ownerUnitId))
        .where(where),
      query.exactTotal === 'true',
    ),
  ]);
  return { ...page, total };
}
