import { z } from 'zod';
import { Cursor } from './common.ts';

/** GET /api/nominations/:id/history: oldest first, one page after the cursor. */
export const NominationHistoryQuery = z.object({
  after: Cursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type NominationHistoryQuery = z.infer<typeof NominationHistoryQuery>;

/** One step of a tờ trình's history, read from the audit events of the tờ trình and its nominees. */
export const NominationHistoryEvent = z.object({
  id: z.string(),
  occurredAt: z.string(),
  action: z.string(),
  /** The action in Vietnamese (audit labels). */
  label: z.string(),
  actorUsername: z.string().nullable(),
  /** The nominee the step was about; null for a step of the whole tờ trình. */
  nomineeName: z.string().nullable(),
  /** The reason given (a return, a declined appraisal). */
  reason: z.string().nullable(),
});
export type NominationHistoryEvent = z.infer<typeof NominationHistoryEvent>;

export const NominationHistoryPage = z.object({
  items: z.array(NominationHistoryEvent),
  next: Cursor.nullable(),
});
export type NominationHistoryPage = z.infer<typeof NominationHistoryPage>;
