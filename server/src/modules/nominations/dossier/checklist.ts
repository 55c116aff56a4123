import { eq, inArray } from 'drizzle-orm';
import type { AwardCode, RewardType } from '#contracts/awards.ts';
import type { ChecklistItem, DossierFile } from '#contracts/nomination-dossier.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { nominations, nominees } from '#server/platform/db/schema.ts';
import { vietnamToday } from '../working-days/vietnam-date.ts';
import { componentsOn } from './components.ts';
import { filesOfNominations, presentDossierFile } from './dossier.repo.ts';

/** What one nominee's dossier holds against its award's list. */
export interface NomineeChecklist {
  items: ChecklistItem[];
  /** The nominee's files the list does not ask for. */
  otherFiles: DossierFile[];
  awardName: string;
  ruleSet: { id: string; name: string; date: string } | null;
}

/**
 * The date whose rule set decides a dossier: the day the tờ trình was sent (Vietnam time), or today
 * while it is still a draft.
 */
export const dossierDate = (submittedAt: Date | null, today = vietnamToday()) =>
  submittedAt ? vietnamToday(submittedAt) : today;

/** A nominee's checklist from its award and the files of its tờ trình (pure). */
export function checkNominee(
  nominee: { id: string; awardCode: AwardCode; rewardType: RewardType },
  date: string,
  files: readonly DossierFile[],
): NomineeChecklist {
  const { ruleSet, components, awardName } = componentsOn(date, nominee.awardCode, nominee.rewardType);
  const own = files.filter((file) => file.nomineeId === nominee.id);
  const shared = files.filter((file) => file.nomineeId === null);
  const items = components.map(({ code, label }) => {
    const satisfying = [...own, ...shared].filter((file) => file.component === code);
    return { code, label, present: satisfying.length > 0, files: satisfying };
  });
  const needed = new Set(components.map((component) => component.code));
  return {
    items,
    otherFiles: own.filter((file) => !needed.has(file.component)),
    awardName,
    ruleSet: ruleSet ? { ...ruleSet, date } : null,
  };
}

/**
 * For each nominee, the components its award needs under the rule set in force on its tờ trình's
 * date, each marked present or missing (a file of the nominee, or of the whole tờ trình). Two queries
 * whatever the number of nominees; unknown ids are left out of the map.
 */
export async function dossierChecklist(
  db: Executor,
  nomineeIds: readonly string[],
): Promise<Map<string, NomineeChecklist>> {
  const result = new Map<string, NomineeChecklist>();
  if (!nomineeIds.length) return result;
  const rows = await db
    .select({
      id: nominees.id,
      nominationId: nominees.nominationId,
      awardCode: nominees.awardCode,
      rewardType: nominees.rewardType,
      submittedAt: nominations.submittedAt,
    })
    .from(nominees)
    .innerJoin(nominations, eq(nominations.id, nominees.nominationId))
    .where(inArray(nominees.id, [...new Set(nomineeIds)]));
  const files = (await filesOfNominations(db, [...new Set(rows.map((row) => row.nominationId))])).map(
    presentDossierFile,
  );
  const today = vietnamToday();
  for (const row of rows) {
    const date = dossierDate(row.submittedAt, today);
    const ofNomination = files.filter((file) => file.nominationId === row.nominationId);
    result.set(
      row.id,
      checkNominee(
        { id: row.id, awardCode: row.awardCode as AwardCode, rewardType: row.rewardType as RewardType },
        date,
        ofNomination,
      ),
    );
  }
  return result;
}
