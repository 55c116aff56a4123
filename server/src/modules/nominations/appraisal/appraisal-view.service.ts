import type { NominationAppraisal } from '#contracts/nomination-appraisal.ts';
import type { Nomination } from '#contracts/nominees.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { dossierChecklist } from '../dossier/checklist.ts';
import type { Caller } from '../rounds/rounds.service.ts';
import { appraisalOpinions, nomineeRows, roundDates } from './appraisal.repo.ts';
import { canAppraise, getAppraisalNomination } from './appraisal-access.ts';
import { appraisalDate, nomineeVerdicts } from './appraisal-eligibility.ts';
import { appraisalWarnings } from './warning-facts.ts';

/** The dossier checklist of each nominee: what its award needs, each component present or missing. */
async function dossierChecklists(db: Executor, nomineeIds: readonly string[]) {
  const lists = await dossierChecklist(db, nomineeIds);
  return new Map([...lists].map(([id, list]) => [id, list.items]));
}

/**
 * The appraisal view of a received tờ trình for its receiving level: per nominee the engine's
 * verdict with its checks and articles, the warnings, the dossier checklist slot and the opinion.
 * `detail` is the tờ trình as `GET /api/nominations/:id` shows it (its nominees in order).
 */
export async function appraisalView(
  db: Database,
  caller: Caller,
  id: string,
  detailOf: () => Promise<Nomination>,
): Promise<NominationAppraisal> {
  const row = await getAppraisalNomination(db, caller, id);
  const round = await roundDates(db, row.nomination.roundId);
  const date = appraisalDate(round ?? { year: new Date().getFullYear(), deadline: null });
  const rows = await nomineeRows(db, id);
  const ids = rows.map((nominee) => nominee.id);
  const [detail, verdicts, warnings, opinions, dossiers, allowed] = await Promise.all([
    detailOf(),
    nomineeVerdicts(db, rows, date),
    appraisalWarnings(db, rows),
    appraisalOpinions(db, ids),
    dossierChecklists(db, ids),
    canAppraise(db, caller, row),
  ]);
  return {
    id,
    title: detail.title,
    roundTitle: detail.roundTitle,
    proposingUnit: detail.proposingUnit,
    receivingUnit: detail.receivingUnit,
    status: detail.status,
    version: detail.version,
    date,
    canAppraise: allowed,
    nominees: detail.nominees.map((nominee) => ({
      nominee,
      eligibility: verdicts.get(nominee.id)?.eligibility ?? null,
      eligibilityError: verdicts.get(nominee.id)?.error ?? null,
      warnings: warnings.get(nominee.id) ?? [],
      dossierChecklist: dossiers.get(nominee.id) ?? null,
      opinion: opinions.get(nominee.id) ?? null,
    })),
  };
}
