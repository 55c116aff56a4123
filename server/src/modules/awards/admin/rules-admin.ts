import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BaseSalaryBody,
  BaseSalaryList,
  Catalogue,
  CatalogueQuery,
  type CriteriaView,
  OverrideBody,
  RestoreQuery,
} from '#contracts/award-admin.ts';
import { awardCatalogue, awardFamilyLabels } from '#contracts/award-catalogue.ts';
import { RecordRef } from '#contracts/award-records.ts';
import type { VoteRule } from '#contracts/award-rules.ts';
import { AwardCode as AwardCodes, type AwardSubject, statisticsColumnLabels } from '#contracts/awards.ts';
import { ErrorResponse, OkResponse } from '#contracts/common.ts';
import { isUniqueViolation } from '#server/modules/organisation/sql-rows.ts';
import { callerOf, IdParams } from '#server/modules/organisation/units/units.routes.ts';
import { recordAudit } from '#server/platform/audit/audit.ts';
import type { Database } from '#server/platform/db/client.ts';
import { baseSalaries, ruleOverrides } from '#server/platform/db/schema.ts';
import { atVersion, nextVersion, versionedRow } from '#server/platform/db/versioning.ts';
import type { AppContext } from '#server/platform/http/app-context.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { effectiveRegistry, mergeBaseSalaries, shippedRules } from '../eligibility/effective-rules.ts';
import type { Caller } from '../records/subjects.ts';
import { viewAward } from '../rules/award-view.ts';
import { formatDate } from '../rules/cash.ts';
import { describeRule } from '../rules/describe.ts';
import { createRegistry } from '../rules/registry.ts';
import { RuleDataError } from '../rules/rule-data-error.ts';
import { summariseRuleSets } from '../rules/summary.ts';

const OVERRIDE = { subject: 'Quy tắc thay thế này', notFound: 'Không tìm thấy quy tắc thay thế.' };

const voteText = (vote: VoteRule) =>
  `${vote.body}: ${vote.strictlyAbove ? 'trên' : 'từ'} ${vote.thresholdPercent}% ${
    vote.denominator === 'all_members' ? 'tổng số thành viên' : 'thành viên có mặt'
  }${vote.secretBallot ? ', bỏ phiếu kín' : ''}${vote.absentWrittenVotes ? ', thành viên vắng mặt gửi phiếu bằng văn bản' : ''}${
    vote.quorum ? `; họp khi có từ ${vote.quorum.percent}% thành viên` : ''
  }`;

/** The catalogue: every award of a rule set (the one in force today by default), rule by rule. */
export async function catalogue(db: Database, ruleSetId: string | undefined): Promise<Catalogue> {
  const registry = await effectiveRegistry(db);
  const today = new Date().toISOString().slice(0, 10);
  const ruleSet =
    registry.ruleSets.find((item) => item.data.meta.id === ruleSetId) ??
    (ruleSetId
      ? undefined
      : (registry.ruleSets.find(
          ({ data }) =>
            data.meta.effectiveFrom <= today && (!data.meta.effectiveTo || today <= data.meta.effectiveTo),
        ) ?? registry.ruleSets[registry.ruleSets.length - 1]));
  if (!ruleSet) throw new AppError('NOT_FOUND', `Không có bộ quy tắc "${ruleSetId}".`);
  const overrides = await db
    .select()
    .from(ruleOverrides)
    .where(eq(ruleOverrides.ruleSet, ruleSet.data.meta.id));
  const name = ruleSet.context.name;
  const awards = AwardCodes.options
    .filter((code) => ruleSet.data.criteria[code])
    .map((code) => {
      const view = viewAward(ruleSet, code);
      const criteria = (
        Object.entries(view.criteria) as [AwardSubject, NonNullable<(typeof view.criteria)[AwardSubject]>][]
      ).map(([subject, effective]): CriteriaView & { subject: AwardSubject } => {
        const stored = overrides.find((row) => row.awardCode === code && row.subject === subject);
        return {
          subject,
          lines: effective.lines,
          notes: effective.notes,
          rule: effective.rule,
          shippedLines: effective.override ? describeRule(effective.shipped.rule, name) : null,
          shippedRule: effective.shipped.rule,
          override:
            effective.override && stored
              ? {
                  id: stored.id,
                  version: stored.version,
                  reason: stored.reason,
                  updatedAt: stored.updatedAt.toISOString(),
                }
              : null,
        };
      });
      const entry = awardCatalogue[code];
      return {
        code,
        name: view.name,
        family: entry.family,
        familyName: awardFamilyLabels[entry.family],
        subjects: view.subjects,
        rewardTypes: view.rewardTypes,
        statistics: view.statistics,
        statisticsName: view.statistics ? statisticsColumnLabels[view.statistics] : null,
        deciders: view.deciders,
        cash: (
          Object.entries(view.cash) as [AwardSubject, NonNullable<(typeof view.cash)[AwardSubject]>][]
        ).map(([subject, cash]) => ({ subject, ...cash })),
        dossier: view.procedure.dossier,
        vote: view.procedure.vote
          ? {
              text: voteText(view.procedure.vote),
              article: view.procedure.vote.article,
              confidence: view.procedure.vote.confidence,
            }
          : null,
        posting: {
          text: view.procedure.posting.required
            ? `Niêm yết công khai${view.procedure.posting.workingDays ? ` ${view.procedure.posting.workingDays} ngày làm việc` : ''} trước khi đề nghị`
            : 'Không bắt buộc niêm yết công khai',
          article: view.procedure.posting.article,
          confidence: view.procedure.posting.confidence,
        },
        criteria,
      };
    });
  return {
    ruleSets: summariseRuleSets(registry).map((summary) => ({
      id: summary.id,
      name: summary.name,
      effectiveFrom: summary.effectiveFrom,
      effectiveTo: summary.effectiveTo,
      conditions: summary.conditions,
      byConfidence: summary.byConfidence,
      overridden: summary.overridden,
    })),
    ruleSet: ruleSet.data.meta.id,
    awards,
  };
}

/** Refuses an override the engine could not use (unknown rule set, bad tree, wrong subject) with a 400. */
function checkOverride(
  stored: {
    awardCode: string;
    ruleSet: string;
    subject: string;
    rule: unknown;
    notes: unknown;
    reason: string;
  }[],
) {
  const rules = shippedRules();
  try {
    createRegistry({
      ruleSets: rules.ruleSets,
      baseSalaries: rules.baseSalaries,
      overrides: stored.map((row) => ({
        award: row.awardCode,
        ruleSet: row.ruleSet,
        subject: row.subject,
        rule: row.rule,
        ...(row.notes ? { notes: row.notes } : {}),
        reason: row.reason,
      })),
    });
  } catch (error) {
    if (error instanceof RuleDataError)
      throw new AppError('VALIDATION_FAILED', error.message, [{ path: 'rule', message: error.message }]);
    throw error;
  }
}

/** Puts an administrator's rule in place of the shipped one (or changes it at its version); audited with the reason. */
export async function saveOverride(db: Database, caller: Caller, body: OverrideBody) {
  const existing = await db
    .select()
    .from(ruleOverrides)
    .where(
      and(
        eq(ruleOverrides.ruleSet, body.ruleSet),
        eq(ruleOverrides.awardCode, body.award),
        eq(ruleOverrides.subject, body.subject),
      ),
    );
  const [current] = existing;
  const others = await db.select().from(ruleOverrides);
  const values = {
    ruleSet: body.ruleSet,
    awardCode: body.award,
    subject: body.subject,
    rule: body.rule,
    notes: body.notes ?? null,
    reason: body.reason,
  };
  checkOverride([...others.filter((row) => row.id !== current?.id), values]);
  if (current && body.version === undefined)
    throw new AppError('CONFLICT', 'Quy tắc này đã có bản thay thế; hãy mở bản đó để sửa.');
  try {
    return await db.transaction(async (tx) => {
      let row: typeof ruleOverrides.$inferSelect;
      if (current) {
        const rows = await tx
          .update(ruleOverrides)
          .set({ ...values, ...nextVersion(ruleOverrides, caller.actor) })
          .where(atVersion(ruleOverrides, current.id, body.version as number))
          .returning();
        row = await versionedRow(tx, rows, ruleOverrides, current.id, OVERRIDE);
      } else {
        const [inserted] = await tx
          .insert(ruleOverrides)
          .values({ ...values, updatedBy: caller.actor.userId })
          .returning();
        if (!inserted) throw new Error('insert returned no row');
        row = inserted;
      }
      await recordAudit(tx, caller.actor, {
        action: 'award_rule.override',
        entityType: 'award_rule_override',
        entityId: row.id,
        before: current ?? null,
        after: row,
        reason: body.reason,
      });
      return { id: row.id, version: row.version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'Quy tắc này vừa được người khác thay thế.');
    throw error;
  }
}

/** Removes an override: the shipped rule applies again (audited with the reason). */
export async function removeOverride(db: Database, caller: Caller, id: string, reason: string) {
  const [current] = await db.select().from(ruleOverrides).where(eq(ruleOverrides.id, id));
  if (!current) throw new AppError('NOT_FOUND', OVERRIDE.notFound);
  await db.transaction(async (tx) => {
    await tx.delete(ruleOverrides).where(eq(ruleOverrides.id, id));
    await recordAudit(tx, caller.actor, {
      action: 'award_rule.restore',
      entityType: 'award_rule_override',
      entityId: id,
      before: current,
      reason,
    });
  });
}

/** The base salary history: shipped entries and those administrators added. */
export async function listBaseSalaries(db: Database): Promise<BaseSalaryList> {
  const added = await db.select().from(baseSalaries).orderBy(asc(baseSalaries.fromDate));
  const addedDates = new Set(added.map((row) => row.fromDate));
  return {
    items: mergeBaseSalaries(shippedRules().baseSalaries, added).map((entry) => ({
      from: entry.from,
      amount: entry.amount,
      article: entry.article,
      confidence: entry.confidence,
      added: addedDates.has(entry.from),
    })),
  };
}

/** Adds the next base salary change (after every known one); audited. */
export async function addBaseSalary(db: Database, caller: Caller, body: BaseSalaryBody) {
  const { items } = await listBaseSalaries(db);
  const last = items[items.length - 1];
  if (last && body.from <= last.from) {
    const message = `Ngày áp dụng phải sau ngày ${formatDate(last.from)} của mức lương cơ sở gần nhất.`;
    throw new AppError('VALIDATION_FAILED', message, [{ path: 'from', message }]);
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(baseSalaries)
      .values({
        fromDate: body.from,
        amount: body.amount,
        article: body.article,
        updatedBy: caller.actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, caller.actor, {
      action: 'base_salary.create',
      entityType: 'award_base_salary',
      entityId: row.id,
      after: row,
    });
    return { id: row.id, version: row.version };
  });
}

/** Routes: the catalogue (everyone signed in), overrides and base salaries (administrators). */
export function registerRulesAdminRoutes(app: FastifyInstance, { db }: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['awards'];
  const admins = { access: ['admin'] as const };
  const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
  api.get(
    '/api/awards/catalogue',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: 'Danh mục danh hiệu, hình thức khen thưởng và quy tắc của một bộ quy tắc',
        querystring: CatalogueQuery,
        response: { 200: Catalogue, ...errors },
      },
    },
    (request) => catalogue(db, request.query.ruleSet),
  );
  api.put(
    '/api/award-rules/overrides',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Thay thế quy tắc của một danh hiệu (ghi lý do; quy tắc gốc vẫn được hiển thị)',
        body: OverrideBody,
        response: { 200: RecordRef, ...errors },
      },
    },
    (request) => saveOverride(db, callerOf(request), request.body),
  );
  api.delete(
    '/api/award-rules/overrides/:id',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Bỏ quy tắc thay thế, dùng lại quy tắc gốc',
        params: IdParams,
        querystring: RestoreQuery,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await removeOverride(db, callerOf(request), request.params.id, request.query.reason);
      return { ok: true as const };
    },
  );
  api.get(
    '/api/base-salaries',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Mức lương cơ sở theo thời gian', response: { 200: BaseSalaryList } },
    },
    () => listBaseSalaries(db),
  );
  api.post(
    '/api/base-salaries',
    {
      config: { ...admins, idempotent: true },
      schema: {
        tags,
        summary: 'Thêm mức lương cơ sở mới',
        body: BaseSalaryBody,
        response: { 201: RecordRef, ...errors },
      },
    },
    async (request, reply) => {
      const created = await addBaseSalary(db, callerOf(request), request.body);
      reply.status(201);
      return created;
    },
  );
}
