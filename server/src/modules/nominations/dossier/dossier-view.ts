import type { AwardCode, RewardType } from '#contracts/awards.ts';
import type { DossierChecklist } from '#contracts/nomination-dossier.ts';
import type { Database } from '#server/platform/db/client.ts';
import { listNominees } from '../nominations/nominations.repo.ts';
import type { Caller } from '../rounds/rounds.service.ts';
import { checkNominee, dossierDate } from './checklist.ts';
import { filesOfNominations, presentDossierFile } from './dossier.repo.ts';
import { canEditDossier, getDossierNomination } from './dossier-access.ts';

/** The whole tờ trình's checklist as the dossier tab shows it (403/404 as the files). */
export async function dossierView(db: Database, caller: Caller, id: string): Promise<DossierChecklist> {
  const row = await getDossierNomination(db, caller, id);
  const [rows, fileRows, canEdit] = await Promise.all([
    listNominees(db, id),
    filesOfNominations(db, [id]),
    canEditDossier(db, caller, row),
  ]);
  const files = fileRows.map(presentDossierFile);
  const date = dossierDate(row.nomination.submittedAt);
  let ruleSet: DossierChecklist['ruleSet'] = null;
  let missing = 0;
  const list = rows.map(({ nominee, personName, unitName }) => {
    const check = checkNominee(
      {
        id: nominee.id,
        awardCode: nominee.awardCode as AwardCode,
        rewardType: nominee.rewardType as RewardType,
      },
      date,
      files,
    );
    ruleSet ??= check.ruleSet;
    missing += check.items.filter((item) => !item.present).length;
    return {
      nomineeId: nominee.id,
      name: personName ?? unitName ?? nominee.householdName ?? '',
      awardName: check.awardName,
      items: check.items,
      otherFiles: check.otherFiles,
    };
  });
  return {
    nominationId: id,
    ruleSet,
    nominationFiles: files.filter((file) => file.nomineeId === null),
    nominees: list,
    missing,
    canEdit,
  };
}
