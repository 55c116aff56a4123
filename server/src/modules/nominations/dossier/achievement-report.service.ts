import { and, eq } from 'drizzle-orm';
import { type AwardCode, awardName, type RewardType } from '#contracts/awards.ts';
import { personRecords, unitRecords } from '#server/modules/awards/index.ts';
import { renderDocx } from '#server/modules/documents/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { nominees, persons, units } from '#server/platform/db/schema.ts';
import { AppError } from '#server/platform/http/app-error.ts';
import type { Caller } from '../rounds/rounds.service.ts';
import { vietnamToday } from '../working-days/vietnam-date.ts';
import { composeAchievementReport, type ReportRecords, receivedTable } from './achievement-report.ts';
import { getDossierNomination } from './dossier-access.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** "Nguyễn Thị Hoa" → "nguyen-thi-hoa", for file names. */
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/**
 * A báo cáo thành tích draft (DOCX) for one nominee of a tờ trình the caller may read, from the
 * person's or unit's records (ratings, initiatives, titles and awards received, through the awards
 * module's readers) and the achievements written on the nominee.
 */
export async function achievementReportDocx(
  db: Database,
  caller: Caller,
  nominationId: string,
  nomineeId: string,
) {
  const row = await getDossierNomination(db, caller, nominationId);
  const [found] = await db
    .select({ nominee: nominees, person: persons, unitName: units.name })
    .from(nominees)
    .leftJoin(persons, eq(persons.id, nominees.personId))
    .leftJoin(units, eq(units.id, nominees.unitId))
    .where(and(eq(nominees.id, nomineeId), eq(nominees.nominationId, nominationId)));
  if (!found) throw new AppError('NOT_FOUND', 'Không tìm thấy đối tượng trong tờ trình này.');
  const { nominee, person } = found;
  let records: ReportRecords = {};
  let personUnitName = row.unitName;
  if (nominee.personId && person) {
    records = await personRecords(db, caller, nominee.personId);
    const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, person.unitId));
    personUnitName = unit?.name ?? row.unitName;
  } else if (nominee.unitId) {
    records = await unitRecords(db, caller, nominee.unitId);
  }
  const name = person?.fullName ?? found.unitName ?? nominee.householdName ?? '';
  const document = composeAchievementReport(
    {
      kind: nominee.subject as 'individual' | 'collective' | 'household',
      name,
      awardName: awardName(nominee.awardCode as AwardCode),
      rewardType: nominee.rewardType as RewardType,
      periodFrom: nominee.periodFrom,
      periodTo: nominee.periodTo,
      achievements: nominee.achievements,
      unitName: nominee.subject === 'collective' ? name : personUnitName,
      person: person
        ? { gender: person.gender, birthDate: person.birthDate, position: person.position }
        : undefined,
      today: vietnamToday(),
    },
    records,
  );
  const buffer = await renderDocx(document, {
    tables: records.received?.length ? [receivedTable(records)] : [],
  });
  return {
    buffer,
    contentType: DOCX_TYPE,
    fileName: `bao-cao-thanh-tich-${slug(name) || 'doi-tuong'}.docx`,
  };
}
