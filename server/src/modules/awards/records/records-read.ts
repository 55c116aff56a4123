import { desc, eq } from 'drizzle-orm';
import { awardName } from '#contracts/award-catalogue.ts';
import type {
  DisciplineView,
  InitiativeView,
  PersonAwardRecords,
  PositionClass,
  RatingView,
  ReceivedView,
  UnitAwardRecords,
} from '#contracts/award-records.ts';
import type { AwardCode } from '#contracts/awards.ts';
import type { Database } from '#server/platform/db/client.ts';
import {
  awardsReceived,
  initiatives,
  personDisciplines,
  personPositionClasses,
  personRatings,
  unitRatings,
} from '#server/platform/db/schema.ts';
import { assertReadable, type Caller, canWrite, personSubject, unitSubject } from './subjects.ts';

const ratingView = (
  row: typeof personRatings.$inferSelect | typeof unitRatings.$inferSelect,
): RatingView => ({
  id: row.id,
  version: row.version,
  year: row.year,
  rating: row.rating as RatingView['rating'],
  score: row.score,
  source: row.source as RatingView['source'],
});

const receivedView = (row: typeof awardsReceived.$inferSelect): ReceivedView => ({
  id: row.id,
  version: row.version,
  awardCode: row.awardCode as AwardCode,
  awardName: awardName(row.awardCode as AwardCode),
  year: row.year,
  rewardType: row.rewardType as ReceivedView['rewardType'],
  decisionNumber: row.decisionNumber,
  decisionDate: row.decisionDate,
  decider: row.decider,
});

const disciplineView = (row: typeof personDisciplines.$inferSelect): DisciplineView => ({
  id: row.id,
  version: row.version,
  level: row.level as DisciplineView['level'],
  fromDate: row.fromDate,
  toDate: row.toDate,
  pending: row.pending,
  decisionNumber: row.decisionNumber,
  note: row.note,
});

const initiativeView = (row: typeof initiatives.$inferSelect): InitiativeView => ({
  id: row.id,
  version: row.version,
  name: row.name,
  scope: row.scope as InitiativeView['scope'],
  year: row.year,
  decisionNumber: row.decisionNumber,
  decisionDate: row.decisionDate,
  usedForAward: row.usedForAward as AwardCode | null,
  usedForYear: row.usedForYear,
});

/** Bound of the rows of one kind read for one person or unit (decades of yearly records). */
const PER_SUBJECT_MAX = 500;

/** Everything recorded for a person the caller may see, newest first. */
export async function personRecords(
  db: Database,
  caller: Caller,
  personId: string,
): Promise<PersonAwardRecords> {
  const subject = await personSubject(db, personId, 'id');
  await assertReadable(db, caller, subject);
  const [ratings, disciplines, received, found, classes, editable] = await Promise.all([
    db
      .select()
      .from(personRatings)
      .where(eq(personRatings.personId, personId))
      .orderBy(desc(personRatings.year))
      .limit(PER_SUBJECT_MAX),
    db
      .select()
      .from(personDisciplines)
      .where(eq(personDisciplines.personId, personId))
      .orderBy(desc(personDisciplines.fromDate))
      .limit(PER_SUBJECT_MAX),
    db
      .select()
      .from(awardsReceived)
      .where(eq(awardsReceived.personId, personId))
      .orderBy(desc(awardsReceived.year), awardsReceived.awardCode)
      .limit(PER_SUBJECT_MAX),
    db
      .select()
      .from(initiatives)
      .where(eq(initiatives.personId, personId))
      .orderBy(desc(initiatives.year), initiatives.name)
      .limit(PER_SUBJECT_MAX),
    db.select().from(personPositionClasses).where(eq(personPositionClasses.personId, personId)),
    canWrite(db, caller, subject),
  ]);
  const [positionClass] = classes;
  return {
    personId,
    canEdit: editable,
    ratings: ratings.map(ratingView),
    disciplines: disciplines.map(disciplineView),
    received: received.map(receivedView),
    initiatives: found.map(initiativeView),
    positionClass: positionClass
      ? {
          value: positionClass.positionClass as PositionClass,
          version: positionClass.version,
        }
      : null,
  };
}

/** Everything recorded for a unit the caller may see, newest first. */
export async function unitRecords(db: Database, caller: Caller, unitId: string): Promise<UnitAwardRecords> {
  const subject = await unitSubject(db, unitId, 'id');
  await assertReadable(db, caller, subject);
  const [ratings, received, editable] = await Promise.all([
    db
      .select()
      .from(unitRatings)
      .where(eq(unitRatings.unitId, unitId))
      .orderBy(desc(unitRatings.year))
      .limit(PER_SUBJECT_MAX),
    db
      .select()
      .from(awardsReceived)
      .where(eq(awardsReceived.unitId, unitId))
      .orderBy(desc(awardsReceived.year), awardsReceived.awardCode)
      .limit(PER_SUBJECT_MAX),
    canWrite(db, caller, subject),
  ]);
  return {
    unitId,
    canEdit: editable,
    ratings: ratings.map(ratingView),
    received: received.map(receivedView),
  };
}
