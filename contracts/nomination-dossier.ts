import { z } from 'zod';
import { CursorQuery, cursorPageOf, RecordVersion, Uuid } from './common.ts';

/**
 * Kinds of file in a tờ trình's dossier (hồ sơ), read from the catalogue's list for the award
 * (legal-rules §6): the tờ trình itself, the báo cáo thành tích, the biên bản bình xét with the vote,
 * the confirmation of an initiative or achievement, and anything else.
 */
export const DossierComponent = z.enum(['to_trinh', 'bao_cao_thanh_tich', 'bien_ban', 'xac_nhan', 'khac']);
export type DossierComponent = z.infer<typeof DossierComponent>;
export const dossierComponentLabels: Record<DossierComponent, string> = {
  to_trinh: 'Tờ trình',
  bao_cao_thanh_tich: 'Báo cáo thành tích',
  bien_ban: 'Biên bản bình xét, kết quả bỏ phiếu',
  xac_nhan: 'Giấy xác nhận (sáng kiến, thành tích)',
  khac: 'Tài liệu khác',
};

/**
 * Whether a component's file belongs to the whole tờ trình, to one nominee, or either: one tờ trình
 * and one set of minutes serve every nominee; each nominee has its own report and confirmations.
 */
export const dossierComponentScope: Record<DossierComponent, 'nomination' | 'nominee' | 'either'> = {
  to_trinh: 'nomination',
  bien_ban: 'either',
  bao_cao_thanh_tich: 'nominee',
  xac_nhan: 'nominee',
  khac: 'either',
};

/** Largest dossier file accepted (bytes). */
export const DOSSIER_FILE_MAX_BYTES = 20 * 1024 * 1024;
/** Files kept for one component of one nominee (or of the whole tờ trình). */
export const DOSSIER_FILES_PER_COMPONENT = 5;

/** Query of an upload: which component, and the nominee when the file is that nominee's. */
export const UploadDossierQuery = z.object({
  component: DossierComponent,
  nomineeId: Uuid.optional(),
});
export type UploadDossierQuery = z.infer<typeof UploadDossierQuery>;

export const DeleteDossierQuery = z.object({ version: z.coerce.number().pipe(RecordVersion) });

/** One file of a dossier. */
export const DossierFile = z.object({
  id: z.string(),
  nominationId: z.string(),
  nomineeId: z.string().nullable(),
  component: DossierComponent,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type DossierFile = z.infer<typeof DossierFile>;

export const DossierFilePage = cursorPageOf(DossierFile);
export const DossierFileQuery = CursorQuery;
export type DossierFileQuery = z.infer<typeof DossierFileQuery>;

/** One line of a checklist: a component the award needs and whether a file for it is present. */
export const ChecklistItem = z.object({
  code: DossierComponent,
  /** The catalogue's wording for the award ("Báo cáo thành tích của cá nhân (Mẫu số 05)"). */
  label: z.string(),
  present: z.boolean(),
  /** The files that satisfy it (the nominee's own, or the whole tờ trình's). */
  files: z.array(DossierFile),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** The dossier of a tờ trình: per nominee what its award needs, present or missing. */
export const DossierChecklist = z.object({
  nominationId: z.string(),
  /** The rule set whose lists were read, and the date it was chosen for. */
  ruleSet: z.object({ id: z.string(), name: z.string(), date: z.string() }).nullable(),
  /** Files of the whole tờ trình (tờ trình, biên bản for every nominee). */
  nominationFiles: z.array(DossierFile),
  nominees: z.array(
    z.object({
      nomineeId: z.string(),
      name: z.string(),
      awardName: z.string(),
      items: z.array(ChecklistItem),
      /** Files of the nominee not needed by the list (other documents). */
      otherFiles: z.array(DossierFile),
    }),
  ),
  /** How many required components are missing over all nominees. */
  missing: z.number().int(),
  /** Whether the caller may add and remove files now (proposing unit, draft or returned). */
  canEdit: z.boolean(),
});
export type DossierChecklist = z.infer<typeof DossierChecklist>;
