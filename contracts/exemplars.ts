import { z } from 'zod';
import {
  CursorQuery,
  cursorPageOf,
  IsoDate,
  MultilineText,
  RecordVersion,
  StoredDate,
  Text,
  Uuid,
} from './common.ts';

/** Exemplary models (điển hình tiên tiến): discovered, nurtured, summed up and replicated (seed 002, II.2.c). */

/** What kind of example it is. */
export const ExemplarKind = z.enum(['advanced', 'good_deed', 'good_model', 'new_practice']);
export type ExemplarKind = z.infer<typeof ExemplarKind>;
export const exemplarKindLabels: Record<ExemplarKind, string> = {
  advanced: 'Điển hình tiên tiến',
  good_deed: 'Gương người tốt, việc tốt',
  good_model: 'Mô hình hay',
  new_practice: 'Cách làm mới',
};

/** Who or what the example is: a person, a collective (a unit), or a model (a way of working). */
export const ExemplarSubject = z.enum(['person', 'collective', 'model']);
export type ExemplarSubject = z.infer<typeof ExemplarSubject>;
export const exemplarSubjectLabels: Record<ExemplarSubject, string> = {
  person: 'Cá nhân',
  collective: 'Tập thể',
  model: 'Mô hình',
};

/** The four stages, in order: phát hiện → bồi dưỡng → tổng kết → nhân rộng. */
export const ExemplarStage = z.enum(['discover', 'nurture', 'sum_up', 'replicate']);
export type ExemplarStage = z.infer<typeof ExemplarStage>;
export const EXEMPLAR_STAGES = ExemplarStage.options;
export const exemplarStageLabels: Record<ExemplarStage, string> = {
  discover: 'Phát hiện',
  nurture: 'Bồi dưỡng',
  sum_up: 'Tổng kết',
  replicate: 'Nhân rộng',
};

/** A unit proposes; the level above confirms it or returns it with a reason; a returned one is proposed again. */
export const ExemplarStatus = z.enum(['proposed', 'confirmed', 'returned']);
export type ExemplarStatus = z.infer<typeof ExemplarStatus>;
export const exemplarStatusLabels: Record<ExemplarStatus, string> = {
  proposed: 'Chờ xác nhận',
  confirmed: 'Đã xác nhận',
  returned: 'Bị trả lại',
};

/** A file of an exemplar: a photo (JPEG, PNG) or a document (PDF, DOCX). */
export const ExemplarFileKind = z.enum(['photo', 'document']);
export type ExemplarFileKind = z.infer<typeof ExemplarFileKind>;
export const exemplarFileKindLabels: Record<ExemplarFileKind, string> = {
  photo: 'Hình ảnh',
  document: 'Tài liệu',
};
/** The largest file an exemplar takes. */
export const EXEMPLAR_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** Most files one exemplar keeps. */
export const EXEMPLAR_FILES_MAX = 30;

/** What the signed-in user may do with an exemplar; the page shows only these buttons. */
export const ExemplarAction = z.enum([
  'edit',
  'propose',
  'confirm',
  'return',
  'advance',
  'publish',
  'withdraw',
  'files',
  'replications',
  'awards',
]);
export type ExemplarAction = z.infer<typeof ExemplarAction>;

const Title = Text(300).min(3, 'Nhập tên điển hình (ít nhất 3 ký tự)');
const Summary = MultilineText(10_000);

/** POST /api/exemplars: a unit proposes an exemplar (stage "phát hiện"). */
export const ExemplarCreateBody = z
  .strictObject({
    /** The proposing unit (its officers manage the record; the level above confirms). */
    unitId: Uuid,
    kind: ExemplarKind,
    subject: ExemplarSubject,
    title: Title,
    summary: Summary.default(''),
    /** The person, when the example is a person. */
    personId: Uuid.nullable().default(null),
    /** The collective, when the example is a collective (the proposing unit or one below it). */
    subjectUnitId: Uuid.nullable().default(null),
    movementId: Uuid.nullable().default(null),
    /** The day it was discovered. */
    discoveredOn: IsoDate,
  })
  .superRefine((value, context) => {
    if (value.subject === 'person' && !value.personId)
      context.addIssue({ code: 'custom', path: ['personId'], message: 'Chọn cá nhân điển hình' });
    if (value.subject !== 'person' && value.personId)
      context.addIssue({
        code: 'custom',
        path: ['personId'],
        message: 'Chỉ chọn cá nhân khi điển hình là cá nhân',
      });
    if (value.subject === 'collective' && !value.subjectUnitId)
      context.addIssue({ code: 'custom', path: ['subjectUnitId'], message: 'Chọn tập thể điển hình' });
    if (value.subject !== 'collective' && value.subjectUnitId)
      context.addIssue({
        code: 'custom',
        path: ['subjectUnitId'],
        message: 'Chỉ chọn tập thể khi điển hình là tập thể',
      });
  });
export type ExemplarCreateBody = z.infer<typeof ExemplarCreateBody>;

/** PATCH /api/exemplars/:id: the title, summary, kind and movement at the version loaded. */
export const ExemplarUpdateBody = z.strictObject({
  title: Title.optional(),
  summary: Summary.optional(),
  kind: ExemplarKind.optional(),
  movementId: Uuid.nullable().optional(),
  version: RecordVersion,
});
export type ExemplarUpdateBody = z.infer<typeof ExemplarUpdateBody>;

/** A change without data of its own (confirm, propose again, publish, withdraw) at the version loaded. */
export const ExemplarVersionBody = z.strictObject({ version: RecordVersion });
export const ExemplarVersionQuery = z.object({
  version: z.coerce.number().int().min(1, 'Phiên bản không hợp lệ'),
});

/** POST /api/exemplars/:id/return: the reason is required. */
export const ExemplarReturnBody = z.strictObject({
  reason: MultilineText(2000).min(3, 'Nhập lý do trả lại (ít nhất 3 ký tự)'),
  version: RecordVersion,
});

/** POST /api/exemplars/:id/advance: the next stage, on a day, with a note. */
export const ExemplarAdvanceBody = z.strictObject({
  stage: ExemplarStage,
  movedOn: IsoDate,
  note: MultilineText(5000).default(''),
  version: RecordVersion,
});
export type ExemplarAdvanceBody = z.infer<typeof ExemplarAdvanceBody>;

/** POST /api/exemplars/:id/replications: a unit that took the example up. */
export const ReplicationBody = z.strictObject({
  unitId: Uuid,
  replicatedOn: IsoDate,
  note: MultilineText(2000).default(''),
  version: RecordVersion,
});
export type ReplicationBody = z.infer<typeof ReplicationBody>;

/** POST /api/exemplars/:id/awards: an award record (lịch sử khen thưởng) the example led to. */
export const ExemplarAwardBody = z.strictObject({ awardReceivedId: Uuid, version: RecordVersion });

/** POST /api/exemplars/:id/files?kind=photo|document. */
export const ExemplarFileQuery = z.object({
  kind: ExemplarFileKind,
  version: z.coerce.number().int().min(1, 'Phiên bản không hợp lệ'),
});

/** GET /api/exemplars: lists per movement and per unit (subtree), with filters and a diacritic-free search. */
export const ExemplarListQuery = CursorQuery.extend({
  q: Text(200).optional(),
  movementId: Uuid.optional(),
  unitId: Uuid.optional(),
  stage: ExemplarStage.optional(),
  kind: ExemplarKind.optional(),
  status: ExemplarStatus.optional(),
  published: z.enum(['true', 'false']).optional(),
});
export type ExemplarListQuery = z.infer<typeof ExemplarListQuery>;

export const ExemplarListItem = z.object({
  id: z.string(),
  title: z.string(),
  kind: ExemplarKind,
  subject: ExemplarSubject,
  subjectName: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  movementId: z.string().nullable(),
  movementName: z.string().nullable(),
  stage: ExemplarStage,
  status: ExemplarStatus,
  isPublished: z.boolean(),
  discoveredOn: StoredDate,
  replicationCount: z.number().int(),
});
export type ExemplarListItem = z.infer<typeof ExemplarListItem>;
export const ExemplarPage = cursorPageOf(ExemplarListItem);
export type ExemplarPage = z.infer<typeof ExemplarPage>;

export const StageMove = z.object({
  id: z.string(),
  stage: ExemplarStage,
  movedOn: StoredDate,
  note: z.string(),
  movedByName: z.string().nullable(),
});
export const ExemplarFile = z.object({
  id: z.string(),
  kind: ExemplarFileKind,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type ExemplarFile = z.infer<typeof ExemplarFile>;
export const Replication = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  replicatedOn: StoredDate,
  note: z.string(),
});
export const ExemplarAward = z.object({
  id: z.string(),
  awardReceivedId: z.string(),
  awardCode: z.string(),
  awardName: z.string(),
  year: z.number().int(),
  decisionNumber: z.string().nullable(),
  decisionDate: StoredDate.nullable(),
  recipientName: z.string(),
});
export type ExemplarAward = z.infer<typeof ExemplarAward>;

/** One exemplar as its page shows it, with its history, files, replications, awards and the user's actions. */
export const ExemplarView = ExemplarListItem.extend({
  summary: z.string(),
  personId: z.string().nullable(),
  subjectUnitId: z.string().nullable(),
  returnReason: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  moves: z.array(StageMove),
  files: z.array(ExemplarFile),
  replications: z.array(Replication),
  awards: z.array(ExemplarAward),
  actions: z.array(ExemplarAction),
});
export type ExemplarView = z.infer<typeof ExemplarView>;

/** GET /api/exemplars/:id/award-options: the latest award records of the exemplar's subject. */
export const ExemplarAwardOptions = z.object({
  items: z.array(ExemplarAward.omit({ id: true })),
});
