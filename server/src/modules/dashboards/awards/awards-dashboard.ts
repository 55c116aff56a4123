import { sql } from 'drizzle-orm';
import {
  type AwardCode,
  awardCatalogue,
  awardName,
  type RewardType,
  rewardTypeLabels,
} from '#contracts/awards.ts';
import { type AwardsDashboard, type DecidingLevel, decidingLevelLabels } from '#contracts/dashboards.ts';
import type { Database, Executor } from '#server/platform/db/client.ts';
import { type Caller, getDashboardUnit } from '../dashboards.policy.ts';

/** One group of the year's awards: same code, reward type, subject and decision. */
interface AwardGroup {
  award_code: string;
  reward_type: string;
  subject: 'individual' | 'collective' | 'household';
  issuing_kind: string | null;
  n: number;
}

/**
 * The year's awards of the subtree grouped by code, reward type, subject and decision (number, date,
 * decider), each decision matched to the issued decision that wrote it for its issuing unit's kind:
 * the three subjects through their own indexes, the decisions looked up once per group.
 */
async function readAwardGroups(executor: Executor, path: string, year: number): Promise<AwardGroup[]> {
  const result = (await executor.execute(sql`
    with sub as materialized (select id from units where path like ${`${path}%`}),
    awards as (
      select award_code, reward_type, 'individual' as subject, decision_number, decision_date, decider
        from award_received where person_unit_id in (select id from sub) and year = ${year}
      union all
      select award_code, reward_type, 'collective', decision_number, decision_date, decider
        from award_received where unit_id in (select id from sub) and year = ${year}
      union all
      select award_code, reward_type, 'household', decision_number, decision_date, decider
        from award_received where household_unit_id in (select id from sub) and year = ${year}
    ), groups as (
      select award_code, reward_type, subject, decision_number, decision_date, decider, count(*)::int as n
      from awards group by 1, 2, 3, 4, 5, 6
    )
    select g.award_code, g.reward_type, g.subject, d.kind as issuing_kind, sum(g.n)::int as n
    from groups g
    left join lateral (
      select u.kind from decisions d join units u on u.id = d.unit_id
      where g.decision_number is not null and d.status = 'issued' and d.number = g.decision_number
        and d.decision_date = g.decision_date and d.decider = g.decider
      limit 1
    ) d on true
    group by 1, 2, 3, 4`)) as unknown as { rows: AwardGroup[] };
  return result.rows.map((row) => ({ ...row, n: Number(row.n) }));
}

const STATE_CODES = new Set(['BK_TTG', 'CSTDTQ', 'CO_CP']);
const PROVINCE_CODES = new Set(['BK_BO_TINH', 'CSTD_BO_TINH', 'CO_BO_TINH']);
const kindLevels: Record<string, DecidingLevel> = {
  central: 'central',
  province: 'province',
  department: 'department',
  mass_organisation: 'department',
  district: 'district',
  commune: 'commune',
};

/**
 * The level an award was decided at: the issuing unit's kind when a decision of the system wrote it,
 * else what the Law gives the form (state honours, orders, medals, prizes, the Prime Minister's forms
 * at the state; the ministry/province forms at the province; the rest at the grassroots unit).
 */
export function decidingLevel(code: string, issuingKind: string | null): DecidingLevel {
  if (issuingKind) return kindLevels[issuingKind] ?? 'grassroots';
  const family = awardCatalogue[code as AwardCode]?.family;
  if (STATE_CODES.has(code) || ['order', 'medal', 'state_honour', 'prize'].includes(family ?? ''))
    return 'state';
  if (PROVINCE_CODES.has(code)) return 'province';
  return 'grassroots';
}

const add = <K extends string>(map: Map<K, number>, key: K, n: number) =>
  map.set(key, (map.get(key) ?? 0) + n);

/** The year's awards in the unit's subtree by form (and subject), by deciding level and by reward type. */
export async function getAwardsDashboard(
  db: Database,
  caller: Caller,
  unitId: string,
  year: number,
): Promise<AwardsDashboard> {
  const unit = await getDashboardUnit(db, caller, unitId);
  const groups = await readAwardGroups(db, unit.path, year);
  const byCode = new Map<string, AwardsDashboard['byCode'][number]>();
  const byLevel = new Map<DecidingLevel, number>();
  const byType = new Map<RewardType, number>();
  for (const group of groups) {
    const code = group.award_code as AwardCode;
    const entry = byCode.get(code) ?? {
      code,
      name: awardCatalogue[code] ? awardName(code) : code,
      individual: 0,
      collective: 0,
      household: 0,
      total: 0,
    };
    entry[group.subject] += group.n;
    entry.total += group.n;
    byCode.set(code, entry);
    add(byLevel, decidingLevel(code, group.issuing_kind), group.n);
    add(byType, group.reward_type as RewardType, group.n);
  }
  const levels = Object.keys(decidingLevelLabels) as DecidingLevel[];
  const types = Object.keys(rewardTypeLabels) as RewardType[];
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    total: groups.reduce((sum, group) => sum + group.n, 0),
    byCode: [...byCode.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'vi')),
    byLevel: levels
      .filter((level) => byLevel.has(level))
      .map((level) => ({ level, label: decidingLevelLabels[level], count: byLevel.get(level) ?? 0 })),
    byRewardType: types
      .filter((type) => byType.has(type))
      .map((rewardType) => ({
        rewardType,
        label: rewardTypeLabels[rewardType],
        count: byType.get(rewardType) ?? 0,
      })),
  };
}
