import { sql } from 'drizzle-orm';
import type { LaunchWarning, LaunchWarningCode, PlanContent } from '#contracts/movements.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import { placeOf } from '../plans/plan-localise.ts';

/**
 * Folds the spellings of a name together for comparing: Unicode form, tone mark placement
 * ("Hòa"/"Hoà"), spacing, letter case, and "UBND" written out.
 */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])/gu, '$1$3$2')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\bubnd\b/gu, 'ủy ban nhân dân')
    .replace(/\bhđnd\b/gu, 'hội đồng nhân dân')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** What the checks know about the movement being launched (or the plan being imported). */
export interface LaunchSubject {
  /** The movement itself, left out of the duplicate checks; null for an import not stored yet. */
  movementId: string | null;
  name: string;
  periodFrom: number;
  periodTo: number;
  plan: PlanContent;
  unit: { id: string; name: string; path: string };
}

/** The names of a unit and of every unit above it (the place a plan may name lies in one of them). */
async function namesAlongPath(db: Executor, path: string): Promise<string[]> {
  const ids = path.split('/').filter(Boolean);
  if (ids.length === 0) return [];
  const result = (await db.execute(
    sql`select name from units where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  )) as unknown as { rows: { name: string }[] };
  return result.rows.map((row) => row.name);
}

/** True when the issuer written in the plan is the launching unit (or names the same place and level). */
export function issuerMatches(issuer: string, unitName: string): boolean {
  const written = foldName(issuer);
  const unit = foldName(unitName);
  if (!written || unit.includes(written) || written.includes(unit)) return true;
  const writtenPlace = placeOf(written);
  const unitPlace = placeOf(unit);
  return (
    !!writtenPlace &&
    !!unitPlace &&
    writtenPlace.level === unitPlace.level &&
    unitPlace.place.startsWith(writtenPlace.place)
  );
}

/** True when the place of the date line lies in the launching unit's area (its name or a unit above). */
export function placeMatches(place: string, names: string[]): boolean {
  const written = foldName(place)
    .replace(/^(tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn|đặc khu)\s+/u, '')
    .trim();
  return !written || names.some((name) => foldName(name).includes(written));
}

/** "UBND huyện Lục Ngạn xây dựng Kế hoạch …": who the opening says makes the plan. */
const authorPattern =
  /(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn|đặc khu)\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*(?=\s+(?:xây dựng|ban hành)\s+[Kk]ế hoạch)/u;

/**
 * The issuer a plan names in its opening when its heading has none (a copy that lost its header):
 * the committee that "xây dựng Kế hoạch", else null.
 */
export function authorInPreamble(plan: PlanContent): string | null {
  const { legalBasis, preamble } = plan.document;
  for (const paragraph of [...legalBasis, ...preamble]) {
    const match = authorPattern.exec(paragraph.text);
    if (match) return match[0];
  }
  return null;
}

const currentYear = () => new Date().getFullYear();

const foldNumber = (number: string | null | undefined) =>
  number ? foldName(number).replace(/\s+/gu, '') : null;

/**
 * Another movement of the same unit with this plan number, or with this name and period (compared
 * folded in TypeScript: SQL lower() of Vietnamese letters depends on the database's locale).
 */
async function findDuplicates(db: Executor, subject: LaunchSubject) {
  const self = subject.movementId ?? '00000000-0000-0000-0000-000000000000';
  const result = (await db.execute(sql`
    select name, plan_number, period_from, period_to, status
    from movements
    where launching_unit_id = ${subject.unit.id}::uuid and id <> ${self}::uuid
      and (plan_number is not null or (period_from = ${subject.periodFrom} and period_to = ${subject.periodTo}))
    order by created_at desc
    limit 1000`)) as unknown as {
    rows: {
      name: string;
      plan_number: string | null;
      period_from: number;
      period_to: number;
      status: string;
    }[];
  };
  const number = foldNumber(subject.plan.document.number);
  const name = foldName(subject.name);
  return {
    sameNumber: number ? result.rows.find((row) => foldNumber(row.plan_number) === number) : undefined,
    sameName: result.rows.find(
      (row) =>
        Number(row.period_from) === subject.periodFrom &&
        Number(row.period_to) === subject.periodTo &&
        foldName(row.name) === name,
    ),
  };
}

const statusWords: Record<string, string> = {
  draft: 'dự thảo',
  launched: 'đã phát động',
  closed: 'đã tổng kết',
};

/**
 * What does not fit before a plan is launched (or imported as a new movement): the issuer or the
 * place written in the plan is not the launching unit's, the period is over, another movement of the
 * unit has the same number, or the same name and period. Each asks the user to confirm; none blocks.
 */
export async function launchWarnings(db: Executor, subject: LaunchSubject): Promise<LaunchWarning[]> {
  const { document } = subject.plan;
  const warnings: LaunchWarning[] = [];
  const issuer = document.issuer.name?.trim() || authorInPreamble(subject.plan);
  if (issuer && !issuerMatches(issuer, subject.unit.name)) {
    warnings.push({
      code: 'issuer_mismatch',
      message: `Cơ quan ban hành ghi trong văn bản là “${issuer}”, khác đơn vị phát động “${subject.unit.name}”.`,
    });
  }
  const place = document.place?.trim();
  if (place && !placeMatches(place, await namesAlongPath(db, subject.unit.path))) {
    warnings.push({
      code: 'place_mismatch',
      message: `Địa danh ở dòng ngày tháng của văn bản là “${place}”, không thuộc địa bàn của ${subject.unit.name}.`,
    });
  }
  if (subject.periodTo < currentYear()) {
    warnings.push({
      code: 'period_over',
      message: `Giai đoạn của phong trào (${subject.periodFrom}–${subject.periodTo}) đã kết thúc; đơn vị cấp dưới sẽ không đăng ký thi đua được.`,
    });
  }
  const { sameNumber, sameName } = await findDuplicates(db, subject);
  if (sameNumber) {
    warnings.push({
      code: 'same_number',
      message: `${subject.unit.name} đã có phong trào mang số kế hoạch ${sameNumber.plan_number}: “${sameNumber.name}” (${statusWords[sameNumber.status] ?? sameNumber.status}).`,
    });
  }
  if (sameName) {
    warnings.push({
      code: 'same_name',
      message: `${subject.unit.name} đã có phong trào cùng tên và cùng giai đoạn ${subject.periodFrom}–${subject.periodTo}: “${sameName.name}” (${statusWords[sameName.status] ?? sameName.status}).`,
    });
  }
  return warnings;
}

/** A launch or import that waits for the user to confirm the warnings: answered 409 LAUNCH_WARNINGS. */
export class LaunchWarningsError extends AppError {
  constructor(readonly warnings: LaunchWarning[]) {
    super(
      'CONFLICT',
      `Kế hoạch có ${warnings.length} điểm cần xem lại trước khi thực hiện: ${warnings
        .map((warning) => warning.message)
        .join(' ')} Nếu vẫn muốn tiếp tục, vui lòng xác nhận.`,
    );
  }
}

/** Throws LaunchWarningsError unless every current warning is among the confirmed ones. */
export function assertWarningsConfirmed(
  warnings: LaunchWarning[],
  confirmed: readonly LaunchWarningCode[] | 'all',
): void {
  const open = confirmed === 'all' ? [] : warnings.filter((warning) => !confirmed.includes(warning.code));
  if (open.length > 0) throw new LaunchWarningsError(warnings);
}

/** The 409 reply of a launch or import waiting for confirmation (contracts: LaunchWarningsReply). */
export const launchWarningsReply = (error: LaunchWarningsError, requestId: string) => ({
  code: 'LAUNCH_WARNINGS',
  message: error.message,
  requestId,
  warnings: error.warnings,
});
