import { sql } from 'drizzle-orm';
import { formatDecisionNumber } from '#contracts/decisions.ts';
import type { Executor } from '#server/platform/db/client.ts';

/** Unit kinds whose decisions are signed for the People's Committee ("…/QĐ-UBND"). */
const committeeKinds = new Set(['province', 'district', 'commune']);

const plain = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'D').toUpperCase();

/**
 * A symbol from a name: acronyms kept whole, other words by their first letter, without diacritics
 * ("Sở Nội vụ" → "SNV", "Đài PT-TH" → "DPTTH").
 */
function initials(text: string): string {
  return text
    .split(/[\s-]+/u)
    .filter(Boolean)
    .map((word) => {
      const letters = plain(word).replace(/[^A-Z0-9]/g, '');
      return word === word.toUpperCase() ? letters : letters.slice(0, 1);
    })
    .join('')
    .slice(0, 20);
}

/**
 * The symbol after "QĐ-" of a unit's decisions (NĐ 30/2020 Phụ lục III): "UBND" for a province,
 * district or commune People's Committee, else the unit's short name as written ("SNV"), else the
 * initials of its name.
 */
export function registerSymbol(unit: { kind: string; shortName: string | null; name: string }): string {
  if (committeeKinds.has(unit.kind)) return 'UBND';
  const short = unit.shortName?.trim();
  if (short && /^[A-Z0-9-]{1,20}$/.test(short)) return short;
  return initials(short || unit.name) || 'QD';
}

/** The number a decision gets from its sequence and its issuing unit. */
export function decisionNumber(
  sequence: number,
  unit: { kind: string; shortName: string | null; name: string },
): string {
  return formatDecisionNumber(sequence, registerSymbol(unit));
}

/**
 * Takes the next number of a unit's register for a year, in the caller's transaction: the counter
 * row is created at 1 or raised by one and locked until the transaction ends, so a concurrent issue
 * waits and takes the next number, and a rolled-back issue leaves no gap.
 */
export async function takeNextNumber(tx: Executor, unitId: string, year: number): Promise<number> {
  const result = (await tx.execute(sql`
    insert into decision_counters (unit_id, year, last_number) values (${unitId}, ${year}, 1)
    on conflict (unit_id, year) do update
      set last_number = decision_counters.last_number + 1, updated_at = now()
    returning last_number`)) as unknown as { rows: { last_number: number }[] };
  const [row] = result.rows;
  if (!row) throw new Error('decision counter not taken');
  return Number(row.last_number);
}
