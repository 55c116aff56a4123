import { sql } from 'drizzle-orm';
import type { Role } from '#contracts/auth.ts';
import type { ReportAction, ReportStatus } from '#contracts/reports.ts';
import { coversUnit, grantedUnitIds, isAdmin, type Principal } from '#server/platform/auth/policy.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { canMoveReport } from './reports/report-workflow.ts';

/** Who fills a unit's report: its own emulation officers and its head (granted on the unit itself). */
export const FILL_ROLES: readonly Role[] = ['tdkt_officer', 'unit_head'];
/** Who asks for reports and reviews them: the requesting unit's emulation officers (or above). */
export const REQUEST_ROLES: readonly Role[] = ['tdkt_officer'];
/** Who reads reports in their subtree. */
export const READ_ROLES: readonly Role[] = ['tdkt_officer', 'unit_head', 'council_member'];

/** The facts about a report the rules look at. */
export interface ReportFacts {
  status: ReportStatus;
  unitId: string;
  unitPath: string;
  requestUnitPath: string;
}

/** True when the user fills the report: an officer or the head of the unit itself. */
export const isFiller = (principal: Principal, report: Pick<ReportFacts, 'unitId'>) =>
  grantedUnitIds(principal, FILL_ROLES).includes(report.unitId);
/** True when the user is the unit's head (approves before it is sent). */
export const isHead = (principal: Principal, report: Pick<ReportFacts, 'unitId'>) =>
  grantedUnitIds(principal, ['unit_head']).includes(report.unitId);
/** True when the user reviews the report for the requesting unit (returns or accepts it). */
export const isRequester = (principal: Principal, report: Pick<ReportFacts, 'requestUnitPath'>) =>
  coversUnit(principal, REQUEST_ROLES, report.requestUnitPath);
/**
 * True when the user may send a request again whose sending job failed: an emulation officer of the
 * requesting unit itself (not of a unit above: the request is that unit's).
 */
export const mayResendRequest = (principal: Principal, request: { unitId: string }) =>
  grantedUnitIds(principal, REQUEST_ROLES).includes(request.unitId);
/** What the user may do with a request now: `resend` once its sending job has failed. */
export const requestActions = (
  principal: Principal,
  request: { unitId: string },
  sending: { status: string } | null,
): 'resend'[] => (sending?.status === 'failed' && mayResendRequest(principal, request) ? ['resend'] : []);
/** True when the user may read the report: its own unit, the requesting unit, or anyone above in scope. */
export const canReadReport = (principal: Principal, report: ReportFacts) =>
  isAdmin(principal) ||
  isFiller(principal, report) ||
  isRequester(principal, report) ||
  coversUnit(principal, READ_ROLES, report.unitPath);

/**
 * True when the user is the council member who supervises a bloc (of a year of the report's period)
 * that the report's unit belongs to: they read it (and may do nothing else with it).
 */
export async function supervisesReport(
  executor: Executor,
  principal: Principal,
  report: { unitId: string; periodFrom: string; periodTo: string },
): Promise<boolean> {
  const result = await executor.execute(sql`select exists (
      select 1 from bloc_members bm
      join blocs b on b.id = bm.bloc_id
      join council_members m on m.id = b.supervisor_member_id
      join persons p on p.id = m.person_id
      where bm.unit_id = ${report.unitId} and p.user_id = ${principal.id}
        and b.year between extract(year from ${report.periodFrom}::date)
          and extract(year from ${report.periodTo}::date)) as supervises`);
  return Boolean((result as unknown as { rows: { supervises: boolean }[] }).rows[0]?.supervises);
}

/** What the user may do with the report now. */
export function reportActions(principal: Principal, report: ReportFacts): ReportAction[] {
  const actions: ReportAction[] = [];
  if (isFiller(principal, report)) {
    if (canMoveReport(report.status, 'save')) actions.push('edit', 'consolidate');
    if (canMoveReport(report.status, 'submit')) actions.push('submit');
  }
  if (isHead(principal, report) && canMoveReport(report.status, 'approve')) actions.push('approve');
  if (isRequester(principal, report)) {
    if (canMoveReport(report.status, 'return')) actions.push('return');
    if (canMoveReport(report.status, 'accept')) actions.push('accept');
  }
  return actions;
}
