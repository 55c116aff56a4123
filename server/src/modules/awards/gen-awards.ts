import type { DatabaseHandle } from '#server/platform/db/client.ts';

/**
 * National-scale awards records for `tdkt gen`: for every person and each year of the window a rating
 * (about 28% HTXSNV, 58% HTTNV, 11% HTNV, 3% KHTNV, repeatable from a hash of the id and the year),
 * Lao động tiên tiến for those rated well (70% of them in the last year, still being decided),
 * an initiative for half of the HTXSNV years, and Chiến sĩ thi đua cơ sở for most of those before the
 * last year. One INSERT … SELECT per year and kind, each record carrying its person's unit (as the
 * trigger would set it, so a bulk load may run with the triggers off); the caller analyses the tables
 * afterwards.
 */
export async function generateAwardRecords(
  handle: Pick<DatabaseHandle, 'query'>,
  options: { fromYear: number; toYear: number; log?: (line: string) => void; unitPathPrefix?: string },
): Promise<void> {
  const only = options.unitPathPrefix
    ? `and p.unit_id in (select id from units where path like '${options.unitPathPrefix.replace(/[^0-9a-f/-]/g, '')}%')`
    : '';
  const draw = (salt: string) => `(abs(hashtext(p.id::text || '${salt}' || $1::text)) % 100)`;
  for (let year = options.fromYear; year <= options.toYear; year += 1) {
    await handle.query(
      `insert into award_person_ratings (person_id, person_unit_id, year, rating, source)
       select p.id, p.unit_id, $1::int,
         case when ${draw('r')} < 28 then 'HTXSNV' when ${draw('r')} < 86 then 'HTTNV'
              when ${draw('r')} < 97 then 'HTNV' else 'KHTNV' end,
         'generated'
       from persons p where true ${only}`,
      [year],
    );
    await handle.query(
      `insert into award_initiatives (person_id, person_unit_id, name, scope, year)
       select r.person_id, p.unit_id, 'Sáng kiến năm ' || $1::text, 'unit', $1::int
       from award_person_ratings r join persons p on p.id = r.person_id
       where r.year = $1::int and r.rating = 'HTXSNV' and ${draw('i')} < 50 ${only}`,
      [year],
    );
    await handle.query(
      `insert into award_received (person_id, person_unit_id, award_code, year, reward_type, decider)
       select r.person_id, p.unit_id, 'LDTT', $1::int, 'thuong_xuyen', 'Thủ trưởng đơn vị'
       from award_person_ratings r join persons p on p.id = r.person_id
       where r.year = $1::int and r.rating in ('HTXSNV', 'HTTNV') and ($1::int < $2::int or ${draw('l')} < 70) ${only}`,
      [year, options.toYear],
    );
    if (year < options.toYear) {
      await handle.query(
        `insert into award_received (person_id, person_unit_id, award_code, year, reward_type, decider)
         select i.person_id, p.unit_id, 'CSTDCS', $1::int, 'thuong_xuyen', 'Thủ trưởng đơn vị'
         from award_initiatives i join persons p on p.id = i.person_id
         where i.year = $1::int and ${draw('c')} < 60 ${only}`,
        [year],
      );
    }
    options.log?.(`  thi đua, khen thưởng năm ${year} / awards records of ${year}`);
  }
}
