import type { AuditEvent } from '../../../../contracts/audit.ts';
import {
  auditFieldLabel,
  auditHiddenFields,
  auditReferenceFields,
  auditValueLabel,
} from '../../../../contracts/audit-fields.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';

/** One line of the before/after table: a field by its Vietnamese name and its two values as text. */
export interface AuditDetailRow {
  key: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

/** The two sides of an event as rows, and how many unchanged fields were left out. */
export interface AuditDetails {
  rows: AuditDetailRow[];
  unchanged: number;
}

const EMPTY = '—';
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX_TEXT = 400;

type Names = Record<string, string>;

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

function formatText(entityType: string, field: string, text: string, names: Names): string {
  if (auditReferenceFields[field]) return names[text.toLowerCase()] ?? `(mã ${shortId(text)})`;
  if (isoDate.test(text)) return formatDate(text);
  if (isoDateTime.test(text)) return formatDateTime(text);
  const label = auditValueLabel(entityType, field, text);
  if (label) return label;
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/** A value of a field as a person reads it: names for ids, dd/mm/yyyy dates, Có/Không, Vietnamese codes. */
export function formatAuditValue(entityType: string, field: string, value: unknown, names: Names): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return auditValueLabel(entityType, field, value) ?? String(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return formatText(entityType, field, value, names);
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY;
    return value
      .map((item) => formatAuditValue(entityType, field, item, names))
      .join(field in auditReferenceFields ? ', ' : '\n');
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    // Restore figures: rows per table, shown as their sum.
    if (field === 'rows' && entries.every(([, count]) => typeof count === 'number')) {
      return String(entries.reduce((sum, [, count]) => sum + (count as number), 0));
    }
    return entries
      .filter(([key]) => !auditHiddenFields.has(key))
      .map(([key, inner]) => `${auditFieldLabel(key)}: ${formatAuditValue(entityType, key, inner, names)}`)
      .join('; ');
  }
  return String(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** Flattens nested objects (a plan edit's `detail`) into paths; arrays and plain values are leaves. */
function flatten(
  value: unknown,
  prefix: string[] = [],
  out = new Map<string, { path: string[]; value: unknown }>(),
) {
  if (!isRecord(value)) {
    if (prefix.length > 0) out.set(prefix.join('.'), { path: prefix, value });
    else if (value !== null && value !== undefined) out.set('', { path: ['value'], value });
    return out;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (auditHiddenFields.has(key)) continue;
    if (isRecord(inner) && prefix.length < 2 && key !== 'rows') flatten(inner, [...prefix, key], out);
    else out.set([...prefix, key].join('.'), { path: [...prefix, key], value: inner });
  }
  return out;
}

/**
 * The before/after table of an event. When both sides exist, only the fields that changed are
 * listed (the rest are counted); a creation or a removal lists every field of its one side.
 */
export function auditDetails(
  event: Pick<AuditEvent, 'entityType' | 'before' | 'after' | 'names'>,
): AuditDetails {
  const before = flatten(event.before);
  const after = flatten(event.after);
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const both = event.before !== null && event.after !== null;
  const rows: AuditDetailRow[] = [];
  let unchanged = 0;
  for (const key of keys) {
    const path = (before.get(key) ?? after.get(key))?.path ?? [key];
    const field = path[path.length - 1] ?? key;
    const from = formatAuditValue(event.entityType, field, before.get(key)?.value, event.names);
    const to = formatAuditValue(event.entityType, field, after.get(key)?.value, event.names);
    const changed = from !== to;
    if (both && !changed) {
      unchanged += 1;
      continue;
    }
    rows.push({ key, label: path.map(auditFieldLabel).join(' › '), before: from, after: to, changed });
  }
  return { rows, unchanged };
}
