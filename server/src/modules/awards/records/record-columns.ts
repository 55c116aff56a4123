import { recordColumns } from '#contracts/award-record-columns.ts';
import type { RecordKind } from '#contracts/award-records.ts';

/** How many rows one query of an import or export reads or writes. */
export const BATCH = 1000;

export { recordColumns };

/** Which kinds are about people only (a unit code alone names the person's unit, not the subject). */
export const personOnly = (kind: RecordKind) => kind !== 'unit-ratings' && kind !== 'received';

/** The subject named by a row: a person (by CCCD, or by name, birth date and unit) or a unit. */
export interface SubjectKey {
  idNumber: string | null;
  fullName: string | null;
  birthDate: string | null;
  unitCode: string;
}

export interface ParsedRow {
  row: number;
  who: SubjectKey;
  values: Record<string, unknown>;
}
