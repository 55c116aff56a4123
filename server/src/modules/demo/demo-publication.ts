import { and, eq, isNull, sql } from 'drizzle-orm';
import { setDecisionPublication } from '#server/modules/decisions/index.ts';
import { setMovementPublication } from '#server/modules/movements/index.ts';
import type { Database } from '#server/platform/db/client.ts';
import { decisions, movements, units } from '#server/platform/db/schema.ts';
import { demoCaller } from './demo-callers.ts';
import { DEMO_DECISION_TITLE } from './demo-round-decision.ts';

/**
 * What the demo shows on the public portal besides its published exemplars: the province's issued
 * decision for Sở Nội vụ's people and the 2019–2025 office-culture movement with its plan, published
 * by the province's officer through the services (audited). Skips what is already published.
 */
export async function seedDemoPublication(db: Database): Promise<void> {
  const officer = await demoCaller(db, 'demo.officer');
  if (!officer) return;
  const [decision] = await db
    .select({ id: decisions.id, version: decisions.version })
    .from(decisions)
    .where(
      and(
        eq(decisions.title, DEMO_DECISION_TITLE),
        eq(decisions.status, 'issued'),
        isNull(decisions.publishedAt),
      ),
    );
  if (decision) await setDecisionPublication(db, officer, decision.id, 'publish', decision.version);
  const [movement] = await db
    .select({ id: movements.id, version: movements.version })
    .from(movements)
    .innerJoin(units, eq(units.id, movements.launchingUnitId))
    .where(
      and(
        eq(units.code, 'LCI'),
        sql`${movements.parentMovementId} is null`,
        eq(movements.periodFrom, 2019),
        eq(movements.status, 'launched'),
        isNull(movements.publishedAt),
      ),
    );
  if (movement) await setMovementPublication(db, officer, movement.id, 'publish', movement.version);
}
