import { z } from 'zod';
import { DocumentText, IsoDate } from './common.ts';

/*
 * The document model is both read from files and sent back by the plan editor: its texts refuse
 * control characters (line feeds and tabs allowed) and its dates are real calendar days.
 */

/** A line range in the source text, 1-based and inclusive: [first, last]. */
export const LineRange = z.tuple([z.number().int(), z.number().int()]);
export type LineRange = z.infer<typeof LineRange>;

/** One numbered or free paragraph of the body, with its sub-items. */
export interface DocNode {
  /** Numbering label exactly as written ("I.", "1.1.", "a)", "-", "- +", "Một là,"), null for a free paragraph. */
  label: string | null;
  /** Paragraph text without its label, continuation lines joined by one space. */
  text: string;
  /** Source lines of this paragraph itself (children excluded). */
  lines: LineRange;
  /** Sub-items in reading order. */
  children: DocNode[];
}

/** Zod schema of a body node (recursive). */
export const DocNode: z.ZodType<DocNode> = z
  .lazy(() =>
    z.object({
      label: DocumentText().nullable(),
      text: DocumentText(),
      lines: LineRange,
      children: z.array(DocNode),
    }),
  )
  .meta({ id: 'DocNode' });

/** A free paragraph outside the numbered body (the preamble), with its source lines. */
export const DocParagraph = z.object({ text: DocumentText(), lines: LineRange });
export type DocParagraph = z.infer<typeof DocParagraph>;

/** Kind of an administrative document (NĐ 30/2020, Phụ lục III), read from its heading or its symbol. */
export const DocumentType = z.enum([
  'resolution',
  'decision',
  'directive',
  'regulation',
  'rules',
  'communique',
  'notice',
  'guide',
  'programme',
  'plan',
  'scheme',
  'project_proposal',
  'project',
  'report',
  'minutes',
  'submission',
  'contract',
  'letter',
  'telegram',
  'memorandum',
  'agreement',
  'power_of_attorney',
  'invitation',
  'introduction',
  'leave_permit',
  'dispatch_slip',
  'transfer_slip',
  'notice_slip',
]);
export type DocumentType = z.infer<typeof DocumentType>;

/**
 * Vietnamese name and symbol abbreviation of each kind (NĐ 30/2020, Phụ lục III). A letter (công văn)
 * has no abbreviation of its own; "CV" in older symbols is still read as a letter.
 */
export const documentTypeInfo: Record<DocumentType, { name: string; code: string | null }> = {
  resolution: { name: 'Nghị quyết', code: 'NQ' },
  decision: { name: 'Quyết định', code: 'QĐ' },
  directive: { name: 'Chỉ thị', code: 'CT' },
  regulation: { name: 'Quy chế', code: 'QC' },
  rules: { name: 'Quy định', code: 'QyĐ' },
  communique: { name: 'Thông cáo', code: 'TC' },
  notice: { name: 'Thông báo', code: 'TB' },
  guide: { name: 'Hướng dẫn', code: 'HD' },
  programme: { name: 'Chương trình', code: 'CTr' },
  plan: { name: 'Kế hoạch', code: 'KH' },
  scheme: { name: 'Phương án', code: 'PA' },
  project_proposal: { name: 'Đề án', code: 'ĐA' },
  project: { name: 'Dự án', code: 'DA' },
  report: { name: 'Báo cáo', code: 'BC' },
  minutes: { name: 'Biên bản', code: 'BB' },
  submission: { name: 'Tờ trình', code: 'TTr' },
  contract: { name: 'Hợp đồng', code: 'HĐ' },
  letter: { name: 'Công văn', code: null },
  telegram: { name: 'Công điện', code: 'CĐ' },
  memorandum: { name: 'Bản ghi nhớ', code: 'BGN' },
  agreement: { name: 'Bản thỏa thuận', code: 'BTT' },
  power_of_attorney: { name: 'Giấy ủy quyền', code: 'GUQ' },
  invitation: { name: 'Giấy mời', code: 'GM' },
  introduction: { name: 'Giấy giới thiệu', code: 'GGT' },
  leave_permit: { name: 'Giấy nghỉ phép', code: 'GNP' },
  dispatch_slip: { name: 'Phiếu gửi', code: 'PG' },
  transfer_slip: { name: 'Phiếu chuyển', code: 'PC' },
  notice_slip: { name: 'Phiếu báo', code: 'PB' },
};

/** Issuing body: the parent body above it (if any) and its own name, upper case as written. */
export const DocIssuer = z.object({ parent: DocumentText().nullable(), name: DocumentText().nullable() });
export type DocIssuer = z.infer<typeof DocIssuer>;

/** A received-stamp ("CÔNG VĂN ĐẾN, Số: 913, Ngày: 26/8/2019") of the receiving body. */
export const IncomingStamp = z.object({
  receiver: DocumentText(),
  number: DocumentText(),
  date: IsoDate.nullable(),
});
export type IncomingStamp = z.infer<typeof IncomingStamp>;

/** A document cited in a legal-basis paragraph: number and symbol, ISO date when written. */
export const LegalReference = z.object({ number: DocumentText(), date: IsoDate.nullable() });
export type LegalReference = z.infer<typeof LegalReference>;

/** One "Căn cứ / Thực hiện / Xét đề nghị" paragraph and the documents it cites. */
export const LegalBasis = z.object({ text: DocumentText(), refs: z.array(LegalReference) });
export type LegalBasis = z.infer<typeof LegalBasis>;

/** Where a movement period was read: the source line and the words as written ("giai đoạn 2019 - 2025"). */
export const PeriodSource = z.object({ line: z.number().int(), text: DocumentText() });
export type PeriodSource = z.infer<typeof PeriodSource>;

/** The emulation movement the document is about: its quoted name and period. */
export const Movement = z.object({
  name: DocumentText().nullable(),
  /** First year of the period; null when the text states none. */
  periodFrom: z.number().int().nullable(),
  periodTo: z.number().int().nullable(),
  /** Where the period was read (title, summary or first section); null when the text states none. */
  periodSource: PeriodSource.nullable(),
});
export type Movement = z.infer<typeof Movement>;

/** Items split by who they apply to: collectives (tập thể) and individuals (cá nhân). */
export const SplitItems = z.object({ collective: z.array(DocNode), individual: z.array(DocNode) });
export type SplitItems = z.infer<typeof SplitItems>;

/** Round of commendation: yearly, mid-term review (sơ kết), final review (tổng kết), ad hoc (đột xuất). */
export const AwardRound = z.enum(['annual', 'midterm', 'final', 'adhoc']);
export type AwardRound = z.infer<typeof AwardRound>;

/** A commendation round and the forms (Giấy khen, Bằng khen …) it mentions. */
export const AwardPlan = z.object({
  round: AwardRound.nullable(),
  year: z.number().int().nullable(),
  forms: z.array(DocumentText()),
});
export type AwardPlan = z.infer<typeof AwardPlan>;

/** Kind of a milestone in the plan's schedule (tiến độ). */
export const MilestoneKind = z.enum([
  'launch',
  'annual',
  'midterm_review',
  'final_review',
  'deadline',
  'other',
]);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

/** One step of the schedule: its kind, year and exact date when written. */
export const Milestone = z.object({
  kind: MilestoneKind,
  year: z.number().int().nullable(),
  date: IsoDate.nullable(),
  text: DocumentText(),
});
export type Milestone = z.infer<typeof Milestone>;

/** Who must do what (tổ chức thực hiện), with a deadline when one is written. */
export const Assignment = z.object({
  assignee: DocumentText(),
  tasks: z.array(DocumentText()),
  deadline: DocumentText().nullable(),
});
export type Assignment = z.infer<typeof Assignment>;

/** Signature block: authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), position and name. */
export const Signature = z.object({
  authority: z.array(DocumentText()),
  title: DocumentText().nullable(),
  name: DocumentText().nullable(),
});
export type Signature = z.infer<typeof Signature>;

/** One "Nơi nhận" entry, without its dash or trailing punctuation; "+" sub-entries stay under it. */
export const Recipient = z.object({ text: DocumentText(), subEntries: z.array(DocumentText()) });
export type Recipient = z.infer<typeof Recipient>;

/**
 * A text issued with the document and printed after its signature: a regulation (Quy chế, Quy định
 * with Chương, Điều, khoản), a plan, a form (Mẫu số …), a list or a table (Phụ lục).
 */
export const Attachment = z.object({
  /** Label as written ("PHỤ LỤC I", "Mẫu số 01"); null when the attachment starts with its type. */
  label: DocumentText().nullable(),
  /** Type heading in capitals when a title follows it ("QUY CHẾ", "BIÊN BẢN", "KẾ HOẠCH"). */
  kind: DocumentText().nullable(),
  /** Title: the line(s) under the type, or the heading itself when no type is written. */
  title: DocumentText().nullable(),
  /** Note tying it to the document ("(Ban hành kèm theo Quyết định số … )"). */
  note: DocumentText().nullable(),
  /** Heading lines of its own layout as written (issuer, Quốc hiệu, the blank place and date of a form). */
  heading: z.array(DocumentText()),
  /** Its body: chapters, articles, clauses, items, table rows, form lines. */
  sections: z.array(DocNode),
  /** View: its articles (Điều 1, Điều 2 …, also inside chapters), nodes shared with `sections`. */
  articles: z.array(DocNode),
  /** Source lines of the whole attachment. */
  lines: LineRange,
});
export type Attachment = z.infer<typeof Attachment>;

/** A source line the parser could not place in any field or node. */
export const UnclassifiedLine = z.object({ line: z.number().int(), text: DocumentText() });
export type UnclassifiedLine = z.infer<typeof UnclassifiedLine>;

/** A parsed administrative document (NĐ 30/2020 layout), read from text, Markdown or DOCX. */
export const ParsedDocument = z.object({
  /** Type name as written, upper case ("KẾ HOẠCH"); "CÔNG VĂN" for a letter with a V/v summary. */
  kind: DocumentText().nullable(),
  /** Kind of document (NĐ 30/2020 Phụ lục III) from the type name, else from the number's symbol. */
  type: DocumentType.nullable(),
  /** Issuing body. */
  issuer: DocIssuer,
  /** Number and symbol without "Số:" ("68/KH-UBND"). */
  number: DocumentText().nullable(),
  /** Place name of the date line ("Lai Châu"). */
  place: DocumentText().nullable(),
  /** Issue date, ISO (YYYY-MM-DD). */
  date: IsoDate.nullable(),
  /** Summary (trích yếu) or the V/v line of a letter. */
  title: DocumentText().nullable(),
  /**
   * Issuing authority written under the summary of a decision, resolution or telegram
   * ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "HỘI ĐỒNG NHÂN DÂN … KHÓA XVI, KỲ HỌP THỨ …").
   */
  authority: DocumentText().nullable(),
  /** Received-stamp of the body that filed this copy, if any. */
  incoming: IncomingStamp.nullable(),
  /** Addressees, one per entry: "Kính gửi" of a letter, the list after "… điện:" of a telegram. */
  addressees: z.array(DocumentText()),
  /** Legal-basis paragraphs ("Căn cứ …", "Thực hiện …", "Xét …", "Theo đề nghị …"). */
  legalBasis: z.array(LegalBasis),
  /** Opening paragraphs between the summary and the first numbered section, in reading order. */
  preamble: z.array(DocParagraph),
  /** Enacting words before the articles ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:", "… ban hành Nghị quyết …"). */
  enacting: DocumentText().nullable(),
  /** Emulation movement named by the document. */
  movement: Movement,
  /** Top level of the body; owns every body line (see the parser's lossless accounting). */
  sections: z.array(DocNode),
  /** View: articles of a decision or resolution (Điều 1, Điều 2 …), nodes shared with `sections`. */
  articles: z.array(DocNode),
  /** View: contents of the emulation (nội dung thi đua), nodes shared with `sections`. */
  contents: SplitItems,
  /** View: emulation criteria (tiêu chuẩn thi đua), nodes shared with `sections`. */
  criteria: SplitItems,
  /** View: commendation rounds and forms. */
  awards: z.array(AwardPlan),
  /** View: schedule milestones. */
  milestones: z.array(Milestone),
  /** View: assignments of the implementation section. */
  assignments: z.array(Assignment),
  /** View: text of the funding section (kinh phí). */
  funding: DocumentText().nullable(),
  /** Signature block of the document itself (before its attachments). */
  signature: Signature,
  /** "Nơi nhận" recipients of the document itself (before its attachments), one per entry. */
  recipients: z.array(Recipient),
  /** Texts issued with the document, after its signature, in order. */
  attachments: z.array(Attachment),
  /** True when the text visibly stops early (a "[...]" marker, or no ending and a cut last line). */
  truncated: z.boolean(),
  /** Lines the parser could not place. */
  unclassified: z.array(UnclassifiedLine),
});
export type ParsedDocument = z.infer<typeof ParsedDocument>;

/** A compared item: its label, text and lines in its own document. */
export const DiffItem = z.object({ label: z.string().nullable(), text: z.string(), lines: LineRange });
export type DiffItem = z.infer<typeof DiffItem>;

/** An item present in both plans with different wording, and how similar the two are (0–1). */
export const RewordedItem = z.object({ parent: DiffItem, child: DiffItem, similarity: z.number() });
export type RewordedItem = z.infer<typeof RewordedItem>;

/** Comparison of one list of items (e.g. collective criteria). */
export const ItemListDiff = z.object({
  added: z.array(DiffItem),
  removed: z.array(DiffItem),
  reworded: z.array(RewordedItem),
  unchanged: z.number().int(),
});
export type ItemListDiff = z.infer<typeof ItemListDiff>;

/** Comparison of collective and individual lists. */
export const SplitDiff = z.object({ collective: ItemListDiff, individual: ItemListDiff });
export type SplitDiff = z.infer<typeof SplitDiff>;

/** A commendation round whose forms changed between the two plans. */
export const AwardChange = z.object({
  round: AwardRound.nullable(),
  year: z.number().int().nullable(),
  formsAdded: z.array(z.string()),
  formsRemoved: z.array(z.string()),
});
export type AwardChange = z.infer<typeof AwardChange>;

/** Identity of one compared plan. */
export const DiffSide = z.object({
  number: z.string().nullable(),
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  level: z.string().nullable(),
});
export type DiffSide = z.infer<typeof DiffSide>;

/** Result of comparing a higher level's plan (parent) with a lower level's copy (child). */
export const PlanDiff = z.object({
  /** The higher level's plan. */
  parent: DiffSide,
  /** The lower level's plan. */
  child: DiffSide,
  /** Local names replaced before comparing, each pair once, with how many places of the copy use it. */
  localisedNames: z.array(z.object({ parent: z.string(), child: z.string(), count: z.number().int() })),
  /** Top-level sections present in only one plan, by heading. */
  sections: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  /** Contents of the emulation compared by meaning. */
  contents: SplitDiff,
  /** Criteria compared by meaning. */
  criteria: SplitDiff,
  /** Milestones present in only one plan or reworded. */
  milestones: z.object({
    added: z.array(Milestone),
    removed: z.array(Milestone),
    changed: z.array(z.object({ parent: Milestone, child: Milestone })),
  }),
  /** Commendation rounds added, removed, or with changed forms. */
  awards: z.object({ added: z.array(AwardPlan), removed: z.array(AwardPlan), changed: z.array(AwardChange) }),
  /** Funding section of each plan and what happened to it. */
  funding: z.object({
    parent: z.string().nullable(),
    child: z.string().nullable(),
    status: z.enum(['absent', 'added', 'removed', 'same', 'changed']),
  }),
});
export type PlanDiff = z.infer<typeof PlanDiff>;
