import { and, asc, eq, isNull } from 'drizzle-orm';
import type { NomineeInput } from '#contracts/nominees.ts';
import {
  type Caller,
  createNomination,
  createRound,
  moveNomination,
  updateNomination,
} from '#server/modules/nominations/index.ts';
import { loadConfig } from '#server/platform/config.ts';
import type { Database } from '#server/platform/db/client.ts';
import { awardRounds, movements, persons, units } from '#server/platform/db/schema.ts';
import { createFileStore } from '#server/platform/files/file-store.ts';
import { featuredDemoPeople } from './demo-awards.ts';

import { demoCaller, demoUnitOfficer } from './demo-callers.ts';
import { plus } from './demo-current-movement.ts';
import { fileDemoDossier, fileDemoMinutes } from './demo-dossiers.ts';
import { seedRoundRecords } from './demo-round-records.ts';

export const DEMO_ROUND_TITLE =
  'Tổng kết phong trào thi đua thực hiện văn hóa công sở giai đoạn 2019–2025 tỉnh Lai Châu';

const RETURN_REASON =
  'Thiếu biên bản bình xét của Hội đồng Thi đua – Khen thưởng xã; đề nghị bổ sung và gửi lại.';

const individual = (
  personId: string,
  awardCode: NomineeInput['awardCode'],
  achievements: string,
): NomineeInput => ({
  subject: 'individual',
  personId,
  awardCode,
  rewardType: 'thuong_xuyen',
  periodFrom: 2019,
  periodTo: 2025,
  achievements,
});

async function unitId(db: Database, code: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
  return row?.id ?? null;
}

async function firstPeople(db: Database, unit: string, count: number) {
  return db
    .select({ id: persons.id })
    .from(persons)
    .where(eq(persons.unitId, unit))
    .orderBy(asc(persons.sortKey), asc(persons.id))
    .limit(count);
}

/** The demo round and the tờ trình in it, for the later steps (appraisal, council, notice, decision). */
export interface DemoRound {
  roundId: string;
  province: Caller;
  commune: Caller;
  /** Tam Đường's tờ trình for Bằng khen / CSTĐ of the province: returned once, resubmitted, received. */
  communeProvincial: string;
  /** Tam Đường's tờ trình for Huân chương Lao động hạng Ba (decided by the President): received. */
  communeState: string;
  /** Sở Nội vụ's tờ trình for Bằng khen tỉnh (two of its staff): sent, or null without its people. */
  department: string | null;
  provinceId: string;
  communeId: string;
  /** The commune's third featured person, Chiến sĩ thi đua tỉnh 2022 and 2025: qualifies for CSTĐ toàn quốc. */
  featuredPerson: string;
  /** The person proposed for CSTĐ tỉnh whose chain of CSTĐ cơ sở is broken (2024): not eligible. */
  ineligiblePerson: string;
}

/**
 * The 2025 tổng kết round of the office-culture movement at the province (issue 12 item 10): Tam
 * Đường's tờ trình returned for a missing minutes and resubmitted, then received; its Huân chương
 * proposal received; Sở Nội vụ's sent and waiting; Sở Y tế's still a draft. Everything goes through
 * the services as the demo officers (dated from `today`), so audit events and notifications are the real ones. Skips when
 * the round exists; returns null when the demo accounts or people are missing.
 */
export async function seedDemoRound(db: Database, today: string): Promise<DemoRound | null> {
  const [existing] = await db
    .select({ id: awardRounds.id })
    .from(awardRounds)
    .where(eq(awardRounds.title, DEMO_ROUND_TITLE));
  if (existing) return null;
  const province = await demoCaller(db, 'demo.officer');
  const commune = await demoCaller(db, 'demo.officer.tamduong');
  const provinceId = await unitId(db, 'LCI');
  const communeId = await unitId(db, 'LCI.X.TDG');
  const departmentId = await unitId(db, 'LCI.SNV');
  const healthId = await unitId(db, 'LCI.SYT');
  const featured = await featuredDemoPeople(db);
  if (!province || !commune || !provinceId || !communeId || !departmentId || featured.length < 5) return null;
  const [movement] = await db
    .select({ id: movements.id })
    .from(movements)
    .where(and(eq(movements.launchingUnitId, provinceId), isNull(movements.parentMovementId)))
    .orderBy(asc(movements.createdAt))
    .limit(1);
  const round = await createRound(db, province, {
    kind: 'tong_ket',
    title: DEMO_ROUND_TITLE,
    year: 2025,
    receivingUnitId: provinceId,
    movementId: movement?.id ?? null,
    // The movement ended with 2025; its tổng kết runs now, with the units' deadline ten days ahead.
    deadline: plus(today, 10),
    note: 'Các đơn vị gửi tờ trình kèm báo cáo thành tích và biên bản bình xét.',
  });
  const [cstd, bk, national, hcld, broken] = featured as [string, string, string, string, string];
  const staff = await firstPeople(db, departmentId, 2);
  await seedRoundRecords(
    db,
    national,
    staff.map((person) => person.id),
  );
  const draft = await createNomination(db, commune, {
    roundId: round.id,
    proposingUnitId: communeId,
    title: 'Tờ trình đề nghị tặng danh hiệu Chiến sĩ thi đua cấp tỉnh và Bằng khen của Chủ tịch UBND tỉnh',
    nominees: [
      individual(cstd, 'CSTD_BO_TINH', 'Ba năm liền Chiến sĩ thi đua cơ sở; sáng kiến được tỉnh công nhận.'),
      individual(bk, 'BK_BO_TINH', 'Hai năm liền Chiến sĩ thi đua cơ sở; đi đầu thực hiện văn hóa công sở.'),
      individual(broken, 'CSTD_BO_TINH', 'Chiến sĩ thi đua cơ sở năm 2023 và 2025.'),
    ],
  });
  // Sent first without the minutes of the commune's council: returned for them.
  await fileDemoDossier(db, commune, draft.id, today, { minutes: false });
  const sent = await moveNomination(db, commune, draft.id, 'submit', { version: draft.version });
  const returned = await moveNomination(db, province, draft.id, 'return', {
    version: sent.version,
    reason: RETURN_REASON,
  });
  await fileDemoMinutes(db, commune, draft.id, today);
  // The embedded demo database keeps file bytes in rows: the database file store.
  const fixed = await updateNomination(db, createFileStore(loadConfig({})), commune, draft.id, {
    title: `${draft.title} (đã bổ sung biên bản bình xét)`,
    version: returned.version,
  });
  const resent = await moveNomination(db, commune, draft.id, 'submit', { version: fixed.version });
  await moveNomination(db, province, draft.id, 'receive', { version: resent.version });

  const state = await createNomination(db, commune, {
    roundId: round.id,
    proposingUnitId: communeId,
    title: 'Tờ trình đề nghị Chủ tịch nước tặng Huân chương Lao động hạng Ba',
    nominees: [
      individual(
        hcld,
        'HCLD_HANG_BA',
        'Bằng khen Thủ tướng năm 2020; ba lần Chiến sĩ thi đua cơ sở 2022–2025.',
      ),
    ],
  });
  await fileDemoDossier(db, commune, state.id, today);
  const stateSent = await moveNomination(db, commune, state.id, 'submit', { version: state.version });
  await moveNomination(db, province, state.id, 'receive', { version: stateSent.version });

  let department: string | null = null;
  const departmentOfficer = await demoUnitOfficer(db, 'LCI.SNV');
  if (departmentOfficer && staff.length === 2) {
    const created = await createNomination(db, departmentOfficer, {
      roundId: round.id,
      proposingUnitId: departmentId,
      title: 'Tờ trình đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho cá nhân Sở Nội vụ',
      nominees: staff.map((person) =>
        individual(
          person.id,
          'BK_BO_TINH',
          'Hoàn thành xuất sắc nhiệm vụ; gương mẫu thực hiện văn hóa công sở.',
        ),
      ),
    });
    await fileDemoDossier(db, departmentOfficer, created.id, today);
    await moveNomination(db, departmentOfficer, created.id, 'submit', { version: created.version });
    department = created.id;
  }
  const doctors = healthId ? await firstPeople(db, healthId, 1) : [];
  const healthOfficer = await demoUnitOfficer(db, 'LCI.SYT');
  if (healthId && healthOfficer && doctors[0]) {
    const health = await createNomination(db, healthOfficer, {
      roundId: round.id,
      proposingUnitId: healthId,
      title: 'Tờ trình đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho cá nhân Sở Y tế',
      nominees: [individual(doctors[0].id, 'BK_BO_TINH', 'Đang tổng hợp thành tích.')],
    });
    // Still being put together: the tờ trình and minutes are in, the báo cáo thành tích is not.
    await fileDemoDossier(db, healthOfficer, health.id, today, { reports: false });
  }
  return {
    roundId: round.id,
    province,
    commune,
    communeProvincial: draft.id,
    communeState: state.id,
    department,
    provinceId,
    communeId,
    featuredPerson: national,
    ineligiblePerson: broken,
  };
}
