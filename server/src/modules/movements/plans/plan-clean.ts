import { isCalendarDate } from '#contracts/common.ts';
import type { PlanContent } from '#contracts/movements.ts';
import { cleanDocumentText } from '#server/modules/documents/index.ts';

/** Every string inside a JSON value cleaned of control characters (line feeds and tabs kept). */
function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') return cleanDocumentText(value);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanStrings(item)]));
  }
  return value;
}

/** A date of the plan if it is a day of the calendar, else null (the text it came from stays). */
const calendarDay = (value: string | null | undefined) => (value && isCalendarDate(value) ? value : null);

/**
 * A stored plan as the contracts describe it. Plans saved before the contracts refused them may hold
 * control characters (a form feed from a .txt page break) or dates that are not days: they are
 * cleaned as they are read, so such a plan still opens instead of failing its reply.
 */
export function cleanStoredPlan(plan: PlanContent): PlanContent {
  const cleaned = cleanStrings(plan) as PlanContent;
  const document = cleaned.document;
  document.date = calendarDay(document.date);
  if (document.incoming) document.incoming.date = calendarDay(document.incoming.date);
  for (const basis of document.legalBasis) for (const ref of basis.refs) ref.date = calendarDay(ref.date);
  for (const milestone of [...document.milestones, ...cleaned.milestones]) {
    milestone.date = calendarDay(milestone.date);
  }
  return cleaned;
}
