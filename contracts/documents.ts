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

/** The emulation movement the document is about: its quoted name and period. */
export const Movement = z.object({
  name: DocumentText().nullable(),
  periodFrom: z.number().int().nullable(),
  periodTo: z.number().int().nullable(),
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

/** A source line the parser could not place in any field or node. */
export const UnclassifiedLine = z.object({ line: z.number().int(), text: DocumentText() });
export type UnclassifiedLine = z.infer<typeof UnclassifiedLine>;

/** A parsed administrative document (NĐ 30/2020 layout), read from text, Markdown or DOCX. */
export const ParsedDocument = z.object({
  /** Type name as written, upper case ("KẾ HOẠCH"); "CÔNG VĂN" for a letter with a V/v summary. */
  kind: DocumentText().nullable(),
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
  /** Received-stamp of the body that filed this copy, if any. */
  incoming: IncomingStamp.nullable(),
  /** "Kính gửi" addressees, one per entry. */
  addressees: z.array(DocumentText()),
  /** Legal-basis paragraphs of the preamble. */
  legalBasis: z.array(LegalBasis),
  /** Emulation movement named by the document. */
  movement: Movement,
  /** Top level of the body; owns every body line (see the parser's lossless accounting). */
  sections: z.array(DocNode),
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
  /** Signature block. */
  signature: Signature,
  /** "Nơi nhận" recipients, one per entry, without the leading dash or trailing punctuation. */
  recipients: z.array(DocumentText()),
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
  /** Local names replaced before comparing (place names and administrative level). */
  localisedNames: z.array(z.object({ parent: z.string(), child: z.string() })),
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
