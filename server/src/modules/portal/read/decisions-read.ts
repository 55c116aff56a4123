import { sql } from 'drizzle-orm';
import { type AwardCode, awardName } from '#contracts/awards.ts';
import type { Executor } from '#server/platform/db/client.ts';
import { readKeysetPage } from '#server/platform/db/keyset.ts';
import { matchesText } from '#server/platform/db/search.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The one rule of what the public may read of decisions: issued (not revoked) and published. */
const PUBLISHED = sql`d.status = 'issued' and d.published_at is not null`;

/** A published decision as the portal shows it. */
export interface PublicDecision {
  id: string;
  number: string;
  decisionDate: string;
  title: string;
  unitName: string;
  decider: string;
  signerName: string;
  signerTitle: string;
  place: string | null;
  publishedAt: string;
}

const COLUMNS = sql`d.id, d.number, d.decision_date::text as "decisionDate", d.title, u.name as "unitName",
  d.decider, d.signer_name as "signerName", d.signer_title as "signerTitle", d.place,
  to_char(d.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "publishedAt"`;
const FROM = sql`from decisions d join units u on u.id = d.unit_id`;

/** Published decisions, newest publication first, one keyset page; words of the summary or number. */
export function listPublicDecisions(
  db: Executor,
  query: { after?: string | undefined; before?: string | undefined; q?: string | undefined; limit: number },
) {
  const words = query.q
    ? sql`and ${matchesText(sql`d.title || ' ' || coalesce(d.number, '')`, query.q)}`
    : sql``;
  return readKeysetPage<PublicDecision>({
    query,
    order: 'desc',
    columns: [sql`d.published_at`, sql`d.id`],
    kinds: ['string', 'uuid'],
    keyOf: (row) => [row.publishedAt, row.id],
    read: async ({ where, descending, limit }) => {
      const direction = sql.raw(descending ? 'desc' : 'asc');
      return rowsOf<PublicDecision>(
        await db.execute(sql`select ${COLUMNS} ${FROM} where ${PUBLISHED} ${words}
          ${where ? sql`and ${where}` : sql``}
          order by d.published_at ${direction}, d.id ${direction} limit ${limit}`),
      );
    },
  });
}

/** A published decision, or null (draft, unpublished, withdrawn, revoked or unknown). */
export async function findPublicDecision(db: Executor, id: string) {
  return (
    rowsOf<PublicDecision>(
      await db.execute(sql`select ${COLUMNS} ${FROM} where ${PUBLISHED} and d.id = ${id}`),
    )[0] ?? null
  );
}

/** One recipient as the public reads it: name, position, unit and award only. */
export interface PublicRecipient {
  position: number;
  name: string;
  jobTitle: string | null;
  unitName: string | null;
  award: string;
}

/**
 * One page of a published decision's list, in list order: the name (person, unit or household),
 * the person's position, the unit (a person's unit, a unit's parent, a household's commune) and the
 * award. Nothing else of the person is read.
 */
export async function listPublicRecipients(
  db: Executor,
  id: string,
  query: { after?: string | undefined; before?: string | undefined; limit: number },
) {
  const page = await readKeysetPage<PublicRecipient & { awardCode: string }>({
    query,
    columns: [sql`r.position`],
    kinds: ['number'],
    keyOf: (row) => [row.position],
    read: async ({ where, descending, limit }) => {
      const direction = sql.raw(descending ? 'desc' : 'asc');
      return rowsOf<PublicRecipient & { awardCode: string }>(
        await db.execute(sql`select r.position,
            coalesce(p.full_name, ru.name, r.household_name) as name, p.position as "jobTitle",
            coalesce(pu.name, parent.name, hu.name) as "unitName", r.award_code as "awardCode"
          from decision_recipients r join decisions d on d.id = r.decision_id
          left join persons p on p.id = r.person_id left join units pu on pu.id = p.unit_id
          left join units ru on ru.id = r.unit_id left join units parent on parent.id = ru.parent_id
          left join units hu on hu.id = r.household_unit_id
          where r.decision_id = ${id} and ${PUBLISHED} ${where ? sql`and ${where}` : sql``}
          order by r.position ${direction} limit ${limit}`),
      );
    },
  });
  return {
    ...page,
    rows: page.rows.map(({ awardCode, ...row }) => ({
      ...row,
      position: Number(row.position),
      award: awardName(awardCode as AwardCode),
    })),
  };
}

/** The names of the awards a published decision confers (its distinct award codes). */
export async function listPublicAwards(db: Executor, id: string) {
  const rows = rowsOf<{ code: string }>(
    await db.execute(sql`select distinct r.award_code as code from decision_recipients r
      join decisions d on d.id = r.decision_id where r.decision_id = ${id} and ${PUBLISHED} order by 1`),
  );
  return rows.map((row) => awardName(row.code as AwardCode));
}
